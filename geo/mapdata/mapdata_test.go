package mapdata

import (
	"os"
	"sync"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func names(labels []Label) map[string]Label {
	out := map[string]Label{}
	for _, l := range labels {
		out[l.Name] = l
	}
	return out
}

func TestLabelsDropOverlapsKeepTheBigger(t *testing.T) {
	m := New([]Place{
		{Name: "Bigtown", FeatureCode: "PPL", Country: "XX", Admin1: "01", Population: 500_000, Lat: 50, Lon: 30},
		{Name: "Smalltown", FeatureCode: "PPL", Country: "XX", Admin1: "01", Population: 300_000, Lat: 50.02, Lon: 30.02},
	})
	world := geo.BBox{West: -180, South: -85, East: 180, North: 85}
	got := names(m.Labels(world, 6))
	if _, ok := got["Bigtown"]; !ok || len(got) != 1 {
		t.Fatalf("zoom 6: want only Bigtown, got %v", got)
	}
	got = names(m.Labels(world, 12))
	if len(got) != 2 {
		t.Fatalf("zoom 12: want both labels once they no longer overlap, got %v", got)
	}
}

func TestLabelsVillagesOnlyAtStreetZoom(t *testing.T) {
	m := New([]Place{
		{Name: "Village", FeatureCode: "PPL", Population: 600, Lat: 48, Lon: 37},
		{Name: "City", FeatureCode: "PPL", Population: 200_000, Lat: 49, Lon: 38},
		{Name: "Capital", FeatureCode: "PPLC", Population: 2_000_000, Lat: 50, Lon: 30},
		{Name: "Ruin", FeatureCode: "PPLQ", Population: 0, Lat: 47, Lon: 36},
	})
	b := geo.BBox{West: 20, South: 40, East: 45, North: 55}
	for _, tc := range []struct {
		zoom int
		want []string
		not  []string
	}{
		{zoom: 4, want: []string{"Capital"}, not: []string{"City", "Village"}},
		{zoom: 7, want: []string{"Capital", "City"}, not: []string{"Village"}},
		{zoom: 11, want: []string{"Capital", "City", "Village"}, not: []string{"Ruin"}},
	} {
		got := names(m.Labels(b, tc.zoom))
		for _, n := range tc.want {
			if _, ok := got[n]; !ok {
				t.Errorf("zoom %d: %s missing from %v", tc.zoom, n, got)
			}
		}
		for _, n := range tc.not {
			if _, ok := got[n]; ok {
				t.Errorf("zoom %d: %s should not be labelled", tc.zoom, n)
			}
		}
	}
	if k := names(m.Labels(b, 11))["Capital"].Kind; k != "capital" {
		t.Errorf("capital's kind = %q", k)
	}
}

func TestLabelsStayInTheView(t *testing.T) {
	m := New([]Place{{Name: "Far", FeatureCode: "PPLC", Population: 1e6, Lat: 10, Lon: 10}})
	if got := m.Labels(geo.BBox{West: 20, South: 40, East: 45, North: 55}, 8); len(got) != 0 {
		t.Fatalf("label outside the view: %v", got)
	}
}

func TestRegionShapesSplitAtTheMiddle(t *testing.T) {
	m := New([]Place{
		{Name: "West", FeatureCode: "ADM1", Country: "XX", Admin1: "01"},
		{Name: "East", FeatureCode: "ADM1", Country: "XX", Admin1: "02"},
		{Name: "A", FeatureCode: "PPL", Country: "XX", Admin1: "01", Population: 1000, Lat: 50, Lon: 30},
		{Name: "B", FeatureCode: "PPL", Country: "XX", Admin1: "02", Population: 1000, Lat: 50, Lon: 31},
	})
	rs := m.RegionShapes("XX", nil)
	if len(rs.Regions) != 2 || rs.Regions[0].Name != "West" || rs.Regions[1].Name != "East" {
		t.Fatalf("regions = %+v", rs.Regions)
	}
	for _, r := range rs.Regions {
		if len(r.Rings) == 0 {
			t.Fatalf("%s has no outline", r.Name)
		}
		for _, ring := range r.Rings {
			if ring[0] != ring[len(ring)-1] {
				t.Fatalf("%s: ring not closed", r.Name)
			}
		}
	}
	if len(rs.Borders) == 0 {
		t.Fatal("no border between the two regions")
	}
	for _, seg := range rs.Borders {
		for _, p := range seg {
			if p[0] < 30.3 || p[0] > 30.7 {
				t.Fatalf("border point %v is not between the two towns", p)
			}
		}
	}
	if rs := m.RegionShapes("YY", nil); rs.Complete || len(rs.Regions) != 0 {
		t.Fatalf("unknown country gave %+v", rs)
	}
}

var bundled = sync.OnceValues(func() (*Map, error) {
	f, err := os.Open("../../data/gazetteer/places.tsv.gz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Load(f)
})

func mustBundled(t *testing.T) *Map {
	t.Helper()
	m, err := bundled()
	if err != nil {
		t.Fatalf("bundled gazetteer: %v", err)
	}
	return m
}

// At zoom 9 over Donetsk oblast an analyst sees the towns of the front.
func TestLabelsBundledDonetskZoom9(t *testing.T) {
	m := mustBundled(t)
	b := geo.BBox{West: 36.8, South: 47.6, East: 38.6, North: 49.1}
	got := names(m.Labels(b, 9))
	for _, want := range []string{"Kramatorsk", "Sloviansk", "Pokrovsk"} {
		if _, ok := got[want]; !ok {
			t.Errorf("%s missing at zoom 9; got %d labels", want, len(got))
		}
	}
	if len(got) < 20 {
		t.Errorf("only %d labels at zoom 9 over Donetsk oblast", len(got))
	}
}

func TestReverseBundled(t *testing.T) {
	m := mustBundled(t)
	w, ok := m.Reverse(48.74, 37.6)
	if !ok || w.Country != "UA" || w.Admin1 != "05" || w.Admin1Name != "Donetsk" {
		t.Fatalf("near Kramatorsk: %+v %v", w, ok)
	}
	if _, ok := m.Reverse(-40, -140); ok {
		t.Fatal("the middle of the Pacific was placed")
	}
}

// Region names show at zooms 6 to 8 and give way to a regional capital at
// the same spot.
func TestRegionLabelsByZoom(t *testing.T) {
	m := New([]Place{
		{Name: "Donetsk", FeatureCode: "ADM1", Country: "UA", Admin1: "05", Population: 4e6, Lat: 48.0, Lon: 37.8},
		{Name: "Donetsk", FeatureCode: "PPLA", Country: "UA", Admin1: "05", Population: 900_000, Lat: 48.02, Lon: 37.8},
		{Name: "Luhansk", FeatureCode: "ADM1", Country: "UA", Admin1: "14", Population: 2e6, Lat: 48.9, Lon: 39.2},
	})
	b := geo.BBox{West: 30, South: 44, East: 42, North: 52}
	kinds := func(z int) map[string]string {
		out := map[string]string{}
		for _, l := range m.Labels(b, z) {
			out[l.Name+"/"+l.Kind] = l.Kind
		}
		return out
	}
	if k := kinds(7); k["Luhansk/region"] == "" || k["Donetsk/city"] == "" || k["Donetsk/region"] != "" {
		t.Errorf("zoom 7 labels %v: want the Luhansk region and Donetsk the city over its region", k)
	}
	for _, z := range []int{5, 9} {
		if k := kinds(z); k["Luhansk/region"] != "" {
			t.Errorf("zoom %d labels regions: %v", z, k)
		}
	}
}

// Seas are named from the bundled gazetteer over a view of the region,
// and give way to nothing smaller than they are: the Sea of Azov shows
// between Crimea and Rostov at zoom 6, not at street zoom.
func TestWaterLabelsBundled(t *testing.T) {
	m := mustBundled(t)
	b := geo.BBox{West: 30, South: 43, East: 41, North: 49}
	got := names(m.Labels(b, 6))
	azov := ""
	for name, l := range got {
		if l.Kind == "water" && (name == "Sea of Azov" || name == "Azov Sea") {
			azov = name
		}
	}
	if azov == "" {
		t.Fatalf("no Sea of Azov label at zoom 6; got %v", got)
	}
	if l := got["Black Sea"]; l.Kind != "water" {
		t.Errorf("Black Sea label at zoom 6: %+v", l)
	}
	if l, ok := names(m.Labels(b, 13))[azov]; ok {
		t.Errorf("the sea is still named at street zoom: %+v", l)
	}
}
