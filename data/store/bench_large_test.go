package store

import (
	"context"
	"fmt"
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

// BenchmarkNewBoxLarge asks for a page of a box no earlier request asked
// for (oblast-sized boxes over Ukraine, shifted a little each time), as
// e2e/load.sh's "every box new" runs do: no count is remembered.
func BenchmarkNewBoxLarge(b *testing.B) {
	s := largeStore(b)
	ctx := context.Background()
	if g, err := s.buildGrid(ctx); err == nil {
		s.listing.Wait()
		s.grid.Set(g) // built once in the background by a server
	}
	for _, limit := range []int{100, 1000} {
		b.Run(fmt.Sprintf("limit=%d", limit), func(b *testing.B) {
			n := 0
			for b.Loop() {
				n++
				col, row := n%10, (n/10)%5
				shift := float64(n) * 1e-6
				box := geo.BBox{West: 22.5 + float64(col)*1.4 + shift, South: 44.6 + float64(row)*1.1,
					East: 25.8 + float64(col)*1.4 + shift, North: 46.4 + float64(row)*1.1}
				if _, _, err := s.Incidents(ctx, geo.IncidentFilter{BBox: &box, Limit: limit}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
