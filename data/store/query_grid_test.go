package store

import (
	"context"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestGridCountsAreTrueTotalsPerCell(t *testing.T) {
	s := MustOpen(t)
	text := "Shelling hit Kharkiv. Drones struck Odesa. A drone hit Pokrovsk. Clashes near Pokrovsk."
	MustIngest(t, s, geo.Article{Title: "A", Text: text}, []geo.Incident{
		incidentAt(kharkiv, "2024-04-01", geo.SubShelling, "Shelling hit Kharkiv.", text),
		incidentAt(odesa, "2024-04-02", geo.SubAirDroneStrike, "Drones struck Odesa.", text),
		incidentAt(pokrovsk, "2024-04-03", geo.SubAirDroneStrike, "A drone hit Pokrovsk.", text),
		incidentAt(pokrovsk, "2024-04-04", geo.SubArmedClash, "Clashes near Pokrovsk.", text),
	}, IngestOptions{})

	cells, err := s.GridCounts(context.Background(), geo.IncidentFilter{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(cells) != 3 || cells[0].Count != 2 || cells[0].ByType[geo.Battles] != 1 || cells[0].ByType[geo.ExplosionsRemote] != 1 {
		t.Fatalf("1° cells = %+v, want Pokrovsk's cell of 2 first", cells)
	}
	if cells[0].Lat < 48 || cells[0].Lat > 48.5 {
		t.Errorf("Pokrovsk cell at %v, want its incidents' mean", cells[0].Lat)
	}
	whole, err := s.GridCounts(context.Background(), geo.IncidentFilter{}, 180)
	if err != nil || len(whole) != 1 || whole[0].Count != 4 {
		t.Fatalf("one cell = %+v, %v", whole, err)
	}
	battles, err := s.GridCounts(context.Background(), geo.IncidentFilter{EventType: []string{geo.Battles}}, 1)
	if err != nil || len(battles) != 1 || battles[0].Count != 1 {
		t.Fatalf("filtered = %+v, %v", battles, err)
	}
	if _, err := s.GridCounts(context.Background(), geo.IncidentFilter{}, 0); err == nil {
		t.Fatal("a zero cell size was accepted")
	}
}
