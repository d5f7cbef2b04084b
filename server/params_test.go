package server

import (
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

func TestParseBBox(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    geo.BBox
		wantErr string
	}{
		{"four numbers", "37.0,47.5,38.5,48.9", geo.BBox{West: 37, South: 47.5, East: 38.5, North: 48.9}, ""},
		{"spaces around numbers are allowed", " -10, -5 ,10,5", geo.BBox{West: -10, South: -5, East: 10, North: 5}, ""},
		{"whole world", "-180,-90,180,90", geo.BBox{West: -180, South: -90, East: 180, North: 90}, ""},
		{"three values", "1,2,3", geo.BBox{}, "4 comma-separated numbers"},
		{"five values", "1,2,3,4,5", geo.BBox{}, "got 5"},
		{"six values are 3D and refused", "1,2,0,3,4,10", geo.BBox{}, "6 numbers"},
		{"not a number", "a,2,3,4", geo.BBox{}, "not a number"},
		{"NaN is not a number", "NaN,2,3,4", geo.BBox{}, "not a number"},
		{"infinity is not a number", "1,2,Inf,4", geo.BBox{}, "not a number"},
		{"empty", "", geo.BBox{}, "is empty"},
		{"latitude above 90", "1,2,3,91", geo.BBox{}, "latitudes"},
		{"latitude below -90", "1,-90.5,3,4", geo.BBox{}, "latitudes"},
		{"longitude beyond 180", "1,2,180.1,4", geo.BBox{}, "longitudes"},
		{"south above north", "1,5,3,4", geo.BBox{}, "south"},
		{"west above east crosses the antimeridian", "170,-10,-170,10", geo.BBox{West: 170, South: -10, East: -170, North: 10}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseBBox(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "bbox") {
					t.Fatalf("parseBBox(%q) error = %v, want one naming bbox and %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil || *got != tt.want {
				t.Fatalf("parseBBox(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func day(s string) *time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestParseDatetime(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		from, to *time.Time
		wantErr  string
	}{
		{"date instant", "2024-04-05", day("2024-04-05"), day("2024-04-05"), ""},
		{"RFC 3339 instant is its UTC day", "2024-04-05T23:30:00-02:00", day("2024-04-06"), day("2024-04-06"), ""},
		{"closed interval", "2024-04-01/2024-04-05", day("2024-04-01"), day("2024-04-05"), ""},
		{"closed interval of times", "2024-04-01T00:00:00Z/2024-04-05T12:00:00Z", day("2024-04-01"), day("2024-04-05"), ""},
		{"open start", "../2024-04-05", nil, day("2024-04-05"), ""},
		{"open end", "2024-04-01/..", day("2024-04-01"), nil, ""},
		{"empty end is open", "2024-04-01/", day("2024-04-01"), nil, ""},
		{"both open", "../..", nil, nil, ""},
		{"malformed date", "2024-13-01", nil, nil, "neither RFC 3339"},
		{"words", "yesterday", nil, nil, "neither RFC 3339"},
		{"empty", "", nil, nil, "is empty"},
		{"reversed interval", "2024-04-05/2024-04-01", nil, nil, "is after end"},
		{"two slashes", "2024-04-01/2024-04-02/2024-04-03", nil, nil, "exactly one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to, err := parseDatetime(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "datetime") {
					t.Fatalf("parseDatetime(%q) error = %v, want one naming datetime and %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseDatetime(%q): %v", tt.in, err)
			}
			if !sameTime(from, tt.from) || !sameTime(to, tt.to) {
				t.Fatalf("parseDatetime(%q) = %v..%v, want %v..%v", tt.in, from, to, tt.from, tt.to)
			}
		})
	}
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}

func TestParseLimit(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int
		wantErr bool
	}{
		{"absent takes the default", "", limitDefault, false},
		{"in range", "250", 250, false},
		{"the maximum", "10000", limitMax, false},
		{"above the maximum is clamped", "20000", limitMax, false},
		{"zero", "0", 0, true},
		{"negative", "-1", 0, true},
		{"not a number", "abc", 0, true},
		{"decimal", "1.5", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseLimit(paramLimit, tt.in, limitDefault, limitMax)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("parseLimit(%q) = %d, %v; want %d, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestCursorRoundTrip(t *testing.T) {
	c := pageCursor{EventDate: "2024-04-05", ID: 42, Offset: 300}
	got, err := decodeCursor(encodeCursor(c))
	if err != nil || got != c {
		t.Fatalf("round trip = %+v, %v; want %+v", got, err, c)
	}
	for _, bad := range []string{"", "!!!", encodeCursor(pageCursor{EventDate: "x", ID: 1}), "MjAyNC0wNC0wNXwx"} {
		if _, err := decodeCursor(bad); err == nil {
			t.Errorf("decodeCursor(%q) accepted a forged cursor", bad)
		}
	}
}

func FuzzParseBBox(f *testing.F) {
	for _, s := range []string{"1,2,3,4", "-180,-90,180,90", "1,2,3", "a,b,c,d", "170,0,-170,1", "1e308,1,2,3", "NaN,0,0,0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := parseBBox(s)
		if err != nil {
			if b != nil {
				t.Fatalf("parseBBox(%q) returned a box with an error", s)
			}
			return
		}
		if b.South > b.North || b.West < -180 || b.East > 180 || b.South < -90 || b.North > 90 {
			t.Fatalf("parseBBox(%q) accepted an invalid box %+v", s, *b)
		}
	})
}

func FuzzParseDatetime(f *testing.F) {
	for _, s := range []string{"2024-04-05", "2024-04-01/2024-04-05", "../2024-04-05", "2024-04-01/..", "2024-04-05T10:00:00Z", "/", "../.."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		from, to, err := parseDatetime(s)
		if err != nil {
			return
		}
		if from != nil && to != nil && from.After(*to) {
			t.Fatalf("parseDatetime(%q) accepted a reversed interval %v..%v", s, from, to)
		}
		for _, b := range []*time.Time{from, to} {
			if b != nil && (b.Location() != time.UTC || b.Hour() != 0 || b.Minute() != 0 || b.Second() != 0 || b.Nanosecond() != 0) {
				t.Fatalf("parseDatetime(%q) bound %v is not a UTC day", s, b)
			}
		}
	})
}
