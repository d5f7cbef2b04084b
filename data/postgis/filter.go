package postgis

import (
	"strings"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// filterWhere turns f into SQL. The cursor is left out: it narrows a page,
// not the set of matches that totals and aggregates describe.
func filterWhere(f geo.IncidentFilter) (*where, error) {
	w := &where{}
	if f.BBox != nil {
		if err := contract.ValidateBBox(*f.BBox); err != nil {
			return nil, err
		}
		addBBox(w, *f.BBox)
	}
	if f.From != nil {
		w.add("i.event_date >= ?::date", f.From.Format(contract.DateLayout))
	}
	if f.To != nil {
		w.add("i.event_date <= ?::date", f.To.Format(contract.DateLayout))
	}
	if err := addTypes(w, f); err != nil {
		return nil, err
	}
	if len(f.Country) > 0 {
		w.add("i.country = ANY(?)", f.Country)
	}
	if f.Admin1 != "" {
		if country, code, ok := strings.Cut(f.Admin1, "."); ok {
			w.add("i.country = ? AND i.admin1 = ?", country, code)
		} else {
			w.add("(i.admin1 = ? OR lower(i.admin1_name) = lower(?))", f.Admin1, f.Admin1)
		}
	}
	for _, word := range strings.Fields(strings.ToLower(f.Q)) {
		w.add("strpos(i.search_text, ?) > 0", word)
	}
	if f.ArticleID != 0 {
		w.add("i.id IN (SELECT incident_id FROM incident_sources WHERE article_id = ?)", f.ArticleID)
	}
	return w, nil
}

// addBBox selects the incidents in b, edges included, exactly: the GiST
// index on geom holds boxes of 32-bit floats rounded outwards, so its
// matches are checked against the box in double precision. ST_Intersects
// does both, and gives the planner PostGIS's estimate of the matches. A box
// with West > East crosses the antimeridian: two boxes.
func addBBox(w *where, b geo.BBox) {
	var conds []string
	var args []any
	for _, part := range splitAntimeridian(b) {
		if part.West == part.East || part.South == part.North {
			// GEOS finds nothing in an envelope of no area.
			conds = append(conds, "(i.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?)")
			args = append(args, part.West, part.South, part.East, part.North, part.West, part.East, part.South, part.North)
			continue
		}
		conds = append(conds, "ST_Intersects(i.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))")
		args = append(args, part.West, part.South, part.East, part.North)
	}
	w.add("("+strings.Join(conds, " OR ")+")", args...)
}

// splitAntimeridian is b as one or two boxes that do not cross it.
func splitAntimeridian(b geo.BBox) []geo.BBox {
	if b.West <= b.East {
		return []geo.BBox{b}
	}
	return []geo.BBox{
		{West: b.West, South: b.South, East: 180, North: b.North},
		{West: -180, South: b.South, East: b.East, North: b.North},
	}
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
		w.add("i.event_type = ANY(?)", f.EventType)
	}
	if len(f.SubEventType) > 0 {
		w.add("i.sub_event_type = ANY(?)", f.SubEventType)
	}
	return nil
}

// addCursor keeps only incidents after the cursor in the page order
// (event_date DESC, id DESC); the row comparison walks the page index.
func addCursor(w *where, c *geo.Cursor) error {
	if c == nil {
		return nil
	}
	if err := contract.ValidateDate(c.EventDate, "cursor"); err != nil {
		return err
	}
	w.add("(i.event_date, i.id) < (?::date, ?)", c.EventDate, c.ID)
	return nil
}
