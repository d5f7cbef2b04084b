package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// BenchmarkIngest stores one article with five incidents per iteration,
// with merging on (each day is new, so every incident is looked up and then
// inserted).
func BenchmarkIngest(b *testing.B) {
	s := MustOpen(b)
	ctx := context.Background()
	places := []place{kharkiv, odesa, pokrovsk, aleppo, khartoum}
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := range b.N {
		text := fmt.Sprintf("Report %d: drones struck several cities overnight.", i)
		date := base.AddDate(0, 0, i).Format(contract.DateLayout)
		incs := make([]geo.Incident, len(places))
		for j, p := range places {
			incs[j] = incidentAt(p, date, geo.SubAirDroneStrike, "drones struck", text)
		}
		if _, err := s.Ingest(ctx, geo.Article{Title: "bench", Text: text}, nil, incs, IngestOptions{Merge: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticStore is a store with n synthetic incidents, built once per run.
func syntheticStore(b *testing.B, n int) *Store {
	b.Helper()
	s := MustOpenPath(b, filepath.Join(b.TempDir(), "synthetic.db"))
	if err := s.LoadSynthetic(context.Background(), n, 1); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkIncidentsBBox queries a page of 100 incidents in boxes of several
// sizes over 100,000 incidents, with the total.
func BenchmarkIncidentsBBox(b *testing.B) {
	s := syntheticStore(b, 100_000)
	ctx := context.Background()
	boxes := []struct {
		name string
		box  geo.BBox
	}{
		{"city", geo.BBox{West: 36.0, South: 49.8, East: 36.5, North: 50.2}},
		{"oblast", geo.BBox{West: 35, South: 48.5, East: 38.5, North: 50.5}},
		{"ukraine", geo.BBox{West: 22, South: 44, East: 41, North: 53}},
	}
	for _, bx := range boxes {
		b.Run(bx.name, func(b *testing.B) {
			var total int
			for b.Loop() {
				var err error
				_, total, err = s.Incidents(ctx, geo.IncidentFilter{BBox: &bx.box, Limit: 100})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(total), "matched")
		})
	}
}

// BenchmarkLoadSynthetic measures the bulk loader used by load tests.
func BenchmarkLoadSynthetic(b *testing.B) {
	s := MustOpen(b)
	for i := 0; b.Loop(); i++ {
		if err := s.LoadSynthetic(context.Background(), 10_000, int64(i)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "incidents/s")
}

// BenchmarkImport upserts GeoNames-shaped rows and reports rows per second.
func BenchmarkImport(b *testing.B) {
	s := MustOpen(b)
	const rows = 200_000
	places := make([]geo.Place, rows)
	for i := range places {
		places[i] = geonamesRow(int64(i+1), fmt.Sprint("Place ", i))
	}
	for b.Loop() {
		im, err := s.BeginImport(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range places {
			if err := im.Add(p); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := im.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkIncidentByID reads one incident with its sources, the cost of
// GET /collections/incidents/items/{id} below the server.
func BenchmarkIncidentByID(b *testing.B) {
	s := syntheticStore(b, 10_000)
	ctx := context.Background()
	i := int64(0)
	for b.Loop() {
		i++
		if _, err := s.Incident(ctx, 1+i%10_000); err != nil {
			b.Fatal(err)
		}
	}
}
