package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// where is a SQL condition over incidents (aliased i) and its arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// SQL is the WHERE clause, or "" when nothing is filtered.
func (w *where) SQL() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// bboxPlan is how a bounding box is looked up.
type bboxPlan int

const (
	// bboxTree goes through the R*Tree: best when the box holds few incidents.
	bboxTree bboxPlan = iota
	// bboxScan compares each row's point and keeps SQLite off the lon/lat
	// index, so a page walks the (event_date, id, lon, lat) index, checks
	// points without reading rows, and stops early: best for a page of a
	// box that holds a good share of all incidents.
	bboxScan
	// bboxIndex lets SQLite count through the covering (lon, lat) index.
	bboxIndex
)

// filterWhere turns f into SQL. The cursor is left out: it narrows a page,
// not the set of matches that totals and aggregates describe.
func filterWhere(f geo.IncidentFilter, plan bboxPlan) (*where, error) {
	w := &where{}
	if f.BBox != nil {
		if err := validateBBox(*f.BBox); err != nil {
			return nil, err
		}
		addBBox(w, *f.BBox, plan)
	}
	if f.From != nil {
		w.add("i.event_date >= ?", f.From.Format(dateLayout))
	}
	if f.To != nil {
		w.add("i.event_date <= ?", f.To.Format(dateLayout))
	}
	if err := addTypes(w, f); err != nil {
		return nil, err
	}
	if len(f.Country) > 0 {
		w.add("i.country IN ("+placeholders(len(f.Country))+")", anys(f.Country)...)
	}
	if f.Admin1 != "" {
		if country, code, ok := strings.Cut(f.Admin1, "."); ok {
			w.add("i.country = ? AND i.admin1 = ?", country, code)
		} else {
			w.add("(i.admin1 = ? OR i.admin1_name = ? COLLATE NOCASE)", f.Admin1, f.Admin1)
		}
	}
	for _, word := range strings.Fields(strings.ToLower(f.Q)) {
		w.add("instr(i.search_text, ?) > 0", word)
	}
	if f.ArticleID != 0 {
		w.add("i.id IN (SELECT incident_id FROM incident_sources WHERE article_id = ?)", f.ArticleID)
	}
	return w, nil
}

// addBBox selects through the R*Tree, then checks the exact point: the tree
// stores 32-bit floats rounded outwards, so it may return a few extra rows
// at the edges. A box with West > East crosses the antimeridian.
func addBBox(w *where, b geo.BBox, plan bboxPlan) {
	const tree = "SELECT id FROM incidents_rtree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?"
	lon := "i.lon"
	if plan == bboxScan {
		lon = "+i.lon" // unary plus: not an index term
	}
	if b.West <= b.East {
		if plan == bboxTree {
			w.add("i.id IN ("+tree+")", b.West, b.East, b.South, b.North)
		}
		w.add(lon+" BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?", b.West, b.East, b.South, b.North)
		return
	}
	if plan == bboxTree {
		w.add("i.id IN ("+tree+" UNION ALL "+tree+")",
			b.West, 180.0, b.South, b.North, -180.0, b.East, b.South, b.North)
	}
	w.add("("+lon+" >= ? OR "+lon+" <= ?) AND i.lat BETWEEN ? AND ?", b.West, b.East, b.South, b.North)
}

// manyInBox is the number of incidents from which a box is counted through
// the (lon, lat) index rather than the R*Tree, when other filters make the
// box's own count not the answer.
const manyInBox = 2000

// treeRowCost is roughly how many entries of the (event_date, id, lon, lat)
// index a page scan reads in the time the R*Tree plan spends on one
// matching incident (a table lookup, then a sort). Measured on a store of
// 1,000,000 synthetic incidents: about 45 ns an index entry against 1.5 us a
// matching row.
const treeRowCost = 30

// queryPlan is how one incidents query reads its box.
type queryPlan struct {
	page, count bboxPlan
	inBox       int // incidents in the box; with no box, every incident
}

// planQuery chooses the plans of a page query and of its count. A page
// either walks the date index newest first, checking each point, until it
// has enough rows (cheap when the box holds a good share of all incidents),
// or takes every incident in the box from the R*Tree and sorts them (cheap
// when the box holds few). want is how many rows the page reads, Offset
// included; 0 means all.
func (s *Store) planQuery(ctx context.Context, q queryer, gen int64, f geo.IncidentFilter, want int) (queryPlan, error) {
	if f.BBox == nil {
		return queryPlan{page: bboxTree, count: bboxTree}, nil
	}
	b := *f.BBox
	if err := validateBBox(b); err != nil {
		return queryPlan{}, err
	}
	inBox, err := s.counts.cached(gen, fmt.Sprintf("box %v", b), func() (int, error) {
		return boxCount(ctx, q, b)
	})
	if err != nil {
		return queryPlan{}, err
	}
	p := queryPlan{page: bboxTree, count: bboxTree, inBox: inBox}
	if inBox >= manyInBox && b.West <= b.East {
		p.count = bboxIndex
	}
	if inBox == 0 || b.West > b.East {
		return p, nil // across the antimeridian: rare, keep it simple
	}
	total, err := s.counts.cached(gen, "max id", func() (int, error) { return maxIncidentID(ctx, q) })
	if err != nil {
		return queryPlan{}, err
	}
	scanned := total
	if want > 0 {
		scanned = min(total, int(int64(want)*int64(total)/int64(inBox)))
	}
	if scanned < treeRowCost*inBox {
		p.page = bboxScan
	}
	return p, nil
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

// addTypes filters on event and sub-event types, rejecting names that are not
// in the taxonomy so a typo is an error rather than an empty map.
func addTypes(w *where, f geo.IncidentFilter) error {
	for _, t := range f.EventType {
		if _, ok := geo.Taxonomy[t]; !ok {
			return geo.FieldError("event_type", "unknown event type %q", t)
		}
	}
	for _, s := range f.SubEventType {
		if geo.EventTypeOf(s) == "" {
			return geo.FieldError("sub_event_type", "unknown sub-event type %q", s)
		}
	}
	if len(f.EventType) > 0 {
		w.add("i.event_type IN ("+placeholders(len(f.EventType))+")", anys(f.EventType)...)
	}
	if len(f.SubEventType) > 0 {
		w.add("i.sub_event_type IN ("+placeholders(len(f.SubEventType))+")", anys(f.SubEventType)...)
	}
	return nil
}

// addCursor keeps only incidents after the cursor in the page order
// (event_date DESC, id DESC).
func addCursor(w *where, c *geo.Cursor) error {
	if c == nil {
		return nil
	}
	if err := validateDate(c.EventDate, "cursor"); err != nil {
		return err
	}
	// A row value lets SQLite start the date index walk at the cursor.
	w.add("(i.event_date, i.id) < (?, ?)", c.EventDate, c.ID)
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
