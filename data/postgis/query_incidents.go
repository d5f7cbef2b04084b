package postgis

import (
	"context"
	"errors"

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
	if onlyBoxAndTime(f) {
		if incs, total, ok, err := s.latestGridPage(ctx, f); err != nil || ok {
			return incs, total, err
		}
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer rollback(tx)
	var at snapshot
	if onlyBoxAndTime(f) {
		if at, err = readSnapshot(ctx, tx); err != nil {
			return nil, 0, err
		}
	}
	total, err := s.countMatches(ctx, tx, f, w, at)
	if err != nil {
		return nil, 0, err
	}
	if onlyBoxAndTime(f) {
		if incs, ok, err := s.gridPage(ctx, tx, f, at); err != nil || ok {
			return incs, total, err
		}
	}
	var before []string
	if walkPage(f, total, at) {
		if page, err = walkWhere(f); err != nil {
			return nil, 0, err
		}
		// Without a condition for the GiST index, the planner's other
		// choice is to read the whole table.
		before = []string{`SET LOCAL enable_seqscan = off`}
	}
	incs, err := readIncidents(ctx, tx, s.articles, before, pageQuery(page, f), page.args...)
	if err != nil {
		return nil, 0, err
	}
	return incs, total, nil
}

// pageQuery selects a page's ids under page's conditions, then its rows:
// a walk of incidents_page finds the ids in the index alone, and only the
// page's rows are read.
func pageQuery(page *where, f geo.IncidentFilter) string {
	var limit any // NULL: no limit
	if f.Limit > 0 {
		limit = f.Limit
	}
	return "SELECT " + incidentColumns + " FROM incidents i JOIN (SELECT i.id FROM incidents i" + page.SQL() +
		" ORDER BY i.event_date DESC, i.id DESC LIMIT " + page.param(limit) + " OFFSET " + page.param(f.Offset) +
		") p ON p.id = i.id ORDER BY i.event_date DESC, i.id DESC"
}

// Incident returns one incident with its sources, or a geo.ENotFound error.
// Its two queries need no shared snapshot (articles are never deleted),
// so they run without a transaction: two round trips instead of four.
func (s *Store) Incident(ctx context.Context, id int64) (geo.Incident, error) {
	incs, err := incidentsByID(ctx, s.pool, s.articles, []int64{id}, nil)
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
