package postgis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/incidentmap/incidentmap/data/boxgrid"
	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// listNewest gives the cells each point's incidents newest first (see
// data/boxgrid/newest.go), read from incidents_page in the snapshot q's
// counts were read in. Cells without points get none, and pages go to SQL.
func listNewest(ctx context.Context, q querier, cells *boxgrid.Cells) error {
	nb := cells.NewestBuilder()
	if nb == nil {
		return nil
	}
	rows, err := q.Query(ctx, `SELECT event_date - DATE '1970-01-01', id, lon, lat
		FROM incidents ORDER BY event_date DESC, id DESC`)
	if err != nil {
		return fmt.Errorf("postgis: newest lists: %w", err)
	}
	var day int32
	var id int64
	var lon, lat float64
	_, err = pgx.ForEachRow(rows, []any{&day, &id, &lon, &lat}, func() error {
		nb.Add(lon, lat, int64(day), id)
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgis: newest lists: %w", err)
	}
	nb.Done()
	return nil
}

// gridIDs chooses the ids of f's page, which selects by its box and dates
// alone, from g's newest lists. ok is false when the lists cannot choose
// it (none kept, a box across the antimeridian, no limit, dates beyond the
// keys' range).
func gridIDs(g *boxgrid.Cells, f geo.IncidentFilter) (ids []int64, ok bool, err error) {
	if f.Limit == 0 || f.BBox.West > f.BBox.East {
		return nil, false, nil
	}
	lo, hi := uint64(0), uint64(math.MaxUint64)
	var okLo, okHi = true, true
	if f.From != nil {
		lo, okLo = boxgrid.PageKey(dayNumber(*f.From), 0)
	}
	if f.To != nil {
		hi, okHi = boxgrid.PageKey(dayNumber(*f.To), boxgrid.MaxID)
	}
	if c := f.After; c != nil {
		d, err := time.Parse(contract.DateLayout, c.EventDate)
		if err != nil {
			return nil, false, geo.FieldError("cursor", "bad cursor date")
		}
		// Strictly after the cursor: its own key less one.
		k, okK := boxgrid.PageKey(dayNumber(d), c.ID)
		if !okK {
			return nil, false, nil
		}
		if k == 0 {
			return []int64{}, true, nil
		}
		hi = min(hi, k-1)
	}
	if !okLo || !okHi {
		return nil, false, nil
	}
	ids, ok = g.Newest(*f.BBox, lo, hi, f.Limit+f.Offset)
	if !ok {
		return nil, false, nil
	}
	return ids[min(f.Offset, len(ids)):], true, nil
}

// gridPage reads a page of f, which selects by its box and dates alone,
// from the count grid's newest lists when they were made at the version q
// reads (at), and its rows by id: the page's own rows are all PostgreSQL
// reads, instead of every match in the box sorted by date. ok is false
// when the grid cannot choose the page.
func (s *Store) gridPage(ctx context.Context, q querier, f geo.IncidentFilter, at snapshot) (incs []geo.Incident, ok bool, err error) {
	g := s.grid.Built(at.gen)
	if g == nil {
		return nil, false, nil
	}
	ids, ok, err := gridIDs(g, f)
	if !ok || err != nil {
		return nil, false, err
	}
	if incs, err = incidentsByID(ctx, q, s.articles, ids, nil); err != nil {
		return nil, false, err
	}
	// The lists and the rows come from the same version: a row missing
	// would mean otherwise, and SQL answers instead.
	return incs, len(incs) == len(ids), nil
}

// errNeedsStore stops a count the grid cannot finish in memory.
var errNeedsStore = errors.New("postgis: the grid's count needs the store")

// latestGridPage answers a page of a box alone, the most common request
// of a map, without a transaction: the count and the page's ids come from
// the newest count grid, and the rows are read in one statement that
// returns them only if the store is still at the grid's version (one
// statement is one snapshot). Articles are never changed or deleted, so
// reading them after is safe. ok is false when the grid is missing,
// older than the store, or would need the store to count; the caller then
// reads in a transaction, which also starts a new grid.
func (s *Store) latestGridPage(ctx context.Context, f geo.IncidentFilter) (incs []geo.Incident, total int, ok bool, err error) {
	if f.From != nil || f.To != nil || f.BBox.West > f.BBox.East {
		return nil, 0, false, nil
	}
	g := s.grid.Latest()
	if g == nil {
		return nil, 0, false, nil
	}
	total, ok, err = g.Count(*f.BBox, func([]geo.BBox) (int, error) { return 0, errNeedsStore })
	if errors.Is(err, errNeedsStore) || !ok {
		return nil, 0, false, nil
	}
	ids, ok, err := gridIDs(g, f)
	if !ok || err != nil {
		return nil, 0, false, err
	}
	if len(ids) == 0 {
		var gen int64
		if err := s.pool.QueryRow(ctx, `SELECT n FROM store_version`).Scan(&gen); err != nil {
			return nil, 0, false, fmt.Errorf("postgis: version: %w", err)
		}
		return []geo.Incident{}, total, gen == g.Gen(), nil
	}
	gen := g.Gen()
	incs, err = incidentsByID(ctx, s.pool, s.articles, ids, &gen)
	if err != nil || len(incs) != len(ids) {
		return nil, 0, false, err
	}
	return incs, total, true, nil
}

// dayNumber is the day number (days since 1970-01-01) of t's calendar
// date in t's own location, the date the filters compare event_date with.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}
