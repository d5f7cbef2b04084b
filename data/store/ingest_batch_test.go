package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

func TestIngestBatchIsolatesAFailingArticle(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	pub := time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)
	good := func(url, text string) IngestItem {
		return IngestItem{Article: geo.Article{Title: "t", URL: url, Published: pub, Text: text}}
	}
	bad := good("https://example.org/bad", "A bad one.")
	bad.Incidents = []geo.Incident{{EventType: "Battles", SubEventType: "Not a sub-event type", EventDate: "2024-04-05", Lat: 1, Lon: 1, GeoPrecision: 1, TimePrecision: 1}}
	items := []IngestItem{
		good("https://example.org/1", "First article."),
		bad,
		good("https://example.org/2", "Second article."),
		good("https://example.org/1", "First article again, same URL."),
	}
	res, errs, err := s.IngestBatch(ctx, items, IngestOptions{Merge: true})
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] != nil || errs[2] != nil || errs[3] != nil || errs[1] == nil {
		t.Fatalf("errs = %v, want only the second article to fail", errs)
	}
	if !res[3].Duplicate || res[3].ArticleID != res[0].ArticleID {
		t.Errorf("a repeat within the batch = %+v, want the first article as duplicate", res[3])
	}
	articles, _, err := s.Stats(ctx)
	if err != nil || articles != 2 {
		t.Fatalf("stored %d articles (%v), want 2", articles, err)
	}
}

// TestConcurrentIngestOfTheSameArticleStoresItOnce races eight writers with
// the same article: one stores it, the others see a duplicate.
func TestConcurrentIngestOfTheSameArticleStoresItOnce(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	a := geo.Article{Title: "Same", URL: "https://example.org/same", Published: time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC), Text: "Drones struck Kharkiv."}
	const writers = 8
	results := make(chan geo.IngestResult, writers)
	errs := make(chan error, writers)
	for range writers {
		go func() {
			res, err := s.Ingest(ctx, a, nil, nil, IngestOptions{Merge: true})
			results <- res
			errs <- err
		}()
	}
	fresh := 0
	for range writers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		if !(<-results).Duplicate {
			fresh++
		}
	}
	if articles, _ := MustStats(t, s); fresh != 1 || articles != 1 {
		t.Fatalf("%d ingests stored it, %d articles stored; want 1 and 1", fresh, articles)
	}
}

func BenchmarkIngestBatch(b *testing.B) {
	s := MustOpen(b)
	ctx := context.Background()
	pub := time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)
	const batch = 200
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		items := make([]IngestItem, batch)
		for k := range items {
			text := fmt.Sprintf("Report %d: drones struck Kharkiv.", i+k)
			inc := incidentAt(kharkiv, fmt.Sprintf("2025-%02d-%02d", 1+(i+k)/28%12, 1+(i+k)%28), geo.SubAirDroneStrike, "drones struck Kharkiv", text)
			items[k] = IngestItem{Article: geo.Article{Title: "t", Published: pub, Text: text}, Incidents: []geo.Incident{inc}}
		}
		if _, _, err := s.IngestBatch(ctx, items, IngestOptions{Merge: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
