package storecopy

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/data/postgis"
	"github.com/incidentmap/incidentmap/data/store"
	"github.com/incidentmap/incidentmap/geo"
)

// Verify compares the two stores after a copy: every table's row count
// (from rep), and up to sample incidents, spread over the ids, read
// through each store as the servers read them, sources included.
func Verify(ctx context.Context, from, to string, rep Report, sample int) error {
	for _, t := range rep.Tables {
		if t.Source != t.Target {
			return fmt.Errorf("storecopy: %s has %d rows in the source and %d in the target", t.Name, t.Source, t.Target)
		}
	}
	src, err := store.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := postgis.Open(to)
	if err != nil {
		return err
	}
	defer dst.Close()
	ids, err := sampleIDs(ctx, from, sample)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := sameIncident(ctx, src, dst, id); err != nil {
			return err
		}
	}
	return nil
}

// sampleIDs picks up to n incident ids spread over the store, the same
// ones every time.
func sampleIDs(ctx context.Context, path string, n int) ([]int64, error) {
	db, err := sql.Open("sqlite", store.DSN(path)+"&mode=ro")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT id FROM incidents ORDER BY (id * 2654435761) % 4294967296 LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("storecopy: sample: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("storecopy: sample: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// sameIncident compares one incident as both stores read it. Publication
// times are compared to the microsecond, PostgreSQL's resolution.
func sameIncident(ctx context.Context, src, dst contract.Store, id int64) error {
	a, err := src.Incident(ctx, id)
	if err != nil {
		return err
	}
	b, err := dst.Incident(ctx, id)
	if err != nil {
		return fmt.Errorf("storecopy: incident %d in the target: %w", id, err)
	}
	for _, inc := range []*geo.Incident{&a, &b} {
		for i := range inc.Sources {
			inc.Sources[i].Published = inc.Sources[i].Published.Truncate(time.Microsecond)
		}
	}
	if !reflect.DeepEqual(a, b) {
		return fmt.Errorf("storecopy: incident %d differs:\nsource %+v\ntarget %+v", id, a, b)
	}
	return nil
}
