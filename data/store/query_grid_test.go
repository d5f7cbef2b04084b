package store

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/data/storetest"
	"github.com/incidentmap/incidentmap/geo"
)

func TestGridCountsAreTrueTotalsPerCell(t *testing.T) {
	s := MustOpen(t)
	text := "Shelling hit Kharkiv. Drones struck Odesa. A drone hit Pokrovsk. Clashes near Pokrovsk."
	MustIngest(t, s, geo.Article{Title: "A", Text: text}, []geo.Incident{
		incidentAt(kharkiv, "2024-04-01", geo.SubShelling, "Shelling hit Kharkiv.", text),
		incidentAt(odesa, "2024-04-02", geo.SubAirDroneStrike, "Drones struck Odesa.", text),
		incidentAt(pokrovsk, "2024-04-03", geo.SubAirDroneStrike, "A drone hit Pokrovsk.", text),
		incidentAt(pokrovsk, "2024-04-04", geo.SubArmedClash, "Clashes near Pokrovsk.", text),
	}, IngestOptions{})

	cells, every, err := s.GridCounts(context.Background(), geo.IncidentFilter{}, 1)
	if err != nil || every != 1 {
		t.Fatal(err, every)
	}
	if len(cells) != 3 || cells[0].Count != 2 || cells[0].ByType[geo.Battles] != 1 || cells[0].ByType[geo.ExplosionsRemote] != 1 {
		t.Fatalf("1° cells = %+v, want Pokrovsk's cell of 2 first", cells)
	}
	if cells[0].Lat < 48 || cells[0].Lat > 48.5 {
		t.Errorf("Pokrovsk cell at %v, want its incidents' mean", cells[0].Lat)
	}
	whole, _, err := s.GridCounts(context.Background(), geo.IncidentFilter{}, 180)
	if err != nil || len(whole) != 1 || whole[0].Count != 4 {
		t.Fatalf("one cell = %+v, %v", whole, err)
	}
	battles, _, err := s.GridCounts(context.Background(), geo.IncidentFilter{EventType: []string{geo.Battles}}, 1)
	if err != nil || len(battles) != 1 || battles[0].Count != 1 {
		t.Fatalf("filtered = %+v, %v", battles, err)
	}
	if _, _, err := s.GridCounts(context.Background(), geo.IncidentFilter{}, 0); err == nil {
		t.Fatal("a zero cell size was accepted")
	}
}

func TestScaleTypesKeepsTheExactCount(t *testing.T) {
	c := &geo.GridCell{Count: 1000, ByType: map[string]int{geo.Battles: 7, geo.ExplosionsRemote: 2, geo.Protests: 1}}
	contract.ScaleTypes(c, 10)
	sum := 0
	for _, n := range c.ByType {
		sum += n
	}
	if sum != 1000 || c.ByType[geo.Battles] != 700 || c.ByType[geo.Protests] != 100 {
		t.Fatalf("scaled = %v (sum %d)", c.ByType, sum)
	}
	missed := &geo.GridCell{Count: 3, ByType: map[string]int{}}
	contract.ScaleTypes(missed, 0)
	if missed.ByType[""] != 3 {
		t.Fatalf("missed cell = %v", missed.ByType)
	}
}

// Cluster cells summed from the count grid equal the ones counted in SQL,
// for random boxes (across the antimeridian too) and every cell size the
// page asks for up to zoom 9.
func TestGridClustersMatchSQL(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 3000, 7); err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(3, 9))
	var boxes []geo.BBox
	for range 12 {
		w, s := rnd.Float64()*40, 40+rnd.Float64()*10
		boxes = append(boxes, geo.BBox{West: w, South: s, East: w + rnd.Float64()*30, North: s + rnd.Float64()*15})
	}
	boxes = append(boxes, geo.BBox{West: -180, South: -90, East: 180, North: 90}, geo.BBox{West: 170, South: -60, East: 30, North: 60})
	var want [][]geo.GridCell
	for _, b := range boxes {
		for z := range 10 {
			f := geo.IncidentFilter{BBox: &b}
			w, err := filterWhere(f, bboxIndex)
			if err != nil {
				t.Fatal(err)
			}
			cells, every, err := s.sqlGridCounts(ctx, w, 90/math.Exp2(float64(z)))
			if err != nil || every != 1 {
				t.Fatalf("SQL GridCounts(%v, z%d): %v, every %d", b, z, err, every)
			}
			want = append(want, cells)
		}
	}
	if err := s.WarmUp(ctx); err != nil {
		t.Fatal(err)
	}
	i := 0
	for _, b := range boxes {
		for z := range 10 {
			cellDeg := 90 / math.Exp2(float64(z))
			got, ok, err := s.gridClusters(ctx, b, cellDeg)
			if err != nil || !ok {
				t.Fatalf("gridClusters(%v, %g): ok %v, %v", b, cellDeg, ok, err)
			}
			if !storetest.SameGridCells(got, want[i]) {
				t.Errorf("box %v, cell %g°: from the grid %d cells, in SQL %d:\n%+v\n%+v", b, cellDeg, len(got), len(want[i]), got, want[i])
			}
			i++
		}
	}
	if _, ok, _ := s.gridClusters(ctx, boxes[0], 84.375/64); ok {
		t.Error("cells of 84.375/64° (half a grid cell over) do not align with the grid, yet the grid answered")
	}
}
