package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// manyInBox is the number of incidents from which a box is counted through
// the (lon, lat) index rather than the R*Tree, when other filters make the
// box's own count not the answer.
const manyInBox = 2000

// Costs, in entries of the (event_date, id, lon, lat) index a page scan
// reads in the same time (about 45 ns each), measured on a store of
// 1,000,000 synthetic incidents.
const (
	// treeRowCost is what the R*Tree plan spends on one matching incident:
	// a table lookup, then a sort (about 1.5 us).
	treeRowCost = 30
	// treePageRowCost is what the tree page plan spends on one R*Tree
	// entry of a window, sorted by date in the tree (about 0.15 us).
	treePageRowCost = 3
	// treeWindowCost is one window query of the tree page plan.
	treeWindowCost = 300
)

// queryPlan is how one incidents query reads its box.
type queryPlan struct {
	page, count bboxPlan
	// matches is the number of incidents in the box and date interval:
	// with no other filter, the number of matches. Without a box, 0.
	matches int
	// tree is the box and interval, clipped to the stored dates, and
	// density the matches per day in it, for the bboxTreePage plan.
	tree    treeRange
	density float64
	// boxOnly is set when tree is: the count grid's newest lists may
	// choose the page instead of any plan (see page_grid.go).
	boxOnly bool
}

// planQuery chooses the plans of a page query and of its count. A page
// either walks the date index newest first, checking each point, until it
// has enough rows (cheap when the box holds a good share of all incidents);
// or takes every incident in the box from the R*Tree and sorts them (cheap
// when the box holds few); or, when only a box and dates filter, takes the
// newest entries of the box from the R*Tree alone, a window of days at a
// time (cheap unless the box holds most incidents). want is how many rows
// the page reads, Offset included; 0 means all.
func (s *Store) planQuery(ctx context.Context, q queryer, gen int64, f geo.IncidentFilter, want int) (queryPlan, error) {
	if f.After != nil {
		if err := contract.ValidateDate(f.After.EventDate, "cursor"); err != nil {
			return queryPlan{}, err
		}
	}
	if f.BBox == nil {
		return queryPlan{page: bboxTree, count: bboxTree}, nil
	}
	b := *f.BBox
	if err := contract.ValidateBBox(b); err != nil {
		return queryPlan{}, err
	}
	ranges := treeRanges(b, f.From, f.To)
	lo, hi := ranges[0].lo, ranges[0].hi
	matches, err := s.counts.cached(gen, fmt.Sprintf("range %v %g %g", b, lo, hi), func() (int, error) {
		return s.boxCount(ctx, q, gen, b, f.From, f.To)
	})
	if err != nil {
		return queryPlan{}, err
	}
	p := queryPlan{page: bboxTree, count: bboxTree, matches: matches}
	if matches >= manyInBox && b.West <= b.East {
		p.count = bboxIndex
	}
	if matches == 0 || b.West > b.East {
		return p, nil // across the antimeridian: rare, keep it simple
	}
	ext, err := s.dateExtent(ctx, q, gen)
	if err != nil {
		return queryPlan{}, err
	}
	total, err := s.counts.cached(gen, "max id", func() (int, error) { return maxIncidentID(ctx, q) })
	if err != nil {
		return queryPlan{}, err
	}
	// The date walk reads every incident of the interval until it has
	// enough; their number is estimated as the interval's share of days.
	days := max(1, min(hi, treeT(ext.last))/tPerDay-max(lo, treeT(ext.first))/tPerDay+1)
	inRange := int(float64(total) * days / float64(ext.last-ext.first+1))
	scanned := inRange
	if want > 0 {
		scanned = min(inRange, int(int64(want)*int64(inRange)/int64(matches)))
	}
	if onlyBoxAndTime(f) && want > 0 {
		p.tree = treeRange{box: b, lo: max(lo, treeT(ext.first)), hi: min(hi, treeT(ext.last))}
		p.density = float64(matches) / days
		p.boxOnly = true
		if treePageRowCost*min(matches, want*5/4)+treeWindowCost < scanned {
			p.page = bboxTreePage
			return p, nil
		}
	}
	if scanned < treeRowCost*matches {
		p.page = bboxScan
	}
	return p, nil
}

// onlyBoxAndTime reports whether f selects by its box and dates alone, so
// that the number of incidents in the box and interval is the number of
// matches and the R*Tree alone can choose a page.
func onlyBoxAndTime(f geo.IncidentFilter) bool {
	return f.BBox != nil && len(f.EventType) == 0 && len(f.SubEventType) == 0 &&
		len(f.Country) == 0 && f.Admin1 == "" && f.Q == "" && f.ArticleID == 0
}

// dateRange is the first and last event date stored, as day numbers.
type dateRange struct{ first, last int64 }

// dateExtent reads the stored dates' extent from the date index, in
// O(log n), remembered per version.
func (s *Store) dateExtent(ctx context.Context, q queryer, gen int64) (dateRange, error) {
	day := func(query string) func() (int, error) {
		return func() (int, error) {
			var d sql.NullString
			if err := q.QueryRowContext(ctx, query).Scan(&d); err != nil {
				return 0, fmt.Errorf("store: date extent: %w", err)
			}
			if !d.Valid {
				return 0, nil
			}
			n, err := dayOf(d.String)
			return int(n), err
		}
	}
	first, err := s.counts.cached(gen, "first day", day("SELECT MIN(event_date) FROM incidents"))
	if err != nil {
		return dateRange{}, err
	}
	last, err := s.counts.cached(gen, "last day", day("SELECT MAX(event_date) FROM incidents"))
	if err != nil {
		return dateRange{}, err
	}
	return dateRange{int64(first), int64(max(first, last))}, nil
}

// maxIncidentID estimates the number of incidents in O(log n): ids are
// assigned in order and rarely deleted.
func maxIncidentID(ctx context.Context, q queryer) (int, error) {
	var n sql.NullInt64
	if err := q.QueryRowContext(ctx, "SELECT MAX(id) FROM incidents").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: max incident id: %w", err)
	}
	return int(n.Int64), nil
}
