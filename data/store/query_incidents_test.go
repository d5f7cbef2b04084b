package store

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// fixture is three articles with eight incidents in four countries, two of
// them on either side of the antimeridian.
type fixture struct {
	s              *Store
	syria          int64 // id of the article on Syria and Sudan
	allNewestFirst []string
}

func loadFixture(t *testing.T) fixture {
	t.Helper()
	s := MustOpen(t)
	ua := "Drones struck Kharkiv overnight. Missiles hit the port of Odesa. Fighting continued near Pokrovsk."
	sy := "Gunmen attacked a market in Aleppo. Air defence intercepted drones over Khartoum."
	pa := "Жителі Києва протестували. Riots at Eastpoint. Riots at Westpoint."
	MustIngest(t, s, geo.Article{Title: "Night of strikes", Text: ua}, []geo.Incident{
		incidentAt(kharkiv, "2025-06-01", geo.SubAirDroneStrike, "Drones struck Kharkiv overnight.", ua),
		incidentAt(odesa, "2025-06-02", geo.SubShelling, "Missiles hit the port of Odesa.", ua),
		incidentAt(pokrovsk, "2025-06-03", geo.SubArmedClash, "Fighting continued near Pokrovsk.", ua),
	}, IngestOptions{Merge: true})
	r2 := MustIngest(t, s, geo.Article{Title: "Market attack in northern Syria", Text: sy}, []geo.Incident{
		incidentAt(aleppo, "2025-05-20", geo.SubAttack, "Gunmen attacked a market in Aleppo.", sy),
		incidentAt(khartoum, "2025-06-02", geo.SubDisruptedWeapons, "Air defence intercepted drones over Khartoum.", sy),
	}, IngestOptions{Merge: true})
	MustIngest(t, s, geo.Article{Title: "Unrest", Text: pa}, []geo.Incident{
		incidentAt(kyiv, "2025-06-03", geo.SubPeacefulProtest, "Жителі Києва протестували.", pa),
		incidentAt(east, "2025-04-01", geo.SubMobViolence, "Riots at Eastpoint.", pa),
		incidentAt(west, "2025-04-01", geo.SubMobViolence, "Riots at Westpoint.", pa),
	}, IngestOptions{Merge: true})
	return fixture{s: s, syria: r2.ArticleID,
		allNewestFirst: []string{"Київ", "Pokrovsk", "Khartoum", "Odesa", "Kharkiv", "Aleppo", "Westpoint", "Eastpoint"}}
}

func day(s string) *time.Time {
	t, err := time.Parse(contract.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func TestIncidentsFilters(t *testing.T) {
	fx := loadFixture(t)
	ukraine := &geo.BBox{West: 22, South: 44, East: 41, North: 53}
	tests := []struct {
		name   string
		filter geo.IncidentFilter
		want   []string // locations, newest first
	}{
		{"everything", geo.IncidentFilter{}, fx.allNewestFirst},
		{"bbox over Ukraine", geo.IncidentFilter{BBox: ukraine}, []string{"Київ", "Pokrovsk", "Odesa", "Kharkiv"}},
		{"bbox around Kharkiv only", geo.IncidentFilter{BBox: &geo.BBox{West: 36.2, South: 49.9, East: 36.3, North: 50.1}}, []string{"Kharkiv"}},
		{"bbox across the antimeridian", geo.IncidentFilter{BBox: &geo.BBox{West: 179, South: -17, East: -179, North: -16}}, []string{"Westpoint", "Eastpoint"}},
		{"bbox east of the antimeridian only", geo.IncidentFilter{BBox: &geo.BBox{West: -180, South: -17, East: -179, North: -16}}, []string{"Westpoint"}},
		{"bbox with nothing in it", geo.IncidentFilter{BBox: &geo.BBox{West: -10, South: -10, East: 10, North: 10}}, []string{}},
		{"from", geo.IncidentFilter{From: day("2025-06-02")}, []string{"Київ", "Pokrovsk", "Khartoum", "Odesa"}},
		{"to", geo.IncidentFilter{To: day("2025-05-31")}, []string{"Aleppo", "Westpoint", "Eastpoint"}},
		{"one day", geo.IncidentFilter{From: day("2025-06-02"), To: day("2025-06-02")}, []string{"Khartoum", "Odesa"}},
		{"event types", geo.IncidentFilter{EventType: []string{geo.Battles, geo.Protests}}, []string{"Київ", "Pokrovsk"}},
		{"sub-event type", geo.IncidentFilter{SubEventType: []string{geo.SubAirDroneStrike}}, []string{"Kharkiv"}},
		{"countries", geo.IncidentFilter{Country: []string{"SY", "SD"}}, []string{"Khartoum", "Aleppo"}},
		{"admin1 key", geo.IncidentFilter{Admin1: "UA.07"}, []string{"Kharkiv"}},
		{"admin1 name, any case", geo.IncidentFilter{Admin1: "donetsk"}, []string{"Pokrovsk"}},
		{"q in quote and location", geo.IncidentFilter{Q: "KHARKIV"}, []string{"Kharkiv"}},
		{"q in Cyrillic, other case", geo.IncidentFilter{Q: "КИЄВА"}, []string{"Київ"}},
		{"q words in a source title", geo.IncidentFilter{Q: "northern syria"}, []string{"Khartoum", "Aleppo"}},
		{"q needs every word", geo.IncidentFilter{Q: "port kharkiv"}, []string{}},
		{"q in admin1 name", geo.IncidentFilter{Q: "odessa"}, []string{"Odesa"}},
		{"article", geo.IncidentFilter{ArticleID: fx.syria}, []string{"Khartoum", "Aleppo"}},
		{"combined", geo.IncidentFilter{BBox: ukraine, From: day("2025-06-02"), EventType: []string{geo.ExplosionsRemote}}, []string{"Odesa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			incs, total := MustIncidents(t, fx.s, tt.filter)
			if got := names(incs); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if total != len(tt.want) {
				t.Errorf("total = %d, want %d", total, len(tt.want))
			}
			for _, inc := range incs {
				if len(inc.Sources) != 1 {
					t.Errorf("%s has %d sources, want 1", inc.Location, len(inc.Sources))
				}
			}
		})
	}
}

func TestIncidentsInvalidFilters(t *testing.T) {
	fx := loadFixture(t)
	tests := []struct {
		name   string
		filter geo.IncidentFilter
		field  string
	}{
		{"south above north", geo.IncidentFilter{BBox: &geo.BBox{West: 0, South: 10, East: 1, North: 5}}, "bbox"},
		{"longitude out of range", geo.IncidentFilter{BBox: &geo.BBox{West: -200, South: 0, East: 1, North: 5}}, "bbox"},
		{"unknown event type", geo.IncidentFilter{EventType: []string{"Skirmish"}}, "event_type"},
		{"unknown sub-event type", geo.IncidentFilter{SubEventType: []string{"Drone"}}, "sub_event_type"},
		{"negative limit", geo.IncidentFilter{Limit: -1}, "limit"},
		{"cursor with a bad date", geo.IncidentFilter{After: &geo.Cursor{EventDate: "June", ID: 3}}, "cursor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := fx.s.Incidents(context.Background(), tt.filter)
			assertCode(t, err, geo.EInvalid)
			assertField(t, err, tt.field)
		})
	}
}

func TestIncidentsOffsetLimit(t *testing.T) {
	fx := loadFixture(t)
	incs, total := MustIncidents(t, fx.s, geo.IncidentFilter{Offset: 2, Limit: 3})
	if want := fx.allNewestFirst[2:5]; !slices.Equal(names(incs), want) {
		t.Errorf("page = %v, want %v", names(incs), want)
	}
	if total != len(fx.allNewestFirst) {
		t.Errorf("total = %d, want %d", total, len(fx.allNewestFirst))
	}
	incs, total = MustIncidents(t, fx.s, geo.IncidentFilter{Offset: 100, Limit: 3})
	if len(incs) != 0 || total != len(fx.allNewestFirst) {
		t.Errorf("past the end: %d incidents, total %d; want 0, %d", len(incs), total, len(fx.allNewestFirst))
	}
}

func TestIncidentNotFound(t *testing.T) {
	s := MustOpen(t)
	_, err := s.Incident(context.Background(), 42)
	assertCode(t, err, geo.ENotFound)
	_, err = s.Article(context.Background(), 42)
	assertCode(t, err, geo.ENotFound)
	_, err = s.ArticleMentions(context.Background(), 42)
	assertCode(t, err, geo.ENotFound)
}

// TestKeysetPagingStableUnderInserts pages through incidents while more are
// added between pages: every incident that existed at the start is seen
// exactly once, and nothing is seen twice.
func TestKeysetPagingStableUnderInserts(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 300, 1); err != nil {
		t.Fatal(err)
	}
	before, _ := MustIncidents(t, s, geo.IncidentFilter{})
	seen := map[int64]int{}
	var cursor *geo.Cursor
	for page := 0; ; page++ {
		incs, _ := MustIncidents(t, s, geo.IncidentFilter{After: cursor, Limit: 40})
		if len(incs) == 0 {
			break
		}
		for i, inc := range incs {
			seen[inc.ID]++
			if i > 0 && !newerFirst(incs[i-1], inc) {
				t.Fatalf("page %d not in (event_date, id) descending order at %d", page, i)
			}
		}
		last := incs[len(incs)-1]
		cursor = &geo.Cursor{EventDate: last.EventDate, ID: last.ID}
		if page < 3 {
			// New incidents land before and after the cursor.
			if err := s.LoadSynthetic(ctx, 50, int64(100+page)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("incident %d seen %d times", id, n)
		}
	}
	for _, inc := range before {
		if seen[inc.ID] != 1 {
			t.Errorf("incident %d present from the start was seen %d times", inc.ID, seen[inc.ID])
		}
	}
	if len(seen) == len(before) {
		t.Errorf("no incident inserted between pages was listed; the test did not exercise inserts after the cursor")
	}
}

func newerFirst(a, b geo.Incident) bool {
	return a.EventDate > b.EventDate || (a.EventDate == b.EventDate && a.ID > b.ID)
}

func TestLoadSyntheticIsDeterministic(t *testing.T) {
	ctx := context.Background()
	a, b := MustOpen(t), MustOpen(t)
	for _, s := range []*Store{a, b} {
		if err := s.LoadSynthetic(ctx, 500, 7); err != nil {
			t.Fatal(err)
		}
	}
	ia, na := MustIncidents(t, a, geo.IncidentFilter{})
	ib, nb := MustIncidents(t, b, geo.IncidentFilter{})
	if na != 500 || nb != 500 {
		t.Fatalf("totals %d, %d; want 500", na, nb)
	}
	for i := range ia {
		ia[i].Sources, ib[i].Sources = nil, nil
	}
	if !reflect.DeepEqual(ia, ib) {
		t.Error("the same seed gave different incidents")
	}
	for _, inc := range ia {
		if err := contract.ValidateIncident(inc, 0, "synthetic"); err != nil {
			t.Fatalf("synthetic incident %d is invalid: %v", inc.ID, err)
		}
	}
}

// TestBBoxPlansAgree checks small and large boxes (which take different
// query plans), with and without dates and an event type, against filtering
// every incident in Go.
func TestBBoxPlansAgree(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 3*manyInBox, 3); err != nil {
		t.Fatal(err)
	}
	all, _ := MustIncidents(t, s, geo.IncidentFilter{})
	// The large boxes hold more than manyInBox incidents, the small one fewer.
	boxes := map[string]geo.BBox{
		"small":       {West: 30, South: 47, East: 31, North: 48},
		"large":       {West: 22, South: 44, East: 41, North: 53},
		"whole world": {West: -180, South: -90, East: 180, North: 90},
	}
	for name, box := range boxes {
		for _, iv := range []interval{{"", ""}, {"2024-03-01", "2024-10-31"}} {
			for _, eventType := range []string{"", geo.Battles} {
				t.Run(name+"/"+iv.from+".."+iv.to+"/"+eventType, func(t *testing.T) {
					f := iv.filter(t, box, 50)
					if eventType != "" {
						f.EventType = []string{eventType}
					}
					var want []int64
					for _, inc := range all {
						if inc.Lon >= box.West && inc.Lon <= box.East && inc.Lat >= box.South && inc.Lat <= box.North &&
							(iv.from == "" || inc.EventDate >= iv.from) && (iv.to == "" || inc.EventDate <= iv.to) &&
							(eventType == "" || inc.EventType == eventType) {
							want = append(want, inc.ID)
						}
					}
					if len(want) == 0 {
						t.Fatal("nothing matches; the case tests nothing")
					}
					incs, total := MustIncidents(t, s, f)
					if total != len(want) {
						t.Errorf("total = %d, want %d", total, len(want))
					}
					if n := min(50, len(want)); !slices.Equal(ids(incs), want[:n]) {
						t.Errorf("first page = %v, want %v", ids(incs), want[:n])
					}
				})
			}
		}
	}
}
