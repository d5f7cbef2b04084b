package store

import (
	"context"
	"math"
	"reflect"
	"strconv"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// addKharkivRepeat adds a second Kharkiv incident on a later day.
func addKharkivRepeat(t *testing.T, s *Store) {
	t.Helper()
	text := "Shelling hit Kharkiv again."
	MustIngest(t, s, geo.Article{Title: "Again", Text: text}, []geo.Incident{
		incidentAt(kharkiv, "2025-06-04", geo.SubShelling, text, text),
	}, IngestOptions{Merge: true})
}

func TestPlaces(t *testing.T) {
	fx := loadFixture(t)
	addKharkivRepeat(t, fx.s)
	ctx := context.Background()
	places, err := fx.s.Places(ctx, geo.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 8 {
		t.Fatalf("%d places, want 8", len(places))
	}
	top := places[0]
	want := geo.PlaceCount{
		Place: geo.Place{ID: kharkiv.GeonameID, GeonameID: kharkiv.GeonameID, Name: "Kharkiv", FeatureCode: "PPL",
			Country: "UA", Admin1: "07", Admin1Name: "Kharkiv", Lat: kharkiv.Lat, Lon: kharkiv.Lon},
		Key:       "g" + strconv.FormatInt(kharkiv.GeonameID, 10),
		Incidents: 2, LastSeen: "2025-06-04",
		ByType: map[string]int{geo.ExplosionsRemote: 2},
	}
	if !reflect.DeepEqual(top, want) {
		t.Errorf("top place = %+v, want %+v", top, want)
	}
	for _, p := range places[1:] {
		if p.Incidents != 1 {
			t.Errorf("%s has %d incidents, want 1", p.Name, p.Incidents)
		}
	}

	tests := []struct {
		name   string
		filter geo.IncidentFilter
		want   map[string]int // place name -> incidents
	}{
		{"by country", geo.IncidentFilter{Country: []string{"SY"}}, map[string]int{"Aleppo": 1}},
		{"by date keeps the place but counts only matches", geo.IncidentFilter{From: day("2025-06-04")}, map[string]int{"Kharkiv": 1}},
		{"by type", geo.IncidentFilter{EventType: []string{geo.Riots}}, map[string]int{"Eastpoint": 1, "Westpoint": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			places, err := fx.s.Places(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, p := range places {
				got[p.Name] = p.Incidents
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("places = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRegions(t *testing.T) {
	fx := loadFixture(t)
	ctx := context.Background()
	text := "A clash near a second Kharkiv-region village."
	village := place{Name: "Village", Country: "UA", Admin1: "07", Admin1Name: "Kharkiv", GeonameID: 1, Lat: 49.5, Lon: 36.5}
	MustIngest(t, fx.s, geo.Article{Text: text}, []geo.Incident{
		incidentAt(village, "2025-06-05", geo.SubArmedClash, text, text),
	}, IngestOptions{})
	regions, err := fx.s.Regions(ctx, geo.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Eight places in seven regions: Eastpoint and Westpoint share FJ.03, and
	// the village shares UA.07 with Kharkiv.
	if len(regions) != 7 {
		t.Fatalf("%d regions, want 7: %+v", len(regions), regions)
	}
	top := regions[:2]
	var ua07 geo.RegionCount
	for _, r := range top {
		if r.Country == "UA" && r.Admin1 == "07" {
			ua07 = r
		}
	}
	if ua07.Incidents != 2 || ua07.Admin1Name != "Kharkiv" || ua07.LastSeen != "2025-06-05" {
		t.Fatalf("UA.07 = %+v, want 2 incidents last seen 2025-06-05 among the first two regions", ua07)
	}
	if !reflect.DeepEqual(ua07.ByType, map[string]int{geo.ExplosionsRemote: 1, geo.Battles: 1}) {
		t.Errorf("UA.07 by type = %v", ua07.ByType)
	}
	wantLat, wantLon := (kharkiv.Lat+village.Lat)/2, (kharkiv.Lon+village.Lon)/2
	if math.Abs(ua07.Lat-wantLat) > 1e-9 || math.Abs(ua07.Lon-wantLon) > 1e-9 {
		t.Errorf("UA.07 point = %v,%v; want the mean %v,%v", ua07.Lat, ua07.Lon, wantLat, wantLon)
	}

	only, err := fx.s.Regions(ctx, geo.IncidentFilter{Country: []string{"FJ"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(only) != 1 || only[0].Incidents != 2 || only[0].Admin1 != "03" {
		t.Errorf("FJ regions = %+v, want one with 2 incidents", only)
	}
}

func TestDailyCounts(t *testing.T) {
	fx := loadFixture(t)
	got, err := fx.s.DailyCounts(context.Background(), geo.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []DayCount{{Date: "2025-04-01", Count: 2}, {Date: "2025-05-20", Count: 1}, {Date: "2025-06-01", Count: 1}, {Date: "2025-06-02", Count: 2}, {Date: "2025-06-03", Count: 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DailyCounts = %v, want %v", got, want)
	}
	got, err = fx.s.DailyCounts(context.Background(), geo.IncidentFilter{Country: []string{"UA"}})
	if err != nil {
		t.Fatal(err)
	}
	want = []DayCount{{Date: "2025-06-01", Count: 1}, {Date: "2025-06-02", Count: 1}, {Date: "2025-06-03", Count: 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DailyCounts(UA) = %v, want %v", got, want)
	}
}

func TestExtent(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if _, _, _, n, err := s.Extent(ctx); err != nil || n != 0 {
		t.Fatalf("empty store: n = %d, err = %v", n, err)
	}
	if err := s.WarmUp(ctx); err != nil {
		t.Fatal(err)
	}
	if _, _, _, n, err := s.Extent(ctx); err != nil || n != 0 {
		t.Fatalf("empty store, grid built: n = %d, err = %v", n, err)
	}
	fx := loadFixture(t)
	// Westpoint is the westernmost and southernmost place, Eastpoint the
	// easternmost, Kyiv the northernmost.
	want := geo.BBox{West: west.Lon, South: west.Lat, East: east.Lon, North: kyiv.Lat}
	check := func(how string) {
		t.Helper()
		bbox, first, last, n, err := fx.s.Extent(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if bbox != want || first != "2025-04-01" || last != "2025-06-03" || n != 8 {
			t.Errorf("%s: Extent = %+v %s %s %d; want %+v 2025-04-01 2025-06-03 8", how, bbox, first, last, n, want)
		}
	}
	check("scanned")
	if err := fx.s.WarmUp(ctx); err != nil {
		t.Fatal(err)
	}
	check("from the count grid")
}

// While the server builds its count grid, a box of a few incidents is
// counted through the R*Tree at once, across the antimeridian too.
func TestSmallBoxCount(t *testing.T) {
	fx := loadFixture(t)
	ctx := context.Background()
	for _, box := range []geo.BBox{
		{West: -180, South: -90, East: 180, North: 90},
		{West: 30, South: 45, East: 40, North: 52},
		{West: 170, South: -90, East: -170, North: 90},
	} {
		all, err := rangeCount(ctx, fx.s.reader(), box, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		n, ok, err := smallBoxCount(ctx, fx.s.reader(), box)
		if err != nil || !ok || n != all {
			t.Errorf("smallBoxCount(%v) = %d, %v, %v; want %d as rangeCount", box, n, ok, err, all)
		}
	}
	if all, _ := rangeCount(ctx, fx.s.reader(), geo.BBox{West: -180, South: -90, East: 180, North: 90}, nil, nil); all != 8 {
		t.Errorf("the fixture holds %d incidents, want 8", all)
	}
}
