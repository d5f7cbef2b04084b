package postgis

import (
	"context"
	"errors"
	"fmt"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// Incidents returns one page of the incidents matching f, newest event date
// first (ties by id, descending), with their Sources, and the number of all
// incidents matching f regardless of paging. Page and total come from one
// snapshot. A Limit of 0 means no limit.
func (s *Store) Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, 0, geo.FieldError("limit", "limit and offset must not be negative")
	}
	w, err := filterWhere(f)
	if err != nil {
		return nil, 0, err
	}
	page := &where{conds: w.conds, args: append([]any(nil), w.args...)}
	if err := addCursor(page, f.After); err != nil {
		return nil, 0, err
	}
	var limit any // NULL: no limit
	if f.Limit > 0 {
		limit = f.Limit
	}
	query := "SELECT " + incidentColumns + " FROM incidents i" + page.SQL() +
		" ORDER BY i.event_date DESC, i.id DESC LIMIT " + page.param(limit) + " OFFSET " + page.param(f.Offset)

	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer rollback(tx)
	incs, err := queryIncidents(ctx, tx, query, page.args...)
	if err != nil {
		return nil, 0, err
	}
	var total int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM incidents i"+w.SQL(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgis: count incidents: %w", err)
	}
	if incs == nil {
		incs = []geo.Incident{}
	}
	return incs, total, nil
}

// Incident returns one incident with its sources, or a geo.ENotFound error.
func (s *Store) Incident(ctx context.Context, id int64) (geo.Incident, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return geo.Incident{}, err
	}
	defer rollback(tx)
	incs, err := incidentsByID(ctx, tx, []int64{id})
	if err != nil {
		return geo.Incident{}, err
	}
	if len(incs) == 0 {
		return geo.Incident{}, geo.Errorf(geo.ENotFound, "incident %d not found", id)
	}
	return incs[0], nil
}

// notFound reports whether err is pgx.ErrNoRows.
func notFound(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
