package server

import (
	"net/http"
	"sort"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// Queryables, as OGC API - Features Part 3 describes them: a JSON Schema of
// the properties an items request can filter on.
const (
	mediaSchema   = "application/schema+json"
	schemaDialect = "https://json-schema.org/draft/2019-09/schema"
	relQueryables = "http://www.opengis.net/def/rel/ogc/1.0/queryables"
)

// handleQueryables serves GET /collections/{id}/queryables: the filter
// parameters the collection's items accept, with the valid event and
// sub-event types listed, so a client (QGIS, OWSLib) can build a filter.
func (s *Server) handleQueryables(c echo.Context) error {
	ci, err := collectionJSONRequest(c)
	if err != nil {
		return err
	}
	types := make([]string, 0, len(geo.Taxonomy))
	var subs []string
	for t, ss := range geo.Taxonomy {
		types = append(types, t)
		subs = append(subs, ss...)
	}
	sort.Strings(types)
	sort.Strings(subs)
	str := func(title string) map[string]any { return map[string]any{"type": "string", "title": title} }
	props := map[string]any{
		"geometry":        map[string]any{"format": "geometry-point", "title": "Location (use bbox)"},
		paramDatetime:     map[string]any{"type": "string", "format": "date", "title": "Event date (use datetime: a date or an interval a/b)"},
		paramEventType:    map[string]any{"type": "string", "title": "ACLED event type (comma-separated list)", "enum": types},
		paramSubEventType: map[string]any{"type": "string", "title": "ACLED sub-event type (comma-separated list)", "enum": subs},
		paramCountry:      str("ISO 3166-1 alpha-2 country code (comma-separated list)"),
		paramAdmin1:       str("Admin1 region as COUNTRY.CODE, e.g. UA.05"),
		paramQ:            str("Words in the quote, place or source titles"),
	}
	doc := map[string]any{
		"$schema":              schemaDialect,
		"$id":                  s.href(c, "/collections/"+ci.ID+"/queryables", nil),
		"type":                 "object",
		"title":                ci.Title,
		"properties":           props,
		"additionalProperties": false,
	}
	return writeJSON(c, http.StatusOK, mediaSchema, doc)
}
