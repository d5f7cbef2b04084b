package boxgrid

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// Cell keys sort by row, then column, over the whole globe.
func TestCellKeysOrderRowsThenColumns(t *testing.T) {
	rows := []int64{-90 * CellsPerDegree, -1, 0, 90*CellsPerDegree - 1, 90 * CellsPerDegree}
	cols := []int64{-180 * CellsPerDegree, -1, 0, 180*CellsPerDegree - 1, 180 * CellsPerDegree}
	var last int64 = -1
	for _, r := range rows {
		for _, c := range cols {
			k := CellKey(r, c)
			if k <= last {
				t.Fatalf("CellKey(%d, %d) = %d, not above the previous key %d", r, c, k, last)
			}
			last = k
		}
	}
}

// Count with exact strip counts equals counting every point, for points
// on cell borders and random boxes.
func TestCountIsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var pts [][2]float64
	for range 5000 {
		pts = append(pts, [2]float64{30 + rng.Float64()*8, 45 + rng.Float64()*6})
	}
	for _, lon := range []float64{36.25, 36.25 - 1e-12, 36 + 1.0/64} {
		for _, lat := range []float64{49.5, 49.5 + 1e-12, 50 - 1.0/64} {
			pts = append(pts, [2]float64{lon, lat})
		}
	}
	b := NewBuilder(7)
	for _, p := range pts {
		b.Add(p[0], p[1])
	}
	cells := b.Cells()
	brute := func(boxes []geo.BBox) (int, error) {
		n := 0
		for _, box := range boxes {
			for _, p := range pts {
				if p[0] >= box.West && p[0] <= box.East && p[1] >= box.South && p[1] <= box.North {
					n++
				}
			}
		}
		return n, nil
	}
	boxes := []geo.BBox{{West: 36, South: 49.5, East: 36.25, North: 50}, {West: 36.25, South: 49.5, East: 37, North: 50 - 1.0/64}}
	for range 40 {
		w, s := 30+rng.Float64()*6, 45+rng.Float64()*4
		boxes = append(boxes, geo.BBox{West: w, South: s, East: w + rng.Float64()*3, North: s + rng.Float64()*2})
	}
	for _, box := range boxes {
		got, ok, err := cells.Count(box, brute)
		want, _ := brute([]geo.BBox{box})
		if err != nil || ok && got != want {
			t.Errorf("Count(%v) = %d (%v), want %d", box, got, err, want)
		}
	}
	if cells.Gen() != 7 {
		t.Errorf("Gen = %d, want 7", cells.Gen())
	}
}

// A count made while Warm builds the first cells waits for them instead of
// starting a build of its own.
func TestCurrentWaitsForTheWarmUp(t *testing.T) {
	var g Grid
	release := make(chan struct{})
	builds := 0
	build := func() (*Cells, error) {
		builds++
		<-release
		b := NewBuilder(7)
		b.Add(30.5, 50.4)
		return b.Cells(), nil
	}
	warmed := make(chan error)
	go func() { warmed <- g.Warm(build) }()
	for { // until the warm-up runs
		g.mu.Lock()
		running := g.warming != nil
		g.mu.Unlock()
		if running {
			break
		}
		time.Sleep(time.Millisecond)
	}
	got := make(chan *Cells)
	go func() {
		got <- g.Current(7, func() (*Cells, error) { t.Error("a second build started"); return nil, nil })
	}()
	select {
	case c := <-got:
		t.Fatalf("Current returned %v before the warm-up ended", c)
	case <-time.After(50 * time.Millisecond):
	}
	close(release)
	if err := <-warmed; err != nil {
		t.Fatal(err)
	}
	if c := <-got; c == nil || c.Gen() != 7 || c.Total() != 1 || builds != 1 {
		t.Fatalf("Current after the warm-up = %v (builds %d), want the warmed cells", c, builds)
	}
}

// Cells built from points alone cannot serve clusters; cells built from
// incidents sum their members per cluster cell, with the split by type.
func TestClustersNeedIncidents(t *testing.T) {
	plain := NewBuilder(1)
	plain.Add(30.1, 50.1)
	box := geo.BBox{West: 29, South: 49, East: 32, North: 52}
	if _, _, ok := plain.Cells().Clusters(box, 1); ok {
		t.Error("cells of bare points served clusters")
	}
	b := NewBuilder(1)
	b.AddIncident(30.1, 50.1, "Battles")
	b.AddIncident(30.2, 50.3, "Protests")
	b.AddIncident(31.5, 50.2, "Battles")
	// The box's edges are inclusive: the strips left along its east and
	// north edges hold only points exactly on them (none here).
	got, _, ok := b.Cells().Clusters(box, 1)
	if !ok || len(got) != 2 {
		t.Fatalf("Clusters = %v, ok %v; want 2 clusters", got, ok)
	}
	c := got[[2]int64{210, 140}] // (30.1+180)/1, (50.1+90)/1
	if c == nil || c.Count != 2 || c.ByType["Battles"] != 1 || c.ByType["Protests"] != 1 || math.Abs(c.SumLat-100.4) > 1e-9 {
		t.Errorf("cluster at 30°E 50°N = %+v", c)
	}
}
