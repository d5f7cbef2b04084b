package server

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/mapdata"
)

// fakeMapData is a MapData over a small Map built in the test.
type fakeMapData struct{ m *mapdata.Map }

func (f fakeMapData) Labels(b geo.BBox, z int) []mapdata.Label       { return f.m.Labels(b, z) }
func (f fakeMapData) Reverse(lat, lon float64) (mapdata.Where, bool) { return f.m.Reverse(lat, lon) }
func (f fakeMapData) RegionShapes(cc string) mapdata.RegionShapes    { return f.m.RegionShapes(cc, nil) }

func mapDataServer(t *testing.T) *Server {
	t.Helper()
	deps := testDeps()
	deps.MapData = fakeMapData{mapdata.New([]mapdata.Place{
		{Name: "Donetsk", FeatureCode: "ADM1", Country: "UA", Admin1: "05"},
		{Name: "Kharkiv", FeatureCode: "ADM1", Country: "UA", Admin1: "07"},
		{Name: "Kramatorsk", FeatureCode: "PPLA2", Country: "UA", Admin1: "05", Population: 147145, Lat: 48.73, Lon: 37.59},
		{Name: "Izium", FeatureCode: "PPLA2", Country: "UA", Admin1: "07", Population: 45000, Lat: 49.21, Lon: 37.26},
	})}
	return mustServer(t, Config{}, deps)
}

func TestMapDataEndpoints(t *testing.T) {
	s := mapDataServer(t)
	for _, tc := range []struct {
		name, target string
		status       int
		contains     string
	}{
		{"labels of a view at zoom 9", "/api/labels?bbox=36,47,39,50&zoom=9", 200, `"name":"Kramatorsk"`},
		{"labels need a bbox", "/api/labels?zoom=9", 400, "bbox"},
		{"labels need a zoom", "/api/labels?bbox=36,47,39,50", 400, "zoom"},
		{"labels refuse a silly zoom", "/api/labels?bbox=36,47,39,50&zoom=40", 400, "zoom"},
		{"labels refuse unknown parameters", "/api/labels?bbox=36,47,39,50&zoom=9&limit=3", 400, "limit"},
		{"reverse names country and region", "/api/reverse?lat=48.7&lon=37.6", 200, `"admin1_name":"Donetsk"`},
		{"reverse far from anything", "/api/reverse?lat=-40&lon=-140", 404, "no settlement"},
		{"reverse needs numbers", "/api/reverse?lat=north&lon=37", 400, "lat"},
		{"region shapes of a country", "/api/regions/UA", 200, `"admin1_name":"Kharkiv"`},
		{"region shapes of a country without regions", "/api/regions/ZZ", 200, `"features":[]`},
		{"region shapes want a code", "/api/regions/Ukraine", 400, "alpha-2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(s, request{target: tc.target})
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if !json.Valid(rec.Body.Bytes()) || !contains(rec.Body.String(), tc.contains) {
				t.Fatalf("body does not hold %q: %s", tc.contains, rec.Body)
			}
		})
	}
}

func TestRegionShapesAreGeoJSON(t *testing.T) {
	rec := serve(mapDataServer(t), request{target: "/api/regions/UA"})
	var fc struct {
		Type     string `json:"type"`
		Features []struct {
			ID       string `json:"id"`
			Geometry struct {
				Type string `json:"type"`
			} `json:"geometry"`
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &fc); err != nil || fc.Type != "FeatureCollection" {
		t.Fatalf("not a FeatureCollection: %v %s", err, rec.Body)
	}
	kinds := map[string]string{}
	for _, f := range fc.Features {
		kinds[f.Properties["kind"].(string)+" "+f.ID] = f.Geometry.Type
	}
	if kinds["region UA.05"] != "Polygon" || kinds["region UA.07"] != "Polygon" || kinds["borders "] != "MultiLineString" {
		t.Fatalf("features = %v", kinds)
	}
	if rec.Header().Get("Content-Type") != mediaGeoJSON {
		t.Fatalf("content type %q", rec.Header().Get("Content-Type"))
	}
}

func TestMapDataAbsentIs404(t *testing.T) {
	rec := serve(mustServer(t, Config{}, testDeps()), request{target: "/api/labels?bbox=0,0,1,1&zoom=3"})
	if rec.Code != http.StatusNotFound {
		t.Fatalf("status %d", rec.Code)
	}
}
