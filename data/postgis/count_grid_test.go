package postgis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// ingestPoints stores one incident at each point, in one batch.
func ingestPoints(t *testing.T, s *Store, pts [][2]float64, seed int) {
	t.Helper()
	items := make([]contract.IngestItem, len(pts))
	for i, p := range pts {
		text := fmt.Sprintf("Shelling %d/%d.", seed, i)
		items[i] = contract.IngestItem{Article: geo.Article{Text: text}, Incidents: []geo.Incident{{
			EventType: geo.EventTypeOf(geo.SubShelling), SubEventType: geo.SubShelling, EventDate: "2024-03-01",
			TimePrecision: 1, GeoPrecision: 1, Lon: p[0], Lat: p[1]}}}
	}
	_, errs, err := s.IngestBatch(context.Background(), items, contract.IngestOptions{Counts: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// bruteCount counts the incidents in b row by row.
func bruteCount(t *testing.T, s *Store, b geo.BBox) int {
	t.Helper()
	var n int
	err := s.pool.QueryRow(context.Background(), `SELECT count(*) FROM incidents
		WHERE lat BETWEEN $1::float8 AND $2::float8 AND (CASE WHEN $3::float8 <= $4::float8
		THEN lon BETWEEN $3 AND $4 ELSE lon >= $3 OR lon <= $4 END)`,
		b.South, b.North, b.West, b.East).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The grid count equals a count row by row for random boxes, for boxes
// whose edges fall on cell borders, and for points on those borders.
func TestGridCountIsExact(t *testing.T) {
	s, _ := mustOpen(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 6))
	var pts [][2]float64
	for range 1500 {
		pts = append(pts, [2]float64{30 + rng.Float64()*8, 45 + rng.Float64()*6})
	}
	for _, lon := range []float64{36.25, 36.25 - 1e-12, 36 + 1.0/64, -0.5, 0, 179.75, -179.5} {
		for _, lat := range []float64{49.5, 49.5 + 1e-12, 50 - 1.0/64, -0.25, 0} {
			pts = append(pts, [2]float64{lon, lat})
		}
	}
	ingestPoints(t, s, pts, 1)
	cells, err := s.buildGrid(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.grid.Set(cells)
	boxes := []geo.BBox{
		{West: 36, South: 49.5, East: 36.25, North: 50},
		{West: 36.25, South: 49.5, East: 37, North: 50 - 1.0/64},
		{West: -1, South: -1, East: 0, North: 0},
		{West: -0.5, South: -0.25, East: 36.25, North: 49.5},
		{West: 36.01, South: 49.51, East: 36.02, North: 49.52}, // smaller than a cell
		{West: 179, South: -1, East: -179, North: 1},           // across the antimeridian
	}
	for range 30 {
		w, so := 29+rng.Float64()*8, 44+rng.Float64()*6
		boxes = append(boxes, geo.BBox{West: w, South: so, East: w + rng.Float64()*4, North: so + rng.Float64()*3})
	}
	byGrid := 0
	for _, b := range boxes {
		tx, err := s.readTx(ctx)
		if err != nil {
			t.Fatal(err)
		}
		at, err := readSnapshot(ctx, tx)
		if err != nil {
			t.Fatal(err)
		}
		got, ok, err := s.gridCount(ctx, tx, b, at.gen)
		rollback(tx)
		if err != nil {
			t.Fatal(err)
		}
		want := bruteCount(t, s, b)
		if ok && got != want {
			t.Errorf("grid count of %v = %d, row by row %d", b, got, want)
		}
		if ok {
			byGrid++
		}
		if _, total, err := s.Incidents(ctx, geo.IncidentFilter{BBox: &b, Limit: 1}); err != nil || total != want {
			t.Errorf("numberMatched of %v = %d (%v), want %d", b, total, err, want)
		}
	}
	if byGrid < len(boxes)/2 {
		t.Errorf("the grid counted %d of %d boxes, want most", byGrid, len(boxes))
	}
}

// A grid older than the store is not used: after a write the count is
// still exact.
func TestGridCountIgnoresAStaleGrid(t *testing.T) {
	s, _ := mustOpen(t)
	ctx := context.Background()
	ingestPoints(t, s, [][2]float64{{36.1, 49.1}, {36.2, 49.2}}, 1)
	cells, err := s.buildGrid(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.grid.Set(cells)
	ingestPoints(t, s, [][2]float64{{36.3, 49.3}}, 2)
	b := geo.BBox{West: 30, South: 40, East: 40, North: 55}
	if _, total, err := s.Incidents(ctx, geo.IncidentFilter{BBox: &b, Limit: 1}); err != nil || total != 3 {
		t.Errorf("numberMatched after a write = %d (%v), want 3", total, err)
	}
}
