package server

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// gridStore is a fake store that also counts per grid cell.
type gridStore struct {
	fakeStore
	got  geo.IncidentFilter
	cell float64
}

func (g *gridStore) GridCounts(_ context.Context, f geo.IncidentFilter, cellDeg float64) ([]geo.GridCell, int, error) {
	g.got, g.cell = f, cellDeg
	return []geo.GridCell{
		{Lat: 48.3, Lon: 37.2, Count: 120000, ByType: map[string]int{geo.Battles: 70000, geo.ExplosionsRemote: 50000}},
		{Lat: 50.4, Lon: 30.5, Count: 3, ByType: map[string]int{geo.Protests: 3}},
	}, 1, nil
}

func TestClustersAreTrueCounts(t *testing.T) {
	st := &gridStore{}
	deps := testDeps()
	deps.Store = st
	s := mustServer(t, Config{CacheBytes: -1}, deps)
	rec := serve(s, request{target: "/api/clusters?bbox=20,40,45,55&zoom=5&event_type=battles,Explosions/Remote%20violence&admin1=UA.05"})
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var body clustersResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	if body.Total != 120003 || len(body.Clusters) != 2 || body.Clusters[0].ByType[geo.Battles] != 70000 {
		t.Fatalf("answer = %+v", body)
	}
	if st.got.BBox == nil || st.got.BBox.West != 20 || len(st.got.EventType) != 2 || st.got.Admin1 != "UA.05" {
		t.Fatalf("store saw filter %+v", st.got)
	}
	// 64 px at zoom 5 is 64*360/(256*32) = 90/32 degrees, a whole number of
	// the count grid's 1/256° cells.
	if want := 90.0 / 32; st.cell != want {
		t.Fatalf("cell = %v°, want %v°", st.cell, want)
	}
	for _, bad := range []string{"/api/clusters?zoom=5", "/api/clusters?bbox=20,40,45,55", "/api/clusters?bbox=20,40,45,55&zoom=99", "/api/clusters?bbox=20,40,45,55&zoom=5&limit=3"} {
		if rec := serve(s, request{target: bad}); rec.Code != 400 {
			t.Errorf("%s: status %d, want 400", bad, rec.Code)
		}
	}
}
