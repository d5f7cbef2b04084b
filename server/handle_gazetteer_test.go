package server

import (
	"context"
	"net/http"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// memoryGazetteer is a fakeGazetteer over a map, refusing edits of bundled
// entries the way the real gazetteer does.
func memoryGazetteer() *fakeGazetteer {
	places := map[int64]geo.Place{
		709717:             {ID: 709717, GeonameID: 709717, Name: "Donetsk", Country: "UA", FeatureCode: "PPLA"},
		geo.UserIDBase + 1: {ID: geo.UserIDBase + 1, Name: "Checkpoint 5", Country: "UA", FeatureCode: "PPL", Lat: 48, Lon: 37},
	}
	next := int64(geo.UserIDBase + 2)
	userOnly := func(id int64) error {
		if _, ok := places[id]; !ok {
			return geo.Errorf(geo.ENotFound, "no gazetteer entry %d", id)
		}
		if id < geo.UserIDBase {
			return geo.Errorf(geo.EConflict, "entry %d is bundled; only user entries can change", id)
		}
		return nil
	}
	return &fakeGazetteer{
		SearchFn: func(q string, opt SearchOptions) []geo.Place {
			var out []geo.Place
			for _, p := range places {
				if (opt.Country == "" || p.Country == opt.Country) && len(out) < opt.Limit {
					out = append(out, p)
				}
			}
			return out
		},
		GetFn: func(id int64) (geo.Place, bool) { p, ok := places[id]; return p, ok },
		AddFn: func(_ context.Context, p geo.Place) (geo.Place, error) {
			if p.Name == "" {
				return geo.Place{}, geo.FieldError("name", "is required")
			}
			p.ID = next
			next++
			places[p.ID] = p
			return p, nil
		},
		UpdateFn: func(_ context.Context, p geo.Place) (geo.Place, error) {
			if err := userOnly(p.ID); err != nil {
				return geo.Place{}, err
			}
			places[p.ID] = p
			return p, nil
		},
		DeleteFn: func(_ context.Context, id int64) error {
			if err := userOnly(id); err != nil {
				return err
			}
			delete(places, id)
			return nil
		},
	}
}

func TestGazetteerEndpoints(t *testing.T) {
	jsonCT := map[string]string{"Content-Type": "application/json"}
	tests := []struct {
		name   string
		req    request
		status int
		want   string // in the body
	}{
		{"search", request{target: "/api/gazetteer?q=Don&country=ua&limit=5"}, 200, `"Donetsk"`},
		{"search without q", request{target: "/api/gazetteer?limit=5"}, 400, "q"},
		{"search with blank q", request{target: "/api/gazetteer?q=%20"}, 400, "q"},
		{"search limit zero", request{target: "/api/gazetteer?q=a&limit=0"}, 400, "limit"},
		{"search limit too large", request{target: "/api/gazetteer?q=a&limit=101"}, 400, "limit"},
		{"search limit not a number", request{target: "/api/gazetteer?q=a&limit=ten"}, 400, "limit"},
		{"search bad country", request{target: "/api/gazetteer?q=a&country=Ukraine"}, 400, "country"},
		{"search unknown parameter", request{target: "/api/gazetteer?q=a&lang=uk"}, 400, "lang"},
		{"get bundled entry", request{target: "/api/gazetteer/709717"}, 200, `"Donetsk"`},
		{"get missing entry", request{target: "/api/gazetteer/5"}, 404, "5"},
		{"get non-numeric id", request{target: "/api/gazetteer/abc"}, 404, "abc"},
		{"add", request{method: "POST", target: "/api/gazetteer", body: `{"name":"Field camp","country":"UA","feature_code":"PPL","lat":48.1,"lon":37.2}`, headers: jsonCT}, 201, `"Field camp"`},
		{"add invalid entry names the field", request{method: "POST", target: "/api/gazetteer", body: `{"country":"UA","lat":1,"lon":2}`, headers: jsonCT}, 400, "name"},
		{"add with an id", request{method: "POST", target: "/api/gazetteer", body: `{"id":5,"name":"x","lat":1,"lon":2}`, headers: jsonCT}, 400, "id"},
		{"add with unknown field", request{method: "POST", target: "/api/gazetteer", body: `{"name":"x","colour":"red"}`, headers: jsonCT}, 400, "colour"},
		{"add without lat is not put at 0,0", request{method: "POST", target: "/api/gazetteer", body: `{"name":"Field camp","country":"UA","lon":37.2}`, headers: jsonCT}, 400, "lat: is required"},
		{"add without lon", request{method: "POST", target: "/api/gazetteer", body: `{"name":"Field camp","country":"UA","lat":48.1}`, headers: jsonCT}, 400, "lon: is required"},
		{"add with null lat", request{method: "POST", target: "/api/gazetteer", body: `{"name":"Field camp","country":"UA","lat":null,"lon":37.2}`, headers: jsonCT}, 400, "lat: is required"},
		{"update without coordinates", request{method: "PUT", target: "/api/gazetteer/1000000001", body: `{"name":"Checkpoint 6","country":"UA"}`, headers: jsonCT}, 400, "lat: is required"},
		{"add with invalid UTF-8", request{method: "POST", target: "/api/gazetteer", body: "{\"name\":\"Field \xff camp\",\"country\":\"UA\",\"lat\":1,\"lon\":2}", headers: jsonCT}, 400, "UTF-8"},
		{"add as text", request{method: "POST", target: "/api/gazetteer", body: `name=x`, headers: map[string]string{"Content-Type": "text/plain"}}, 415, "application/json"},
		{"update user entry", request{method: "PUT", target: "/api/gazetteer/1000000001", body: `{"name":"Checkpoint 6","country":"UA","lat":48,"lon":37}`, headers: jsonCT}, 200, `"Checkpoint 6"`},
		{"update with mismatched id", request{method: "PUT", target: "/api/gazetteer/1000000001", body: `{"id":3,"name":"x","lat":1,"lon":2}`, headers: jsonCT}, 400, "id"},
		{"update bundled entry conflicts", request{method: "PUT", target: "/api/gazetteer/709717", body: `{"name":"x","lat":1,"lon":2}`, headers: jsonCT}, 409, "bundled"},
		{"delete bundled entry conflicts", request{method: "DELETE", target: "/api/gazetteer/709717"}, 409, "bundled"},
		{"delete missing entry", request{method: "DELETE", target: "/api/gazetteer/1000000099"}, 404, "1000000099"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deps := testDeps()
			deps.Gazetteer = memoryGazetteer()
			s := mustServer(t, Config{}, deps)
			rec := serve(s, tt.req)
			if rec.Code >= 400 {
				mustErrorBody(t, rec, tt.status, tt.want)
				return
			}
			if rec.Code != tt.status || !contains(rec.Body.String(), tt.want) {
				t.Fatalf("status %d body %s; want %d with %s", rec.Code, rec.Body, tt.status, tt.want)
			}
		})
	}
}

func TestGazetteerDeleteThenGet(t *testing.T) {
	deps := testDeps()
	deps.Gazetteer = memoryGazetteer()
	s := mustServer(t, Config{}, deps)
	if rec := serve(s, request{method: http.MethodDelete, target: "/api/gazetteer/1000000001"}); rec.Code != http.StatusNoContent {
		t.Fatalf("delete: %d %s", rec.Code, rec.Body)
	}
	mustErrorBody(t, serve(s, request{target: "/api/gazetteer/1000000001"}), http.StatusNotFound, "1000000001")
}
