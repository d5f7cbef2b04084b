package store

import (
	"context"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

func TestArticlesListNewestFirstWithCounts(t *testing.T) {
	s := MustOpen(t)
	textA := "Shelling hit Kharkiv overnight."
	textB := "Drones struck Odesa. Another drone hit Pokrovsk."
	pub := time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)
	MustIngest(t, s, geo.Article{Title: "A", URL: "https://example.org/a", Published: pub, Text: textA},
		[]geo.Incident{incidentAt(kharkiv, "2024-04-05", geo.SubShelling, "Shelling hit Kharkiv overnight.", textA)}, IngestOptions{})
	MustIngest(t, s, geo.Article{Title: "B", Published: pub, Text: textB}, []geo.Incident{
		incidentAt(odesa, "2024-04-05", geo.SubAirDroneStrike, "Drones struck Odesa.", textB),
		incidentAt(pokrovsk, "2024-04-05", geo.SubAirDroneStrike, "Another drone hit Pokrovsk.", textB),
	}, IngestOptions{})

	got, total, err := s.Articles(context.Background(), 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(got) != 2 || got[0].Title != "B" || got[1].Title != "A" {
		t.Fatalf("articles = %+v (total %d), want B then A", got, total)
	}
	if got[0].Incidents != 2 || got[1].Incidents != 1 || got[1].URL != "https://example.org/a" || !got[1].Published.Equal(pub) {
		t.Fatalf("summaries = %+v", got)
	}
	if got[0].IngestedAt.IsZero() {
		t.Error("no ingested_at")
	}
	page, total, err := s.Articles(context.Background(), 1, 1)
	if err != nil || total != 2 || len(page) != 1 || page[0].Title != "A" {
		t.Fatalf("second page = %+v total %d err %v", page, total, err)
	}
	past, total, err := s.Articles(context.Background(), 1, 5)
	if err != nil || total != 2 || len(past) != 0 {
		t.Fatalf("past the end = %+v total %d err %v", past, total, err)
	}
}
