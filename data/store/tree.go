package store

import (
	"context"
	"fmt"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// tPerDay is how far one day moves the R*Tree's time axis t (see migration
// 0003): a power of two, so a day number divided by it is exact in the
// tree's 32-bit floats.
const tPerDay = 1.0 / 32

// Open ends of a time interval, far outside any valid date's t.
const (
	tMin = -1e9
	tMax = 1e9
)

// dayOf is the day number (days since 1970-01-01) of a YYYY-MM-DD date.
func dayOf(date string) (int64, error) {
	d, err := time.Parse(contract.DateLayout, date)
	if err != nil {
		return 0, fmt.Errorf("store: bad date %q: %w", date, err)
	}
	return d.Unix() / 86400, nil
}

// dayOfTime is the day number of t's calendar date in t's own location,
// the date the filters compare event_date with.
func dayOfTime(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// treeT is the tree's time coordinate of a day number.
func treeT(day int64) float64 { return float64(day) * tPerDay }

// treeRange is what one R*Tree range scan selects: a box that does not
// cross the antimeridian and an inclusive interval of t.
type treeRange struct {
	box    geo.BBox
	lo, hi float64
}

// treeRanges turns a box and optional date bounds into the one or two
// ranges (two across the antimeridian) that cover them.
func treeRanges(b geo.BBox, from, to *time.Time) []treeRange {
	lo, hi := tMin, tMax
	if from != nil {
		lo = treeT(dayOfTime(*from))
	}
	if to != nil {
		hi = treeT(dayOfTime(*to))
	}
	if b.West <= b.East {
		return []treeRange{{b, lo, hi}}
	}
	return []treeRange{
		{geo.BBox{West: b.West, South: b.South, East: 180, North: b.North}, lo, hi},
		{geo.BBox{West: -180, South: b.South, East: b.East, North: b.North}, lo, hi},
	}
}

// args are the parameters ?1..?6 of treeMatch.
func (r treeRange) args() []any {
	return []any{r.box.West, r.box.East, r.box.South, r.box.North, r.lo, r.hi}
}

// treeMatch selects, from incidents_tree r, the entries in the range whose
// exact point is in the box. The tree holds 32-bit floats rounded outwards,
// so an entry whose rounded point lies inside the box is certainly inside;
// only entries on the edges are checked against the table. Time needs no
// check: t is exact. Parameters ?1..?6 are treeRange.args.
const treeMatch = `r.max_lon >= ?1 AND r.min_lon <= ?2 AND r.max_lat >= ?3 AND r.min_lat <= ?4
	AND r.max_t >= ?5 AND r.min_t <= ?6
	AND ((r.min_lon >= ?1 AND r.max_lon <= ?2 AND r.min_lat >= ?3 AND r.max_lat <= ?4)
		OR EXISTS (SELECT 1 FROM incidents e WHERE e.id = r.id
			AND e.lon BETWEEN ?1 AND ?2 AND e.lat BETWEEN ?3 AND ?4))`

// treeCountCap is how many R*Tree entries rangeCount reads before it counts
// through an index instead, which is faster for a range holding a large
// share of all incidents.
const treeCountCap = 50_000

// rangeCount is the exact number of incidents in a box and date interval
// (either bound may be nil).
func rangeCount(ctx context.Context, q queryer, b geo.BBox, from, to *time.Time) (int, error) {
	total := 0
	for _, r := range treeRanges(b, from, to) {
		n, err := treeRangeCount(ctx, q, r, treeCountCap)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// treeRangeCount counts the incidents in r, in the R*Tree while there are
// fewer than limit.
func treeRangeCount(ctx context.Context, q queryer, r treeRange, limit int) (int, error) {
	n, err := treeCountUpTo(ctx, q, r, limit)
	if err != nil || n < limit {
		return n, err
	}
	// Many matches: SQLite counts them through the (lon, lat) index, or
	// the (event_date, id, lon, lat) one when the interval is narrow.
	w := &where{}
	w.add("i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?", r.box.West, r.box.East, r.box.South, r.box.North)
	if r.lo > tMin {
		w.add("i.event_date >= ?", dateOfT(r.lo))
	}
	if r.hi < tMax {
		w.add("i.event_date <= ?", dateOfT(r.hi))
	}
	if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM incidents i"+w.SQL(), w.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count box: %w", err)
	}
	return n, nil
}

// treeCountUpTo counts the R*Tree entries in r, reading at most limit.
func treeCountUpTo(ctx context.Context, q queryer, r treeRange, limit int) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM incidents_tree r WHERE `+treeMatch+` LIMIT ?7)`,
		append(r.args(), limit)...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count box: %w", err)
	}
	return n, nil
}

// dateOfT is the YYYY-MM-DD date of a tree time coordinate.
func dateOfT(t float64) string {
	return time.Unix(int64(t/tPerDay)*86400, 0).UTC().Format(contract.DateLayout)
}
