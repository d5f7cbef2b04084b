package store

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// largeStore opens the store named by INCIDENTMAP_BENCH_DB (for example the
// 1,000,000-incident store e2e/load.sh builds), or skips: creating a store
// that size takes minutes, too long for a routine benchmark run.
func largeStore(b *testing.B) *Store {
	b.Helper()
	path := os.Getenv("INCIDENTMAP_BENCH_DB")
	if path == "" {
		b.Skip("set INCIDENTMAP_BENCH_DB to a large synthetic store")
	}
	return MustOpenPath(b, path)
}

// BenchmarkIncidentsLarge reads pages of one oblast-sized box, and of a
// city-sized one, from a large store: the items endpoint's store cost.
func BenchmarkIncidentsLarge(b *testing.B) {
	s := largeStore(b)
	ctx := context.Background()
	from, to := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name     string
		box      geo.BBox
		limit    int
		from, to *time.Time
	}{
		{"oblast+quarter/limit=1000", geo.BBox{West: 35.0, South: 48.6, East: 38.3, North: 50.4}, 1000, &from, &to},
		{"oblast/limit=100", geo.BBox{West: 35.0, South: 48.6, East: 38.3, North: 50.4}, 100, nil, nil},
		{"oblast/limit=1000", geo.BBox{West: 35.0, South: 48.6, East: 38.3, North: 50.4}, 1000, nil, nil},
		{"district/limit=1000", geo.BBox{West: 36.0, South: 49.5, East: 37.0, North: 50.0}, 1000, nil, nil},
		{"ukraine/limit=1000", geo.BBox{West: 22, South: 44, East: 41, North: 53}, 1000, nil, nil},
		{"ukraine+quarter/limit=1000", geo.BBox{West: 22, South: 44, East: 41, North: 53}, 1000, &from, &to},
		{"district+quarter/limit=1000", geo.BBox{West: 36.0, South: 49.5, East: 37.0, North: 50.0}, 1000, &from, &to},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var total, n int
			for b.Loop() {
				incs, t, err := s.Incidents(ctx, geo.IncidentFilter{BBox: &c.box, From: c.from, To: c.to, Limit: c.limit})
				if err != nil {
					b.Fatal(err)
				}
				total, n = t, len(incs)
			}
			b.ReportMetric(float64(total), "matched")
			b.ReportMetric(float64(n), "returned")
		})
	}
}

// BenchmarkBoxCountLarge counts one oblast-sized box exactly, uncached:
// the first request for a box pays this before its page.
func BenchmarkBoxCountLarge(b *testing.B) {
	s := largeStore(b)
	box := geo.BBox{West: 35.0, South: 48.6, East: 38.3, North: 50.4}
	for b.Loop() {
		if _, err := rangeCount(context.Background(), s.read, box, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
