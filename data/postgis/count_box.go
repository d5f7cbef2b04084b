package postgis

import (
	"context"
	"fmt"
	"strings"

	"github.com/incidentmap/incidentmap/data/boxgrid"
	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// onlyBoxAndTime reports whether f selects by its box and dates alone, so
// that its matches can be counted in the incidents_box_date index alone.
func onlyBoxAndTime(f geo.IncidentFilter) bool {
	return f.BBox != nil && len(f.EventType) == 0 && len(f.SubEventType) == 0 &&
		len(f.Country) == 0 && f.Admin1 == "" && f.Q == "" && f.ArticleID == 0
}

// boxTimeWhere is the condition of a box and dates over the columns of
// incidents_box_date: the point's containment in the box, which the GiST
// index answers, then its exact coordinates (PostgreSQL's geometric
// operators may compare with a tolerance), and the event date. f.BBox has
// been validated.
func boxTimeWhere(f geo.IncidentFilter) *where {
	w := boxesWhere(splitAntimeridian(*f.BBox))
	if f.From != nil {
		w.add("i.event_date >= ?::date", f.From.Format(contract.DateLayout))
	}
	if f.To != nil {
		w.add("i.event_date <= ?::date", f.To.Format(contract.DateLayout))
	}
	return w
}

// boxesWhere selects the points in any of boxes, which do not overlap.
func boxesWhere(boxes []geo.BBox) *where {
	var conds []string
	var args []any
	for _, b := range boxes {
		conds = append(conds, "(i.pt <@ box(point(?, ?), point(?, ?)) AND i.pt[0] BETWEEN ? AND ? AND i.pt[1] BETWEEN ? AND ?)")
		args = append(args, b.West, b.South, b.East, b.North, b.West, b.East, b.South, b.North)
	}
	w := &where{}
	w.add("("+strings.Join(conds, " OR ")+")", args...)
	return w
}

// countMatches is numberMatched of f, whose conditions are w: a box alone
// through the count grid when it is current at the version at, a box and
// dates in an index-only scan, anything else over the rows.
func (s *Store) countMatches(ctx context.Context, q querier, f geo.IncidentFilter, w *where, at snapshot) (int, error) {
	if !onlyBoxAndTime(f) {
		return count(ctx, q, w)
	}
	if f.From == nil && f.To == nil {
		if n, ok, err := s.gridCount(ctx, q, *f.BBox, at.gen); ok || err != nil {
			return n, err
		}
	}
	return count(ctx, q, boxTimeWhere(f))
}

// count runs a count of the incidents w selects.
func count(ctx context.Context, q querier, w *where) (int, error) {
	var n int
	if err := q.QueryRow(ctx, "SELECT count(*) FROM incidents i"+w.SQL(), w.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgis: count incidents: %w", err)
	}
	return n, nil
}

// gridCount counts the incidents in b with the count grid (data/boxgrid)
// and an index-only count of the strips along b's edges. ok is false when
// the grid is not at the version gen that q sees, or b holds no whole cell.
func (s *Store) gridCount(ctx context.Context, q querier, b geo.BBox, gen int64) (n int, ok bool, err error) {
	cells := s.grid.Current(gen, func() (*boxgrid.Cells, error) { return s.buildGrid(context.Background()) })
	if cells == nil {
		return 0, false, nil
	}
	total := 0
	for _, part := range splitAntimeridian(b) {
		m, ok, err := cells.Count(part, func(strips []geo.BBox) (int, error) {
			return count(ctx, q, boxesWhere(strips))
		})
		if !ok || err != nil {
			return 0, false, err
		}
		total += m
	}
	return total, true, nil
}

// buildGrid counts the incidents per cell and lists each point's incidents
// newest first for pages, with the version, in one snapshot.
func (s *Store) buildGrid(ctx context.Context) (*boxgrid.Cells, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(tx)
	var gen int64
	if err := tx.QueryRow(ctx, `SELECT n FROM store_version`).Scan(&gen); err != nil {
		return nil, fmt.Errorf("postgis: count grid: %w", err)
	}
	b := boxgrid.NewBuilder(gen)
	var lon, lat float64
	var n int64
	// Grouped, each distinct point comes once with its count: the rows
	// come in no useful order, and the builder merges a point only with
	// the one before it.
	rows, err := tx.Query(ctx, `SELECT lon, lat, count(*) FROM incidents GROUP BY lon, lat`)
	if err != nil {
		return nil, fmt.Errorf("postgis: count grid: %w", err)
	}
	_, err = pgx.ForEachRow(rows, []any{&lon, &lat, &n}, func() error {
		b.AddN(lon, lat, n)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgis: count grid: %w", err)
	}
	cells := b.Cells()
	if err := listNewest(ctx, tx, cells); err != nil {
		return nil, err
	}
	return cells, nil
}

// WarmUp builds the count grid now, so that the first page of a server
// that has just started counts its matches through the grid and
// /collections reads its extent from it. serve runs it in the background
// after it starts listening.
func (s *Store) WarmUp(ctx context.Context) error {
	return s.grid.Warm(func() (*boxgrid.Cells, error) { return s.buildGrid(ctx) })
}
