package server

import (
	"net/url"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// Parameter sets of each endpoint, so unknown names are rejected.
var (
	filterParams   = []string{paramDatetime, paramEventType, paramSubEventType, paramCountry, paramAdmin1, paramQ}
	itemsParams    = append([]string{paramBBox, paramLimit, paramCursor, paramOffset, paramFormat}, filterParams...)
	timelineParams = append([]string{paramBBox}, filterParams...)
	tileParams     = filterParams
)

// parseFilter reads the filters shared by items, tiles and the timeline
// (bbox, datetime, event_type, sub_event_type, country, q) into a filter
// without paging.
func parseFilter(q url.Values) (geo.IncidentFilter, error) {
	var f geo.IncidentFilter
	var err error
	if s, ok := present(q, paramBBox); ok {
		if f.BBox, err = parseBBox(s); err != nil {
			return f, err
		}
	}
	if s, ok := present(q, paramDatetime); ok {
		if f.From, f.To, err = parseDatetime(s); err != nil {
			return f, err
		}
	}
	if f.EventType, err = parseEventTypes(q.Get(paramEventType)); err != nil {
		return f, err
	}
	if f.SubEventType, err = parseSubEventTypes(q.Get(paramSubEventType)); err != nil {
		return f, err
	}
	if f.Country, err = parseCountries(q.Get(paramCountry)); err != nil {
		return f, err
	}
	if f.Admin1, err = parseAdmin1(q.Get(paramAdmin1)); err != nil {
		return f, err
	}
	f.Q = strings.TrimSpace(q.Get(paramQ))
	if len(f.Q) > maxQueryText {
		return f, paramError(paramQ, "is longer than %d bytes", maxQueryText)
	}
	return f, nil
}

// present returns a parameter's value and whether it was given at all, so
// "bbox=" is an error rather than no filter.
func present(q url.Values, name string) (string, bool) {
	if _, ok := q[name]; !ok {
		return "", false
	}
	return q.Get(name), true
}

// page is where an items request starts and how many items it wants.
type page struct {
	Limit  int
	Offset int         // items before this page, from offset or the cursor
	After  *geo.Cursor // keyset position when a cursor was given
}

// parsePage reads limit, offset and cursor; cursor and offset exclude each
// other.
func parsePage(q url.Values) (page, error) {
	var p page
	var err error
	if p.Limit, err = parseLimit(paramLimit, q.Get(paramLimit), limitDefault, limitMax); err != nil {
		return p, err
	}
	if _, ok := q[paramLimit]; ok && q.Get(paramLimit) == "" {
		return p, paramError(paramLimit, "is empty")
	}
	s, hasCursor := present(q, paramCursor)
	_, hasOffset := present(q, paramOffset)
	if hasCursor && hasOffset {
		return p, paramError(paramCursor, "give either cursor or offset, not both")
	}
	if hasCursor {
		c, err := decodeCursor(s)
		if err != nil {
			return p, err
		}
		p.After = &geo.Cursor{EventDate: c.EventDate, ID: c.ID}
		p.Offset = c.Offset
		return p, nil
	}
	p.Offset, err = parseOffset(q.Get(paramOffset))
	return p, err
}
