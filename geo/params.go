package geo

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseBBox parses an OGC API - Features bbox parameter: exactly four
// comma-separated numbers west,south,east,north in WGS 84 degrees. West may
// exceed east (a box across the antimeridian); south may not exceed north.
// An empty string means no box and returns nil, nil.
func ParseBBox(s string) (*BBox, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, FieldError("bbox", "want 4 comma-separated numbers west,south,east,north, got %d", len(parts))
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, FieldError("bbox", "%q is not a number", p)
		}
		v[i] = f
	}
	b := &BBox{West: v[0], South: v[1], East: v[2], North: v[3]}
	switch {
	case b.West < -180 || b.West > 180 || b.East < -180 || b.East > 180:
		return nil, FieldError("bbox", "longitudes must be within -180..180")
	case b.South < -90 || b.South > 90 || b.North < -90 || b.North > 90:
		return nil, FieldError("bbox", "latitudes must be within -90..90")
	case b.South > b.North:
		return nil, FieldError("bbox", "south (%g) is greater than north (%g)", b.South, b.North)
	}
	return b, nil
}

// ParseDatetime parses an OGC API - Features datetime parameter: an instant
// or an interval "start/end" where either end may be open (".." or empty).
// Each value is RFC 3339 or a plain date YYYY-MM-DD (midnight UTC of that
// day). An instant returns from == to; an open end returns nil for that
// bound; "" and "../.." return nil, nil. Times are returned in UTC.
func ParseDatetime(s string) (from, to *time.Time, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil, nil
	}
	start, end, isInterval := strings.Cut(s, "/")
	if !isInterval {
		t, err := parseInstant(s)
		if err != nil {
			return nil, nil, err
		}
		return t, t, nil
	}
	if strings.Contains(end, "/") {
		return nil, nil, FieldError("datetime", "an interval has exactly one '/'")
	}
	if from, err = parseBound(start); err != nil {
		return nil, nil, err
	}
	if to, err = parseBound(end); err != nil {
		return nil, nil, err
	}
	if from != nil && to != nil && from.After(*to) {
		return nil, nil, FieldError("datetime", "start %s is after end %s",
			from.Format(time.RFC3339), to.Format(time.RFC3339))
	}
	return from, to, nil
}

// parseBound parses one end of an interval; ".." and "" mean open.
func parseBound(s string) (*time.Time, error) {
	if s == ".." || s == "" {
		return nil, nil
	}
	return parseInstant(s)
}

func parseInstant(s string) (*time.Time, error) {
	if s == ".." {
		return nil, FieldError("datetime", "\"..\" is only allowed as one end of an interval")
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		u := t.UTC()
		return &u, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return &t, nil
	}
	return nil, FieldError("datetime", "%q is neither RFC 3339 nor YYYY-MM-DD", s)
}
