package store

import (
	"context"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestMergeAcrossSources(t *testing.T) {
	s := MustOpen(t)
	textA := "Air defence shot down 10 drones over Odesa."
	textB := "Ukraine's air force said 44 drones were downed over Odesa; two people were hurt."
	a := incidentAt(odesa, "2025-06-01", geo.SubDisruptedWeapons, textA, textA)
	a.Count, a.CountUnit, a.Fatalities = intp(10), "drones", intp(0)
	b := incidentAt(odesa, "2025-06-01", geo.SubDisruptedWeapons, textB, textB)
	b.Count, b.CountUnit, b.Injured, b.Actor1 = intp(44), "drones", intp(2), "Ukrainian Air Force"

	first := MustIngest(t, s, geo.Article{Title: "Source A", Text: textA}, []geo.Incident{a}, IngestOptions{Merge: true})
	second := MustIngest(t, s, geo.Article{Title: "Source B", Text: textB}, []geo.Incident{b}, IngestOptions{Merge: true})

	if second.NewCount != 0 || second.MergedCount != 1 {
		t.Fatalf("second ingest: new %d, merged %d; want 0, 1", second.NewCount, second.MergedCount)
	}
	if _, n := MustStats(t, s); n != 1 {
		t.Fatalf("%d incidents stored, want 1", n)
	}
	got := second.Incidents[0]
	if got.ID != first.Incidents[0].ID {
		t.Errorf("merged into incident %d, want %d", got.ID, first.Incidents[0].ID)
	}
	if got.Count == nil || *got.Count != 44 || got.Injured == nil || *got.Injured != 2 ||
		got.Fatalities == nil || *got.Fatalities != 0 {
		t.Errorf("numbers = count %v injured %v fatalities %v; want the largest of each (44, 2, 0)",
			deref(got.Count), deref(got.Injured), deref(got.Fatalities))
	}
	if got.Actor1 != "Ukrainian Air Force" {
		t.Errorf("actor1 = %q, want it filled from the second source", got.Actor1)
	}
	if got.Quote != textA {
		t.Errorf("quote = %q, want the first source's", got.Quote)
	}
	if len(got.Sources) != 2 || got.Sources[0].Title != "Source A" || got.Sources[1].Title != "Source B" {
		t.Errorf("sources = %+v, want A and B", got.Sources)
	}
	// The second title is searchable on the merged incident.
	if incs, _ := MustIncidents(t, s, geo.IncidentFilter{Q: "source b"}); len(incs) != 1 {
		t.Errorf("Q on the merged source's title found %d incidents, want 1", len(incs))
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestMergeKey(t *testing.T) {
	const text = "Something happened."
	base := incidentAt(pokrovsk, "2025-06-01", geo.SubArmedClash, "", text)
	noID := base
	noID.GeonameID, noID.Lat, noID.Lon = 0, 48.2811, 37.1758
	tests := []struct {
		name   string
		second func(geo.Incident) geo.Incident
		from   geo.Incident
		merge  bool
		want   int // incidents stored
	}{
		{"same geonameid, day and sub-type", func(i geo.Incident) geo.Incident { i.Lat += 0.01; return i }, base, true, 1},
		{"other day", func(i geo.Incident) geo.Incident { i.EventDate = "2025-06-02"; return i }, base, true, 2},
		{"other sub-type", func(i geo.Incident) geo.Incident {
			i.EventType, i.SubEventType = geo.Battles, geo.SubGovRegainsTerritory
			return i
		}, base, true, 2},
		{"other geonameid", func(i geo.Incident) geo.Incident { i.GeonameID++; return i }, base, true, 2},
		{"no geonameid, point equal to 3 decimals", func(i geo.Incident) geo.Incident { i.Lat += 0.0003; return i }, noID, true, 1},
		{"no geonameid, point 55 m away across a rounding edge", func(i geo.Incident) geo.Incident { i.Lat = 48.2816; return i }, noID, true, 2},
		{"merging off", func(i geo.Incident) geo.Incident { return i }, base, false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			MustIngest(t, s, geo.Article{Title: "one", Text: text}, []geo.Incident{tt.from}, IngestOptions{Merge: tt.merge})
			MustIngest(t, s, geo.Article{Title: "two", Text: text + " Again."}, []geo.Incident{tt.second(tt.from)}, IngestOptions{Merge: tt.merge})
			if _, n := MustStats(t, s); n != tt.want {
				t.Errorf("%d incidents stored, want %d", n, tt.want)
			}
		})
	}
}

func TestMergeWithinOneArticleReturnsIncidentOnce(t *testing.T) {
	s := MustOpen(t)
	text := "Drones hit Kharkiv at night. Later, more drones hit Kharkiv."
	a := incidentAt(kharkiv, "2025-06-01", geo.SubAirDroneStrike, "Drones hit Kharkiv at night.", text)
	b := incidentAt(kharkiv, "2025-06-01", geo.SubAirDroneStrike, "Later, more drones hit Kharkiv.", text)
	res := MustIngest(t, s, geo.Article{Text: text}, []geo.Incident{a, b}, IngestOptions{Merge: true})
	if res.NewCount != 1 || res.MergedCount != 1 || len(res.Incidents) != 1 {
		t.Fatalf("result: new %d merged %d incidents %d; want 1, 1, 1", res.NewCount, res.MergedCount, len(res.Incidents))
	}
	if len(res.Incidents[0].Sources) != 1 {
		t.Errorf("sources = %+v, want the one article once", res.Incidents[0].Sources)
	}
	inc, err := s.Incident(context.Background(), res.Incidents[0].ID)
	if err != nil || len(inc.Sources) != 1 {
		t.Errorf("Incident = %+v, %v", inc, err)
	}
}
