package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// The grid count equals a plain COUNT(*) for random boxes, for boxes whose
// edges fall exactly on cell borders, and for points lying on those
// borders, on both sides of the prime meridian and the equator.
func TestGridCountIsExact(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 3000, 7); err != nil {
		t.Fatal(err)
	}
	// Points on cell borders and just beside them.
	text := "Shelling was reported on the border of the cells."
	var incs []geo.Incident
	for _, lon := range []float64{36.25, 36.25 - 1e-12, 36 + 1.0/64, 36 + 3.0/256, -0.5, -1.0 / 64, 0, 120.5, 179.75, -135.5} {
		for _, lat := range []float64{49.5, 49.5 + 1e-12, 50 - 1.0/64, 50 - 5.0/256, -0.25, 0} {
			p := place{Name: "Edge", Country: "UA", Admin1: "07", Admin1Name: "Kharkiv", Lat: lat, Lon: lon}
			incs = append(incs, incidentAt(p, "2024-03-01", geo.SubShelling, "Shelling", text))
		}
	}
	MustIngest(t, s, geo.Article{Title: "edges", Text: text}, incs, IngestOptions{})
	gen, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	g, err := s.buildGrid(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.grid.Set(g)
	if g.Gen() != gen {
		t.Fatalf("grid built at version %d, store at %d", g.Gen(), gen)
	}
	boxes := []geo.BBox{
		{West: 36, South: 49.5, East: 36.25, North: 50},
		{West: 36.25, South: 49.5, East: 37, North: 50 - 1.0/64},
		{West: -1, South: -1, East: 0, North: 0},
		{West: -0.5, South: -0.25, East: 36.25, North: 49.5},
		{West: 20, South: 40, East: 45, North: 55},
		{West: 36.01, South: 49.51, East: 36.02, North: 49.52}, // smaller than a cell
		{West: 179, South: -20, East: -179, North: -10},        // across the antimeridian
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 40 {
		w, so := 22+rng.Float64()*15, 44+rng.Float64()*7
		boxes = append(boxes, geo.BBox{West: w, South: so, East: w + rng.Float64()*4, North: so + rng.Float64()*3})
	}
	for _, b := range boxes {
		t.Run(fmt.Sprintf("%g,%g,%g,%g", b.West, b.South, b.East, b.North), func(t *testing.T) {
			got, err := s.boxCount(ctx, s.read, gen, b, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := bruteCount(t, s, b)
			if got != want {
				t.Errorf("grid count %d, COUNT(*) %d", got, want)
			}
		})
	}
}

// bruteCount counts the incidents in b row by row.
func bruteCount(tb testing.TB, s *Store, b geo.BBox) int {
	tb.Helper()
	cond := "lon BETWEEN ? AND ?"
	if b.West > b.East {
		cond = "(lon >= ? OR lon <= ?)"
	}
	var n int
	err := s.read.QueryRow("SELECT COUNT(*) FROM incidents WHERE +lat BETWEEN ? AND ? AND "+cond,
		b.South, b.North, b.West, b.East).Scan(&n)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// A stale grid is not used: after a write the count is still exact.
func TestGridCountIgnoresAStaleGrid(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 500, 3); err != nil {
		t.Fatal(err)
	}
	g, err := s.buildGrid(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.grid.Set(g)
	if err := s.LoadSynthetic(ctx, 500, 4); err != nil {
		t.Fatal(err)
	}
	gen, err := s.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b := geo.BBox{West: 20, South: 40, East: 45, North: 55}
	got, err := s.boxCount(ctx, s.read, gen, b, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := bruteCount(t, s, b); got != want {
		t.Errorf("count after a write %d, COUNT(*) %d", got, want)
	}
}
