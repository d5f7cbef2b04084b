package store

import (
	"strings"

	"github.com/incidentmap/incidentmap/data/contract"
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
	// bboxTreePage takes a page's ids from the R*Tree alone, which orders
	// by date too; only for a box and dates with no other filter.
	bboxTreePage
)

// filterWhere turns f into SQL. The cursor is left out: it narrows a page,
// not the set of matches that totals and aggregates describe.
func filterWhere(f geo.IncidentFilter, plan bboxPlan) (*where, error) {
	w := &where{}
	if f.BBox != nil {
		if err := contract.ValidateBBox(*f.BBox); err != nil {
			return nil, err
		}
		addBBox(w, f, plan)
	}
	if f.From != nil {
		w.add("i.event_date >= ?", f.From.Format(contract.DateLayout))
	}
	if f.To != nil {
		w.add("i.event_date <= ?", f.To.Format(contract.DateLayout))
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

// addBBox selects through the R*Tree (with the dates, which are part of
// it), then checks the exact point: the tree stores 32-bit floats rounded
// outwards, so it may return a few extra rows at the edges. A box with
// West > East crosses the antimeridian.
func addBBox(w *where, f geo.IncidentFilter, plan bboxPlan) {
	const tree = `SELECT id FROM incidents_tree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?
		AND max_t >= ? AND min_t <= ?`
	b := *f.BBox
	if plan == bboxTree {
		var subs []string
		var args []any
		for _, r := range treeRanges(b, f.From, f.To) {
			subs = append(subs, tree)
			args = append(args, r.box.West, r.box.East, r.box.South, r.box.North, r.lo, r.hi)
		}
		w.add("i.id IN ("+strings.Join(subs, " UNION ALL ")+")", args...)
	}
	lon := "i.lon"
	if plan == bboxScan {
		lon = "+i.lon" // unary plus: not an index term
	}
	if b.West <= b.East {
		w.add(lon+" BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?", b.West, b.East, b.South, b.North)
		return
	}
	w.add("("+lon+" >= ? OR "+lon+" <= ?) AND i.lat BETWEEN ? AND ?", b.West, b.East, b.South, b.North)
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
	if err := contract.ValidateDate(c.EventDate, "cursor"); err != nil {
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
