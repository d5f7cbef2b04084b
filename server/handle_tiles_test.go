package server

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"
)

// decodeTile unmarshals an MVT response and returns its incidents layer in
// lon/lat.
func decodeTile(t *testing.T, body []byte, tile maptile.Tile) *mvt.Layer {
	t.Helper()
	layers, err := mvt.Unmarshal(body)
	if err != nil {
		t.Fatalf("mvt.Unmarshal: %v", err)
	}
	if len(layers) != 1 || layers[0].Name != tileLayerName {
		t.Fatalf("layers %v", layers)
	}
	layers.ProjectToWGS84(tile)
	return layers[0]
}

func TestTileClustersCountEveryIncident(t *testing.T) {
	incidents := sampleIncidents(500)
	deps := testDeps()
	deps.Store = sliceStore(incidents)
	s := mustServer(t, Config{}, deps)
	for _, z := range []maptile.Zoom{0, 3, 5, 7} {
		t.Run(fmt.Sprintf("zoom %d", z), func(t *testing.T) {
			tile := maptile.At(orb.Point{37.6, 48.0}, z)
			rec := serve(s, request{target: fmt.Sprintf("/tiles/incidents/%d/%d/%d.mvt", tile.Z, tile.X, tile.Y)})
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != mediaMVT {
				t.Fatalf("status %d %q: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
			}
			layer := decodeTile(t, rec.Body.Bytes(), tile)
			total := 0
			bound := tile.Bound()
			for _, f := range layer.Features {
				total += int(f.Properties["count"].(float64))
				if _, ok := geo.Taxonomy[f.Properties.MustString("event_type")]; !ok {
					t.Fatalf("cluster event_type %v", f.Properties["event_type"])
				}
				if !bound.Pad(0.01).Contains(f.Geometry.(orb.Point)) {
					t.Fatalf("cluster %v outside its tile %v", f.Geometry, bound)
				}
			}
			if total != len(incidents) {
				t.Fatalf("cluster counts sum to %d, want %d", total, len(incidents))
			}
			if len(layer.Features) >= len(incidents) || len(layer.Features) > tileGridCellsPerAx*tileGridCellsPerAx {
				t.Fatalf("%d clusters for %d incidents: not clustered", len(layer.Features), len(incidents))
			}
		})
	}
}

func TestTilePointsAtHighZoom(t *testing.T) {
	incidents := sampleIncidents(50)
	deps := testDeps()
	deps.Store = sliceStore(incidents)
	s := mustServer(t, Config{}, deps)
	tile := maptile.At(orb.Point{incidents[0].Lon, incidents[0].Lat}, 9)
	rec := serve(s, request{target: fmt.Sprintf("/tiles/incidents/9/%d/%d.mvt?event_type=Battles", tile.X, tile.Y)})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	layer := decodeTile(t, rec.Body.Bytes(), tile)
	want := 0
	b := tile.Bound()
	for _, in := range incidents {
		if in.EventType == geo.Battles && b.Contains(orb.Point{in.Lon, in.Lat}) {
			want++
		}
	}
	if want == 0 || len(layer.Features) != want {
		t.Fatalf("%d points, want %d (>0)", len(layer.Features), want)
	}
	for _, f := range layer.Features {
		if f.Properties["event_type"] != geo.Battles || f.Properties["sub_event_type"] == nil || f.Properties["event_date"] == nil || f.Properties["id"] == nil {
			t.Fatalf("point properties %v", f.Properties)
		}
	}
}

func TestTileInvalid(t *testing.T) {
	s := mustServer(t, Config{}, testDeps())
	tests := []struct {
		name   string
		target string
		status int
		want   string
	}{
		{"zoom above 22", "/tiles/incidents/23/0/0.mvt", 400, "z"},
		{"negative zoom", "/tiles/incidents/-1/0/0.mvt", 400, "z"},
		{"zoom not a number", "/tiles/incidents/a/0/0.mvt", 400, "z"},
		{"x out of range", "/tiles/incidents/2/4/0.mvt", 400, "x"},
		{"y out of range", "/tiles/incidents/2/0/4.mvt", 400, "y"},
		{"negative x", "/tiles/incidents/2/-1/0.mvt", 400, "x"},
		{"y not a number", "/tiles/incidents/2/0/b.mvt", 400, "y"},
		{"no .mvt suffix", "/tiles/incidents/2/0/0.png", 404, ".mvt"},
		{"unknown parameter", "/tiles/incidents/2/0/0.mvt?bbox=1,2,3,4", 400, "bbox"},
		{"bad datetime", "/tiles/incidents/2/0/0.mvt?datetime=soon", 400, "datetime"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustErrorBody(t, serve(s, request{target: tt.target}), tt.status, tt.want)
		})
	}
}
