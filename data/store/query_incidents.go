package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// Incidents returns one page of the incidents matching f, newest event date
// first (ties by id, descending), with their Sources, and the number of all
// incidents matching f regardless of paging. The page comes from one
// snapshot; the total is counted in it or remembered from an earlier count
// at the same Version. A Limit of 0 means no limit.
func (s *Store) Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, 0, geo.FieldError("limit", "limit and offset must not be negative")
	}
	// The version is read before the snapshot starts, so a count kept under
	// it is never older than the version says.
	gen, err := s.Version(ctx)
	if err != nil {
		return nil, 0, err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	want := 0
	if f.Limit > 0 {
		want = f.Limit + f.Offset
	}
	plan, err := s.planQuery(ctx, tx, gen, f, want)
	if err != nil {
		return nil, 0, err
	}
	incs, err := s.page(ctx, tx, gen, f, plan)
	if err != nil {
		return nil, 0, err
	}
	total, err := s.matched(ctx, tx, gen, f, plan)
	if err != nil {
		return nil, 0, err
	}
	return incs, total, nil
}

// page reads the incidents of one page as plan says.
func (s *Store) page(ctx context.Context, q queryer, gen int64, f geo.IncidentFilter, plan queryPlan) ([]geo.Incident, error) {
	if plan.boxOnly {
		rows, ok, err := s.gridPage(ctx, q, gen, f, plan.tree, f.Limit+f.Offset)
		if err != nil {
			return nil, err
		}
		if ok {
			return attachSourcesWith(ctx, q, rows[min(f.Offset, len(rows)):], s.articles.reader(gen))
		}
	}
	if plan.page == bboxTreePage {
		rows, err := treePage(ctx, q, plan.tree, f.After, f.Limit+f.Offset, plan.density)
		if err != nil {
			return nil, err
		}
		return attachSourcesWith(ctx, q, rows[min(f.Offset, len(rows)):], s.articles.reader(gen))
	}
	page, err := filterWhere(f, plan.page)
	if err != nil {
		return nil, err
	}
	if err := addCursor(page, f.After); err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = -1 // SQLite: no limit
	}
	query := "SELECT " + packedColumns + " FROM incidents i" + page.SQL() +
		" ORDER BY i.event_date DESC, i.id DESC LIMIT ? OFFSET ?"
	return queryIncidents(ctx, q, query, append(page.args, limit, f.Offset)...)
}

// matched counts the incidents f selects, ignoring paging.
func (s *Store) matched(ctx context.Context, q queryer, gen int64, f geo.IncidentFilter, plan queryPlan) (int, error) {
	if onlyBoxAndTime(f) {
		return plan.matches, nil
	}
	w, err := filterWhere(f, plan.count)
	if err != nil {
		return 0, err
	}
	return s.counts.cached(gen, fmt.Sprintf("where %s %#v", w.SQL(), w.args), func() (int, error) {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM incidents i"+w.SQL(), w.args...).Scan(&n); err != nil {
			return 0, fmt.Errorf("store: count incidents: %w", err)
		}
		return n, nil
	})
}

// incidentsByIDSQL reads the incidents of a JSON list of ids.
const incidentsByIDSQL = "SELECT " + packedColumns + " FROM json_each(?) j JOIN incidents i ON i.id = j.value"

// incidentsByID loads incidents with their sources, in the order of ids;
// ids that do not exist are skipped.
func incidentsByID(ctx context.Context, q queryer, ids []int64) ([]geo.Incident, error) {
	if len(ids) == 0 {
		return []geo.Incident{}, nil
	}
	incs, err := queryIncidents(ctx, q, incidentsByIDSQL, idList(ids))
	if err != nil {
		return nil, err
	}
	return contract.InOrder(incs, ids), nil
}

// incidentsOfArticle loads the incidents an article is a source of.
func incidentsOfArticle(ctx context.Context, q queryer, articleID int64) ([]geo.Incident, error) {
	query := "SELECT " + packedColumns + ` FROM incidents i
		WHERE i.id IN (SELECT incident_id FROM incident_sources WHERE article_id = ?) ORDER BY i.id`
	return queryIncidents(ctx, q, query, articleID)
}

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// notFound reports whether err is sql.ErrNoRows.
func notFound(err error) bool { return errors.Is(err, sql.ErrNoRows) }
