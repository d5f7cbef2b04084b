package postgis

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// BenchmarkIngestBatch ingests distinct one-incident articles 200 to a
// batch, merging, as "incidentmap ingest" does; compare the SQLite
// store's benchmark of the same name.
func BenchmarkIngestBatch(b *testing.B) {
	s, _ := mustOpen(b)
	ctx := context.Background()
	pub := time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)
	const batch = 200
	b.ResetTimer()
	for i := 0; i < b.N; i += batch {
		items := make([]contract.IngestItem, batch)
		for k := range items {
			text := fmt.Sprintf("Report %d: drones struck Kharkiv.", i+k)
			q := strings.Index(text, "drones")
			inc := geo.Incident{EventType: geo.EventTypeOf(geo.SubAirDroneStrike), SubEventType: geo.SubAirDroneStrike,
				EventDate: fmt.Sprintf("2025-%02d-%02d", 1+(i+k)/28%12, 1+(i+k)%28), TimePrecision: 1,
				Location: "Kharkiv", GeonameID: 706483, Country: "UA", Admin1: "07", Lat: 49.98081, Lon: 36.25272,
				GeoPrecision: 1, Quote: text[q:], QuoteStart: q, QuoteEnd: len(text)}
			m := geo.Mention{Text: "Kharkiv", Start: len(text) - 8, End: len(text) - 1, Name: "Kharkiv",
				GeonameID: 706483, Lat: 49.98081, Lon: 36.25272}
			items[k] = contract.IngestItem{Article: geo.Article{Title: "t", Published: pub, Text: text},
				Mentions: []geo.Mention{m}, Incidents: []geo.Incident{inc}}
		}
		_, errs, err := s.IngestBatch(ctx, items, contract.IngestOptions{Merge: true, Counts: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
