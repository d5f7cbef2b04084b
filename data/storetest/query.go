package storetest

import (
	"context"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// fixture is seven incidents from seven articles; articles maps each
// place's name to its article's id. In page order (event_date, then id, descending) they are
// Odesa, Kharkiv, Aleppo, Pokrovsk, Eastpoint, Westpoint, Khartoum.
type fixture struct {
	s        contract.Store
	articles map[string]int64
}

func loadFixture(t *testing.T, open Opener) fixture {
	s, _ := open(t)
	rows := []struct {
		p          Place
		date, sub  string
		fatalities *int
	}{
		{Kharkiv, "2025-06-03", geo.SubAirDroneStrike, nil},
		{Odesa, "2025-06-03", geo.SubDisruptedWeapons, nil},
		{Pokrovsk, "2025-06-02", geo.SubShelling, IntP(3)},
		{Aleppo, "2025-06-02", geo.SubArmedClash, nil},
		{Khartoum, "2025-04-01", geo.SubAttack, nil},
		{East, "2025-05-20", geo.SubPeacefulProtest, nil},
		{West, "2025-04-01", geo.SubArrests, nil},
	}
	fx := fixture{s: s, articles: map[string]int64{}}
	for _, r := range rows {
		a, inc := report(r.p.Name+" report", r.p, r.date, r.sub)
		inc.Fatalities = r.fatalities
		fx.articles[r.p.Name] = mustIngest(t, s, a, []geo.Incident{inc}, merge).ArticleID
	}
	return fx
}

var pageOrder = []string{"Odesa", "Kharkiv", "Aleppo", "Pokrovsk", "Eastpoint", "Westpoint", "Khartoum"}

func testPages(t *testing.T, open Opener) {
	fx := loadFixture(t, open)
	world := &geo.BBox{West: -180, South: -90, East: 180, North: 90}
	ukraine := &geo.BBox{West: 22, South: 44, East: 41, North: 53}
	tests := []struct {
		name string
		f    geo.IncidentFilter
		want []string
	}{
		{"everything", geo.IncidentFilter{}, pageOrder},
		// A box holding most incidents is read newest first through the
		// date order by the PostGIS store, one holding few through the
		// spatial index: the pages must not tell.
		{"the world", geo.IncidentFilter{BBox: world}, pageOrder},
		{"Ukraine", geo.IncidentFilter{BBox: ukraine}, []string{"Odesa", "Kharkiv", "Pokrovsk"}},
		{"Ukraine from June 2", geo.IncidentFilter{BBox: ukraine, From: day("2025-06-02")}, []string{"Odesa", "Kharkiv", "Pokrovsk"}},
		{"the world until June 2", geo.IncidentFilter{BBox: world, To: day("2025-06-02")}, pageOrder[2:]},
	}
	for _, tt := range tests {
		for _, limit := range []int{1, 2, 3} {
			f := tt.f
			f.Limit = limit
			var got []string
			for range len(tt.want) + 1 {
				incs, total := mustIncidents(t, fx.s, f)
				if total != len(tt.want) {
					t.Fatalf("%s, limit %d: numberMatched = %d after %+v, want %d", tt.name, limit, total, f.After, len(tt.want))
				}
				got = append(got, names(incs)...)
				if len(incs) < f.Limit {
					break
				}
				last := incs[len(incs)-1]
				f.After = &geo.Cursor{EventDate: last.EventDate, ID: last.ID}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s, limit %d: pages = %v, want %v", tt.name, limit, got, tt.want)
			}
		}
	}
	incs, _ := mustIncidents(t, fx.s, geo.IncidentFilter{Limit: 2, Offset: 2})
	if !slices.Equal(names(incs), pageOrder[2:4]) {
		t.Errorf("offset 2 limit 2 = %v, want %v", names(incs), pageOrder[2:4])
	}
	incs, _ = mustIncidents(t, fx.s, geo.IncidentFilter{})
	if !slices.Equal(names(incs), pageOrder) {
		t.Errorf("no limit = %v, want all in page order", names(incs))
	}
	incs, total := mustIncidents(t, fx.s, geo.IncidentFilter{Country: []string{"XX"}})
	if incs == nil || len(incs) != 0 || total != 0 {
		t.Errorf("no match = %v (nil %v), %d; want an empty page and 0", incs, incs == nil, total)
	}
}

func testPageErrors(t *testing.T, open Opener) {
	fx := loadFixture(t, open)
	tests := []struct {
		name  string
		f     geo.IncidentFilter
		field string
	}{
		{"negative limit", geo.IncidentFilter{Limit: -1}, "limit"},
		{"cursor date", geo.IncidentFilter{After: &geo.Cursor{EventDate: "June", ID: 1}}, "cursor"},
		{"south above north", geo.IncidentFilter{BBox: &geo.BBox{West: 0, South: 10, East: 1, North: 5}}, "bbox"},
		{"longitude past 180", geo.IncidentFilter{BBox: &geo.BBox{West: 0, South: 0, East: 181, North: 5}}, "bbox"},
		{"unknown event type", geo.IncidentFilter{EventType: []string{"Skirmish"}}, "event_type"},
		{"unknown sub-event type", geo.IncidentFilter{SubEventType: []string{"Skirmish"}}, "sub_event_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := fx.s.Incidents(context.Background(), tt.f)
			assertCode(t, err, geo.EInvalid)
			assertField(t, err, tt.field)
		})
	}
}

func day(s string) *time.Time {
	d, _ := time.Parse(contract.DateLayout, s)
	return &d
}

func testFilters(t *testing.T, open Opener) {
	fx := loadFixture(t, open)
	tests := []struct {
		name string
		f    geo.IncidentFilter
		want []string
	}{
		{"event type", geo.IncidentFilter{EventType: []string{geo.EventTypeOf(geo.SubArmedClash)}}, []string{"Aleppo"}},
		{"sub-event types", geo.IncidentFilter{SubEventType: []string{geo.SubShelling, geo.SubAttack}}, []string{"Pokrovsk", "Khartoum"}},
		{"countries", geo.IncidentFilter{Country: []string{"UA", "SD"}}, []string{"Odesa", "Kharkiv", "Pokrovsk", "Khartoum"}},
		{"admin1 code", geo.IncidentFilter{Admin1: "UA.07"}, []string{"Kharkiv"}},
		{"admin1 name in other case", geo.IncidentFilter{Admin1: "odessa"}, []string{"Odesa"}},
		{"words of quote and title", geo.IncidentFilter{Q: "Incident  POKROVSK"}, []string{"Pokrovsk"}},
		{"from", geo.IncidentFilter{From: day("2025-06-02")}, pageOrder[:4]},
		{"to", geo.IncidentFilter{To: day("2025-04-30")}, []string{"Westpoint", "Khartoum"}},
		{"from and to", geo.IncidentFilter{From: day("2025-05-01"), To: day("2025-06-02")}, []string{"Aleppo", "Pokrovsk", "Eastpoint"}},
		{"article", geo.IncidentFilter{ArticleID: fx.articles["Aleppo"]}, []string{"Aleppo"}},
		{"box and dates", geo.IncidentFilter{BBox: &geo.BBox{West: 22, South: 44, East: 41, North: 53},
			From: day("2025-06-02"), To: day("2025-06-02")}, []string{"Pokrovsk"}},
		{"box across the antimeridian and from", geo.IncidentFilter{BBox: &geo.BBox{West: 179, South: -17, East: -179, North: -16},
			From: day("2025-05-01")}, []string{"Eastpoint"}},
		{"box and type", geo.IncidentFilter{BBox: &geo.BBox{West: 22, South: 44, East: 41, North: 53},
			SubEventType: []string{geo.SubDisruptedWeapons}}, []string{"Odesa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, total := mustIncidents(t, fx.s, tt.f)
			if !slices.Equal(names(incs), tt.want) || total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", names(incs), total, tt.want)
			}
			paged := tt.f
			paged.Limit = 1
			if _, total := mustIncidents(t, fx.s, paged); total != len(tt.want) {
				t.Errorf("numberMatched with limit 1 = %d, want %d", total, len(tt.want))
			}
		})
	}
}

func testBBox(t *testing.T, open Opener) {
	fx := loadFixture(t, open)
	after := func(x float64) float64 { return math.Nextafter(x, math.Inf(1)) }
	tests := []struct {
		name string
		b    geo.BBox
		want []string
	}{
		{"Ukraine", geo.BBox{West: 22, South: 44, East: 41, North: 53}, []string{"Odesa", "Kharkiv", "Pokrovsk"}},
		{"edges are inside", geo.BBox{West: Kharkiv.Lon, South: Kharkiv.Lat, East: Kharkiv.Lon, North: Kharkiv.Lat}, []string{"Kharkiv"}},
		{"just past the west edge", geo.BBox{West: after(Kharkiv.Lon), South: 49, East: 37, North: 51}, []string{}},
		{"just past the south edge", geo.BBox{West: 36, South: after(Kharkiv.Lat), East: 37, North: 51}, []string{}},
		{"across the antimeridian", geo.BBox{West: 179, South: -17, East: -179, North: -16}, []string{"Eastpoint", "Westpoint"}},
		{"whole world", geo.BBox{West: -180, South: -90, East: 180, North: 90}, pageOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, total := mustIncidents(t, fx.s, geo.IncidentFilter{BBox: &tt.b})
			if !slices.Equal(names(incs), tt.want) || total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", names(incs), total, tt.want)
			}
		})
	}
}

func testIncidentNotFound(t *testing.T, open Opener) {
	s, _ := open(t)
	_, err := s.Incident(context.Background(), 12345)
	assertCode(t, err, geo.ENotFound)
}

func testAggregates(t *testing.T, open Opener) {
	fx := loadFixture(t, open)
	ctx := context.Background()
	// A later report at Kharkiv names the place otherwise: the place takes
	// the name of its latest incident.
	a, inc := report("Later", Kharkiv, "2025-06-05", geo.SubShelling)
	inc.Location = "Kharkiv city"
	mustIngest(t, fx.s, a, []geo.Incident{inc}, merge)

	places, err := fx.s.Places(ctx, geo.IncidentFilter{Country: []string{"UA"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 3 || places[0].Key != "g706483" || places[0].Name != "Kharkiv city" || places[0].Incidents != 2 ||
		places[0].LastSeen != "2025-06-05" || places[0].ID != Kharkiv.GeonameID ||
		!reflect.DeepEqual(places[0].ByType, map[string]int{geo.EventTypeOf(geo.SubShelling): 2}) {
		t.Errorf("Places(UA)[0] = %+v of %d, want Kharkiv city with 2 shellings last seen 2025-06-05", places[0], len(places))
	}
	one, err := fx.s.Place(ctx, "g706483")
	if err != nil || !reflect.DeepEqual(one, places[0]) {
		t.Errorf("Place = %+v, %v; want %+v", one, err, places[0])
	}
	if _, err := fx.s.Place(ctx, "g1"); geo.ErrorCode(err) != geo.ENotFound {
		t.Errorf("Place of an unknown key: %v, want not found", err)
	}

	regions, err := fx.s.Regions(ctx, geo.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(regions) != 6 || regions[0].Country != "FJ" && regions[0].Country != "UA" || regions[0].Incidents != 2 {
		t.Fatalf("Regions = %+v, want 6 regions, two of 2 incidents first", regions)
	}
	fj := regions[slices.IndexFunc(regions, func(r geo.RegionCount) bool { return r.Country == "FJ" })]
	if fj.Admin1 != "03" || fj.Admin1Name != "Northern" || math.Abs(fj.Lat-(-16.55)) > 1e-9 || fj.LastSeen != "2025-05-20" {
		t.Errorf("FJ region = %+v, want 03 Northern at mean latitude -16.55, last seen 2025-05-20", fj)
	}

	days, err := fx.s.DailyCounts(ctx, geo.IncidentFilter{Country: []string{"UA", "FJ"}})
	want := []contract.DayCount{{Date: "2025-04-01", Count: 1}, {Date: "2025-05-20", Count: 1},
		{Date: "2025-06-02", Count: 1}, {Date: "2025-06-03", Count: 2}, {Date: "2025-06-05", Count: 1}}
	if err != nil || !reflect.DeepEqual(days, want) {
		t.Errorf("DailyCounts = %v, %v; want %v", days, err, want)
	}

	// Extent scans, or reads the count grid that WarmUp builds (serve's
	// first reads): both answer the same.
	wantBox := geo.BBox{West: West.Lon, South: West.Lat, East: East.Lon, North: Kharkiv.Lat}
	empty, _ := open(t)
	for _, how := range []string{"scanned", "after WarmUp"} {
		if how == "after WarmUp" {
			for _, s := range []contract.Store{fx.s, empty} {
				w, ok := s.(interface{ WarmUp(context.Context) error })
				if !ok {
					t.Fatalf("%T has no WarmUp", s)
				}
				if err := w.WarmUp(ctx); err != nil {
					t.Fatal(err)
				}
			}
		}
		box, first, last, n, err := fx.s.Extent(ctx)
		if err != nil || box != wantBox || first != "2025-04-01" || last != "2025-06-05" || n != 8 {
			t.Errorf("%s: Extent = %v %s %s %d %v; want %v 2025-04-01 2025-06-05 8", how, box, first, last, n, err, wantBox)
		}
		if box, first, last, n, err := empty.Extent(ctx); err != nil || box != (geo.BBox{}) || first != "" || last != "" || n != 0 {
			t.Errorf("%s: Extent of an empty store = %v %q %q %d %v; want all zero", how, box, first, last, n, err)
		}
	}
}

func testGridCounts(t *testing.T, open Opener) {
	fx := loadFixture(t, open)
	ctx := context.Background()
	cells, k, err := fx.s.GridCounts(ctx, geo.IncidentFilter{}, 10)
	if err != nil || k != 1 {
		t.Fatalf("GridCounts: %v, k %d", err, k)
	}
	total := 0
	for _, c := range cells {
		total += c.Count
	}
	if total != 7 || len(cells) != 5 || cells[0].Count != 3 {
		t.Errorf("cells = %+v, want 5 cells of 7 incidents, the one of 3 (Ukraine) first", cells)
	}
	ua, _, err := fx.s.GridCounts(ctx, geo.IncidentFilter{Country: []string{"UA"}}, 180)
	if err != nil || len(ua) != 1 || ua[0].Count != 3 || len(ua[0].ByType) != 2 {
		t.Errorf("GridCounts(UA, 180°) = %+v, %v; want one cell of 3 incidents of 2 types", ua, err)
	}
	if _, _, err := fx.s.GridCounts(ctx, geo.IncidentFilter{}, 0); err == nil {
		t.Error("a cell of 0 degrees was accepted")
	}
	// A box alone, before and after the count grid is built (a store may
	// then read the split by type beside the totals): the same cells.
	box := geo.IncidentFilter{BBox: &geo.BBox{West: -180, South: -80, East: 180, North: 80}}
	before, _, err := fx.s.GridCounts(ctx, box, 10)
	if err != nil {
		t.Fatal(err)
	}
	if w, ok := fx.s.(interface{ WarmUp(context.Context) error }); ok {
		if err := w.WarmUp(ctx); err != nil {
			t.Fatal(err)
		}
	}
	after, _, err := fx.s.GridCounts(ctx, box, 10)
	if err != nil || !SameGridCells(before, after) || len(after) != len(cells) {
		t.Errorf("GridCounts of a box after WarmUp = %+v, %v; before %+v", after, err, before)
	}
}

// SameGridCells: the same counts and split by type, and the same mean
// positions but for rounding (sums may be added in another order).
func SameGridCells(a, b []geo.GridCell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Count != b[i].Count || !reflect.DeepEqual(a[i].ByType, b[i].ByType) ||
			math.Abs(a[i].Lat-b[i].Lat) > 1e-9 || math.Abs(a[i].Lon-b[i].Lon) > 1e-9 {
			return false
		}
	}
	return true
}

func testArticles(t *testing.T, open Opener) {
	fx := loadFixture(t, open)
	list, total, err := fx.s.Articles(context.Background(), 2, 0)
	if err != nil || total != 7 || len(list) != 2 {
		t.Fatalf("Articles = %d items, total %d, %v; want 2 of 7", len(list), total, err)
	}
	if list[0].ID != fx.articles["Westpoint"] || list[1].ID != fx.articles["Eastpoint"] || list[0].Incidents != 1 ||
		list[0].Title != "Westpoint report" || list[0].IngestedAt.IsZero() {
		t.Errorf("Articles = %+v, want the last ingested first with 1 incident each", list)
	}
	if list, total, err := fx.s.Articles(context.Background(), 5, 10); err != nil || len(list) != 0 || total != 7 {
		t.Errorf("past the end: %d items, total %d, %v; want none of 7", len(list), total, err)
	}
}
