package boxgrid

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// bruteCount counts the points inside b, one by one.
func bruteCount(pts [][2]float64, b geo.BBox) int {
	n := 0
	for _, p := range pts {
		if p[0] >= b.West && p[0] <= b.East && p[1] >= b.South && p[1] <= b.North {
			n++
		}
	}
	return n
}

// With few distinct points (incidents on the places they name, repeated in
// and out of order, some on cell borders), Count counts the strips itself,
// exactly, and never asks the store.
func TestCountFromPointsIsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var places [][2]float64
	for range 300 {
		places = append(places, [2]float64{30 + rng.Float64()*8, 45 + rng.Float64()*6})
	}
	for _, lon := range []float64{36.25, math.Nextafter(36.25, 0), 36 + 1.0/256} {
		for _, lat := range []float64{49.5, math.Nextafter(49.5, 90), 50 - 1.0/256} {
			places = append(places, [2]float64{lon, lat})
		}
	}
	var pts [][2]float64
	for range 20000 {
		p := places[rng.IntN(len(places))]
		for range 1 + rng.IntN(3) { // runs of one point, as an index scan reads them
			pts = append(pts, p)
		}
	}
	b := NewBuilder(1)
	for _, p := range pts {
		b.Add(p[0], p[1])
	}
	cells := b.Cells()
	if cells.points == nil {
		t.Fatal("no points kept")
	}
	store := func([]geo.BBox) (int, error) {
		t.Fatal("the store was asked to count strips")
		return 0, nil
	}
	boxes := []geo.BBox{
		{West: 36, South: 49.5, East: 36.25, North: 50},
		{West: 36.25, South: 49.5, East: 37, North: 50 - 1.0/256},
		{West: math.Nextafter(36.25, 0), South: 49.5, East: 38, North: 51},
	}
	for range 200 {
		w, s := 29+rng.Float64()*8, 44+rng.Float64()*6
		boxes = append(boxes, geo.BBox{West: w, South: s, East: w + rng.Float64()*4, North: s + rng.Float64()*3})
	}
	for _, box := range boxes {
		got, ok, err := cells.Count(box, store)
		if want := bruteCount(pts, box); err != nil || ok && got != want {
			t.Errorf("Count(%v) = %d (%v), want %d", box, got, err, want)
		}
	}
}

// Past MaxPoints distinct points the cells keep none, and the strips are
// the store's to count again.
func TestTooManyPointsLeaveStripsToTheStore(t *testing.T) {
	b := NewBuilder(1)
	for i := range MaxPoints + 1 {
		b.Add(30+float64(i%1000)*1e-3, 45+float64(i/1000)*1e-3)
	}
	cells := b.Cells()
	if cells.points != nil {
		t.Fatal("points kept past MaxPoints")
	}
	asked := false
	if _, ok, err := cells.Count(geo.BBox{West: 30.1, South: 45.1, East: 30.5, North: 45.5}, func([]geo.BBox) (int, error) {
		asked = true
		return 0, nil
	}); !ok || err != nil || !asked {
		t.Errorf("Count: ok %v, err %v, store asked %v; want the store asked", ok, err, asked)
	}
}

// BenchmarkCountFromPoints counts oblast-sized boxes over 2,000 places,
// strips included, as a new box's numberMatched does.
func BenchmarkCountFromPoints(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	bld := NewBuilder(1)
	for range 2000 {
		lon, lat := 22.5+rng.Float64()*17.5, 44.5+rng.Float64()*7.5
		for range 500 {
			bld.Add(lon, lat)
		}
	}
	cells := bld.Cells()
	n := 0
	for b.Loop() {
		n++
		w := 22.5 + float64(n%10)*1.4 + float64(n)*1e-6
		box := geo.BBox{West: w, South: 44.6, East: w + 3.3, North: 46.4}
		if _, _, err := cells.Count(box, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// Points given once each with their counts (as PostgreSQL's grouped read
// gives them) count every box as the same incidents added one by one.
func TestAddNCountsAsManyAdds(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	one, grouped := NewBuilder(1), NewBuilder(1)
	var pts [][2]float64
	for range 400 {
		p := [2]float64{30 + rng.Float64()*8, 45 + rng.Float64()*6}
		n := 1 + rng.IntN(5)
		for range n {
			one.Add(p[0], p[1])
			pts = append(pts, p)
		}
		grouped.AddN(p[0], p[1], int64(n))
	}
	grouped.AddN(31, 46, 0) // no incidents: nothing counted
	a, b := one.Cells(), grouped.Cells()
	if b.points == nil || a.Total() != b.Total() || a.Bounds() != b.Bounds() {
		t.Fatalf("grouped: total %d, bounds %v, points kept %v; one by one: %d, %v",
			b.Total(), b.Bounds(), b.points != nil, a.Total(), a.Bounds())
	}
	store := func([]geo.BBox) (int, error) {
		t.Fatal("the store was asked to count strips")
		return 0, nil
	}
	for range 200 {
		w, s := 29+rng.Float64()*8, 44+rng.Float64()*6
		box := geo.BBox{West: w, South: s, East: w + rng.Float64()*3, North: s + rng.Float64()*3}
		got, ok, err := b.Count(box, store)
		if want := bruteCount(pts, box); ok && (err != nil || got != want) {
			t.Errorf("Count(%v) = %d, %v; want %d", box, got, err, want)
		}
	}
}
