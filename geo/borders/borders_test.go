package borders_test

import (
	"testing"

	"github.com/incidentmap/incidentmap/data"
	"github.com/incidentmap/incidentmap/geo/borders"
)

func TestContains(t *testing.T) {
	raw, err := data.Basemap()
	if err != nil {
		t.Fatal(err)
	}
	b, err := borders.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		code     string
		lat, lon float64
		want     bool
	}{
		{"UA", 50.45, 30.52, true},  // Kyiv
		{"RU", 50.45, 30.52, false}, // Kyiv is not in Russia
		{"US", 31.31, -92.44, true}, // Alexandria, Louisiana
		{"FJ", -17.8, 178.0, true},  // Fiji, across the antimeridian
		{"XX", 0, 0, false},         // unknown code
		{"GB", 51.5, -0.12, true},   // London
		{"FR", 51.5, -0.12, false},  // not France
	} {
		if got := b.Contains(c.code, c.lat, c.lon); got != c.want {
			t.Errorf("Contains(%s, %v, %v) = %v, want %v", c.code, c.lat, c.lon, got, c.want)
		}
	}
	if _, err := borders.Parse([]byte(`{"type":"FeatureCollection","features":[]}`)); err == nil {
		t.Error("an empty collection parsed without error")
	}
}
