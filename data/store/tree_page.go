package store

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// treePage returns the first want incidents in r after the cursor, in page
// order (event date, then id, descending), choosing them in the R*Tree
// alone (t orders by date) and reading only their rows. It asks for a
// window of the newest days expected to hold the page (density is the
// expected matches per day), then for older windows twice as long until it
// has enough, so it reads about as many tree entries as the page needs
// however large the box.
func treePage(ctx context.Context, q queryer, r treeRange, after *geo.Cursor, want int, density float64) ([]incidentRow, error) {
	loDay, hiDay := int64(math.Ceil(r.lo/tPerDay)), int64(math.Floor(r.hi/tPerDay))
	cursorT, cursorID := tMax, int64(0)
	if after != nil {
		day, err := dayOf(after.EventDate)
		if err != nil {
			return nil, err
		}
		hiDay = min(hiDay, day)
		cursorT, cursorID = treeT(day), after.ID
	}
	var page []incidentRow
	width := windowDays(want, density)
	for top := hiDay; top >= loDay && len(page) < want; {
		bottom := max(loDay, top-width+1)
		rows, err := treeWindow(ctx, q, treeRange{box: r.box, lo: treeT(bottom), hi: treeT(top)},
			cursorT, cursorID, want-len(page))
		if err != nil {
			return nil, err
		}
		page = append(page, rows...)
		top = bottom - 1
		width = min(2*width, math.MaxInt32)
	}
	return page, nil
}

// windowDays is how many days a first window spans to hold n matches, with
// a quarter to spare.
func windowDays(n int, density float64) int64 {
	if density <= 0 {
		return math.MaxInt32
	}
	return int64(min(math.MaxInt32, math.Ceil(1.25*float64(n)/density)))
}

// treeWindow reads the newest n incidents in r, leaving out those on the
// cursor's day (cursorT) with an id at or above cursorID, in page order.
func treeWindow(ctx context.Context, q queryer, r treeRange, cursorT float64, cursorID int64, n int) ([]incidentRow, error) {
	rows, err := queryRows(ctx, q, `SELECT `+packedColumns+` FROM (SELECT r.id FROM incidents_tree r WHERE `+treeMatch+`
		AND NOT (r.min_t = ?7 AND r.id >= ?8) ORDER BY r.min_t DESC, r.id DESC LIMIT ?9) p
		JOIN incidents i ON i.id = p.id`, append(r.args(), cursorT, cursorID, n)...)
	if err != nil {
		return nil, err
	}
	// SQLite would sort the joined rows again; the order is cheaper here.
	slices.SortFunc(rows, func(a, b incidentRow) int {
		return cmp.Or(strings.Compare(b.inc.EventDate, a.inc.EventDate), cmp.Compare(b.inc.ID, a.inc.ID))
	})
	return rows, nil
}
