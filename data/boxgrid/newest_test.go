package boxgrid

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// incident is one test incident at a point, on a day.
type incident struct {
	lon, lat float64
	day, id  int64
}

// newestCells counts incidents at a few hundred places over two years and
// lists them newest first.
func newestCells(tb testing.TB, rng *rand.Rand, n int) (*Cells, []incident) {
	tb.Helper()
	var places [][2]float64
	for range 300 {
		places = append(places, [2]float64{30 + rng.Float64()*8, 45 + rng.Float64()*6})
	}
	places = append(places, [2]float64{36.25, 49.5}, [2]float64{36 + 1.0/256, 50 - 1.0/256})
	incs := make([]incident, n)
	for i := range incs {
		p := places[rng.IntN(len(places))]
		incs[i] = incident{p[0], p[1], 19700 + rng.Int64N(731), int64(i + 1)}
	}
	slices.SortFunc(incs, func(a, b incident) int { return cmp.Or(cmp.Compare(a.lon, b.lon), cmp.Compare(a.lat, b.lat)) })
	b := NewBuilder(1)
	for _, in := range incs {
		b.Add(in.lon, in.lat)
	}
	cells := b.Cells()
	slices.SortFunc(incs, func(a, b incident) int { return cmp.Or(cmp.Compare(b.day, a.day), cmp.Compare(b.id, a.id)) })
	nb := cells.NewestBuilder()
	for _, in := range incs {
		nb.Add(in.lon, in.lat, in.day, in.id)
	}
	if !nb.Done() {
		tb.Fatal("lists not made")
	}
	return cells, incs
}

// Newest picks the same incidents, in the same order, as filtering all of
// them by box and key range and taking the first want.
func TestNewestIsThePageOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	cells, incs := newestCells(t, rng, 30000)
	for i := range 300 {
		w, s := 29+rng.Float64()*8, 44+rng.Float64()*6
		box := geo.BBox{West: w, South: s, East: w + rng.Float64()*4, North: s + rng.Float64()*3}
		if i == 0 {
			box = geo.BBox{West: 36 + 1.0/256, South: 49.5, East: 36.25, North: 50 - 1.0/256}
		}
		lo, _ := PageKey(19700+rng.Int64N(300), 0)
		hi, _ := PageKey(19900+rng.Int64N(600), rng.Int64N(40000))
		want := 1 + rng.IntN(1500)
		var brute []int64
		for _, in := range incs {
			k, _ := PageKey(in.day, in.id)
			if in.lon >= box.West && in.lon <= box.East && in.lat >= box.South && in.lat <= box.North &&
				k >= lo && k <= hi && len(brute) < want {
				brute = append(brute, in.id)
			}
		}
		got, ok := cells.Newest(box, lo, hi, want)
		if !ok || !slices.Equal(got, brute) {
			t.Fatalf("Newest(%v, want %d) = %d ids (ok %v), want %d: %v vs %v", box, want, len(got), ok, len(brute),
				got[:min(5, len(got))], brute[:min(5, len(brute))])
		}
	}
}

// Lists fed out of page order, or missing an incident the cells counted,
// are not used.
func TestNewestNeedsEveryIncidentInOrder(t *testing.T) {
	b := NewBuilder(1)
	b.Add(30, 45)
	b.Add(30, 45)
	cells := b.Cells()
	nb := cells.NewestBuilder()
	nb.Add(30, 45, 100, 1)
	nb.Add(30, 45, 100, 2) // newer than the one before
	if nb.Done() {
		t.Error("lists out of order were used")
	}
	nb = cells.NewestBuilder()
	nb.Add(30, 45, 100, 1)
	if nb.Done() {
		t.Error("lists missing an incident were used")
	}
	if _, ok := cells.Newest(geo.BBox{West: 29, South: 44, East: 31, North: 46}, 0, 1<<63, 10); ok {
		t.Error("Newest answered without lists")
	}
}

// BenchmarkNewest chooses pages of 100 and 1,000 in oblast-sized boxes of
// 300,000 incidents at 300 places.
func BenchmarkNewest(b *testing.B) {
	rng := rand.New(rand.NewPCG(11, 12))
	cells, _ := newestCells(b, rng, 300_000)
	lo, _ := PageKey(0, 0)
	hi, _ := PageKey(30000, 0)
	for _, want := range []int{100, 1000} {
		b.Run(map[int]string{100: "limit=100", 1000: "limit=1000"}[want], func(b *testing.B) {
			n := 0
			for b.Loop() {
				n++
				w := 30 + float64(n%5) + float64(n)*1e-6
				box := geo.BBox{West: w, South: 46, East: w + 3.3, North: 47.8}
				if _, ok := cells.Newest(box, lo, hi, want); !ok {
					b.Fatal("no lists")
				}
			}
		})
	}
}
