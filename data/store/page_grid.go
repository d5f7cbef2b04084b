package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"

	"github.com/incidentmap/incidentmap/data/boxgrid"
	"github.com/incidentmap/incidentmap/geo"
)

// listNewest gives the cells each point's incidents newest first (see
// data/boxgrid/newest.go), read from the (event_date, id, lon, lat) index
// backwards, in the snapshot the cells were counted in. Cells without
// points get none, and pages go to the R*Tree.
func listNewest(ctx context.Context, tx *sql.Tx, cells *boxgrid.Cells) error {
	nb := cells.NewestBuilder()
	if nb == nil {
		return nil
	}
	rows, err := tx.QueryContext(ctx, "SELECT event_date, id, lon, lat FROM incidents ORDER BY event_date DESC, id DESC")
	if err != nil {
		return fmt.Errorf("store: newest lists: %w", err)
	}
	defer rows.Close()
	// The date is scanned as raw bytes and parsed once a day: a string
	// per row would be a million allocations.
	var date sql.RawBytes
	var id int64
	var lon, lat float64
	var lastDate []byte
	day := int64(0)
	for rows.Next() {
		if err := rows.Scan(&date, &id, &lon, &lat); err != nil {
			return fmt.Errorf("store: newest lists: %w", err)
		}
		if lastDate == nil || !bytes.Equal(date, lastDate) {
			if day, err = dayOf(string(date)); err != nil {
				return err
			}
			lastDate = append(lastDate[:0], date...)
		}
		nb.Add(lon, lat, day, id)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: newest lists: %w", err)
	}
	nb.Done()
	return nil
}

// gridPage reads a page of a box and dates (f selects by nothing else, and
// its box does not cross the antimeridian) from the grid's newest lists
// when they are at version gen, and its rows by id. ok is false when the
// grid cannot choose the page, or the snapshot q reads is newer than gen.
func (s *Store) gridPage(ctx context.Context, q queryer, gen int64, f geo.IncidentFilter, r treeRange, want int) (rows []incidentRow, ok bool, err error) {
	g := s.grid.Built(gen)
	if g == nil {
		return nil, false, nil
	}
	lo, okLo := boxgrid.PageKey(int64(r.lo/tPerDay), 0)
	hi, okHi := boxgrid.PageKey(int64(r.hi/tPerDay), boxgrid.MaxID)
	if f.After != nil {
		day, err := dayOf(f.After.EventDate)
		if err != nil {
			return nil, false, err
		}
		// Strictly after the cursor: its own key less one.
		k, okK := boxgrid.PageKey(day, f.After.ID)
		if !okK {
			return nil, false, nil
		}
		if k == 0 {
			return []incidentRow{}, true, nil
		}
		hi, okHi = min(hi, k-1), true
	}
	if !okLo || !okHi {
		return nil, false, nil // dates beyond the keys' range: never valid ones
	}
	ids, ok := g.Newest(r.box, lo, hi, want)
	if !ok {
		return nil, false, nil
	}
	rows, err = incidentRowsByID(ctx, q, ids)
	if err != nil {
		return nil, false, err
	}
	// The rows were read in q's snapshot: it must be the one the lists
	// were made from.
	if now, err := s.Version(ctx); err != nil || now != gen || len(rows) != len(ids) {
		return nil, false, err
	}
	return rows, true, nil
}

// incidentRowsByID reads the rows of ids, in their order.
func incidentRowsByID(ctx context.Context, q queryer, ids []int64) ([]incidentRow, error) {
	if len(ids) == 0 {
		return []incidentRow{}, nil
	}
	rows, err := queryRows(ctx, q, incidentsByIDSQL, idList(ids))
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	out := make([]incidentRow, len(ids))
	for _, r := range rows {
		out[at[r.inc.ID]] = r
	}
	return out[:min(len(rows), len(ids))], nil
}
