package server

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// maxQueryText caps the free-text filter so one request cannot ask the store
// to scan with a huge pattern.
const maxQueryText = 200

// checkParams rejects query parameters the endpoint does not know and
// parameters given more than once, naming them (OGC allows a 400 here, and a
// silent ignore would hide a client's typo).
func checkParams(q url.Values, allowed ...string) error {
	for name, values := range q {
		if !slices.Contains(allowed, name) {
			return paramError(name, "unknown query parameter %q; this endpoint accepts %s",
				name, strings.Join(allowed, ", "))
		}
		if len(values) > 1 {
			return paramError(name, "query parameter %q is given %d times; give it once", name, len(values))
		}
	}
	return nil
}

// parseBBox reads "west,south,east,north" in CRS84 degrees. West greater
// than east is a box crossing the antimeridian, as OGC API - Features says;
// six numbers (a 3D box) are refused with a clear description.
func parseBBox(s string) (*geo.BBox, error) {
	parts := strings.Split(s, ",")
	switch len(parts) {
	case 4:
	case 6:
		return nil, paramError(paramBBox, "6 numbers (a 3D box) are not supported; give west,south,east,north")
	default:
		return nil, paramError(paramBBox, "must be 4 comma-separated numbers west,south,east,north, got %d values", len(parts))
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, paramError(paramBBox, "value %d (%q) is not a number", i+1, p)
		}
		v[i] = f
	}
	b := geo.BBox{West: v[0], South: v[1], East: v[2], North: v[3]}
	switch {
	case b.West < -180 || b.West > 180 || b.East < -180 || b.East > 180:
		return nil, paramError(paramBBox, "longitudes must be within -180..180")
	case b.South < -90 || b.South > 90 || b.North < -90 || b.North > 90:
		return nil, paramError(paramBBox, "latitudes must be within -90..90")
	case b.South > b.North:
		return nil, paramError(paramBBox, "south (%g) is above north (%g)", b.South, b.North)
	}
	return &b, nil
}

// parseDatetime reads an OGC datetime: an instant ("2024-04-05" or RFC 3339),
// a closed interval "a/b", or a half-open one "../b", "a/..". Event dates are
// days, so bounds are whole UTC days, both inclusive; nil means open.
func parseDatetime(s string) (from, to *time.Time, err error) {
	if !strings.Contains(s, "/") {
		t, err := parseDay(s)
		if err != nil {
			return nil, nil, err
		}
		return &t, &t, nil
	}
	start, end, _ := strings.Cut(s, "/")
	if strings.Contains(end, "/") {
		return nil, nil, paramError(paramDatetime, "an interval has exactly one '/'")
	}
	if from, err = parseBound(start); err != nil {
		return nil, nil, err
	}
	if to, err = parseBound(end); err != nil {
		return nil, nil, err
	}
	if from != nil && to != nil && from.After(*to) {
		return nil, nil, paramError(paramDatetime, "interval start %s is after its end %s",
			from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	return from, to, nil
}

// parseBound reads one end of an interval; ".." and "" are open.
func parseBound(s string) (*time.Time, error) {
	if s == ".." || s == "" {
		return nil, nil
	}
	t, err := parseDay(s)
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// parseDay reads a date or an RFC 3339 time and returns its UTC day.
func parseDay(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, paramError(paramDatetime,
			"%q is neither a date (2024-04-05) nor an RFC 3339 time (2024-04-05T10:00:00Z)", s)
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}

// parseLimit reads a page size: default when absent, at least 1, clamped to
// max as the standard says.
func parseLimit(name, s string, def, max int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, paramError(name, "%q is not a whole number", s)
	}
	if n < 1 {
		return 0, paramError(name, "must be at least 1, got %d", n)
	}
	return min(n, max), nil
}

// parseOffset reads a non-negative item offset.
func parseOffset(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, paramError(paramOffset, "must be a whole number of at least 0, got %q", s)
	}
	return n, nil
}

// splitList splits a comma list, trimming blanks and dropping empties.
func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// parseEventTypes checks each value against ACLED's event types.
func parseEventTypes(s string) ([]string, error) {
	values := splitList(s)
	for _, v := range values {
		if _, ok := geo.Taxonomy[v]; !ok {
			return nil, paramError(paramEventType, "unknown event type %q", v)
		}
	}
	return values, nil
}

// parseSubEventTypes checks each value against ACLED's sub-event types.
func parseSubEventTypes(s string) ([]string, error) {
	values := splitList(s)
	for _, v := range values {
		if geo.EventTypeOf(v) == "" {
			return nil, paramError(paramSubEventType, "unknown sub-event type %q", v)
		}
	}
	return values, nil
}

// parseCountries reads ISO 3166-1 alpha-2 codes, upper-cased.
func parseCountries(s string) ([]string, error) {
	values := splitList(s)
	for i, v := range values {
		v = strings.ToUpper(v)
		if !isCountryCode(v) {
			return nil, paramError(paramCountry, "%q is not a two-letter country code", values[i])
		}
		values[i] = v
	}
	return values, nil
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
