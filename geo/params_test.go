package geo

import (
	"errors"
	"testing"
	"time"
)

func TestParseBBox(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    *BBox
		wantErr bool
	}{
		{name: "empty means no box", in: "", want: nil},
		{name: "four numbers", in: "22.1,44.3,40.2,52.4", want: &BBox{22.1, 44.3, 40.2, 52.4}},
		{name: "spaces around numbers", in: " 22 , 44 , 40 , 52 ", want: &BBox{22, 44, 40, 52}},
		{name: "negative and integer", in: "-10,-5,10,5", want: &BBox{-10, -5, 10, 5}},
		{name: "antimeridian crossing allowed", in: "170,-20,-170,20", want: &BBox{170, -20, -170, 20}},
		{name: "whole world", in: "-180,-90,180,90", want: &BBox{-180, -90, 180, 90}},
		{name: "three numbers", in: "1,2,3", wantErr: true},
		{name: "six numbers (3D) not supported", in: "1,2,0,3,4,10", wantErr: true},
		{name: "not a number", in: "a,2,3,4", wantErr: true},
		{name: "empty part", in: "1,,3,4", wantErr: true},
		{name: "NaN", in: "NaN,1,2,3", wantErr: true},
		{name: "infinity", in: "1,2,Inf,3", wantErr: true},
		{name: "longitude out of range", in: "-181,0,10,10", wantErr: true},
		{name: "latitude out of range", in: "0,-91,10,10", wantErr: true},
		{name: "south above north", in: "0,50,10,40", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseBBox(tt.in)
			if tt.wantErr {
				assertFieldError(t, err, "bbox")
				return
			}
			if err != nil {
				t.Fatalf("ParseBBox(%q): %v", tt.in, err)
			}
			if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
				t.Fatalf("ParseBBox(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDatetime(t *testing.T) {
	day := func(s string) *time.Time {
		v, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return &v
	}
	instant := func(s string) *time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		v = v.UTC()
		return &v
	}
	tests := []struct {
		name     string
		in       string
		from, to *time.Time
		wantErr  bool
	}{
		{name: "empty means no bounds", in: ""},
		{name: "date instant", in: "2024-05-01", from: day("2024-05-01"), to: day("2024-05-01")},
		{name: "datetime instant", in: "2024-05-01T12:30:00Z", from: instant("2024-05-01T12:30:00Z"), to: instant("2024-05-01T12:30:00Z")},
		{name: "offset converted to UTC", in: "2024-05-01T03:00:00+03:00", from: instant("2024-05-01T00:00:00Z"), to: instant("2024-05-01T00:00:00Z")},
		{name: "closed interval", in: "2024-05-01/2024-05-31", from: day("2024-05-01"), to: day("2024-05-31")},
		{name: "mixed closed interval", in: "2024-05-01/2024-05-31T23:59:59Z", from: day("2024-05-01"), to: instant("2024-05-31T23:59:59Z")},
		{name: "open start", in: "../2024-05-31", to: day("2024-05-31")},
		{name: "open end", in: "2024-05-01/..", from: day("2024-05-01")},
		{name: "empty start", in: "/2024-05-31", to: day("2024-05-31")},
		{name: "empty end", in: "2024-05-01/", from: day("2024-05-01")},
		{name: "both open", in: "../.."},
		{name: "same start and end", in: "2024-05-01/2024-05-01", from: day("2024-05-01"), to: day("2024-05-01")},
		{name: "start after end", in: "2024-06-01/2024-05-01", wantErr: true},
		{name: "bare double dot", in: "..", wantErr: true},
		{name: "garbage", in: "yesterday", wantErr: true},
		{name: "bad month", in: "2024-13-01", wantErr: true},
		{name: "two slashes", in: "2024-05-01/2024-05-02/2024-05-03", wantErr: true},
		{name: "bad end", in: "2024-05-01/soon", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to, err := ParseDatetime(tt.in)
			if tt.wantErr {
				assertFieldError(t, err, "datetime")
				return
			}
			if err != nil {
				t.Fatalf("ParseDatetime(%q): %v", tt.in, err)
			}
			assertTime(t, "from", from, tt.from)
			assertTime(t, "to", to, tt.to)
		})
	}
}

func assertFieldError(t *testing.T, err error, field string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("want *geo.Error, got %v", err)
	}
	if e.Code != EInvalid || e.Field != field {
		t.Fatalf("want invalid %s error, got code %q field %q", field, e.Code, e.Field)
	}
}

func assertTime(t *testing.T, label string, got, want *time.Time) {
	t.Helper()
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil:
		t.Fatalf("%s = %v, want %v", label, got, want)
	case !got.Equal(*want):
		t.Fatalf("%s = %s, want %s", label, got, want)
	}
}

func FuzzParseBBox(f *testing.F) {
	for _, s := range []string{"1,2,3,4", "-180,-90,180,90", "170,0,-170,1", "a,b", "1,2,3,4,5,6", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBBox(s)
		if err != nil {
			if ErrorCode(err) != EInvalid {
				t.Fatalf("error %v has code %q, want invalid", err, ErrorCode(err))
			}
			return
		}
		if b != nil && (b.South > b.North || b.West < -180 || b.East > 180) {
			t.Fatalf("accepted an invalid box %+v from %q", b, s)
		}
	})
}

func FuzzParseDatetime(f *testing.F) {
	for _, s := range []string{"2024-05-01", "2024-05-01T00:00:00Z", "../2024-01-01", "2024-01-01/..", "a/b", "/", "../..", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		from, to, err := ParseDatetime(s)
		if err != nil {
			if ErrorCode(err) != EInvalid {
				t.Fatalf("error %v has code %q, want invalid", err, ErrorCode(err))
			}
			return
		}
		if from != nil && to != nil && from.After(*to) {
			t.Fatalf("accepted %q with start %s after end %s", s, from, to)
		}
	})
}
