package server

import (
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

// parseBBox reads "west,south,east,north" in CRS84 degrees with
// geo.ParseBBox (west greater than east crosses the antimeridian, as OGC
// API - Features says); six numbers (a 3D box) and an empty value are
// refused with a clear description.
func parseBBox(s string) (*geo.BBox, error) {
	switch {
	case strings.TrimSpace(s) == "":
		return nil, paramError(paramBBox, "is empty; give west,south,east,north")
	case strings.Count(s, ",") == 5:
		return nil, paramError(paramBBox, "6 numbers (a 3D box) are not supported; give west,south,east,north")
	}
	return geo.ParseBBox(s)
}

// parseDatetime reads an OGC datetime with geo.ParseDatetime: an instant,
// a closed interval "a/b", or a half-open one "../b", "a/..". Event dates
// are days, so bounds become whole UTC days, both inclusive; nil means open.
func parseDatetime(s string) (from, to *time.Time, err error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil, paramError(paramDatetime, "is empty; give a date, a time or an interval a/b")
	}
	from, to, err = geo.ParseDatetime(s)
	return utcDay(from), utcDay(to), err
}

func utcDay(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	y, m, d := t.UTC().Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return &day
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

// maxOffset bounds item offsets, in an offset parameter or a cursor, far
// above any store's size and far enough below the int range that offset
// plus a page never overflows into a link the server would then reject.
const maxOffset = 1_000_000_000

// parseOffset reads an item offset from 0 to maxOffset.
func parseOffset(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > maxOffset {
		return 0, paramError(paramOffset, "must be a whole number from 0 to %d, got %q", maxOffset, s)
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

// parseEventTypes checks each value against ACLED's event types, ignoring
// case (geo.ParseEventTypes, shared with the export command).
func parseEventTypes(s string) ([]string, error) {
	return geo.ParseEventTypes(splitList(s))
}

// parseSubEventTypes checks each value against ACLED's sub-event types.
func parseSubEventTypes(s string) ([]string, error) {
	return geo.ParseSubEventTypes(splitList(s))
}

// parseCountries reads country names or ISO 3166-1 alpha-2 codes as codes
// (geo.ParseCountries, shared with the export command).
func parseCountries(s string) ([]string, error) {
	return geo.ParseCountries(splitList(s))
}

func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}
