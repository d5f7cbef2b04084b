package web

import (
	"net/http"
	"strconv"
)

// registerFakeMapData answers the collection document (its extent says the
// store is not empty) and the map-data endpoints with fixed data: two
// town labels, two square regions of Ukraine split at 36°E and a reverse
// lookup that places everything east of 36°E in Kharkivska.
func registerFakeMapData(mux *http.ServeMux) {
	mux.HandleFunc("GET /collections/incidents", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"id": "incidents", "extent": map[string]any{
			"spatial":  map[string]any{"bbox": [][4]float64{{27, 41, 45, 56}}},
			"temporal": map[string]any{"interval": [][2]string{{"2024-04-02T00:00:00Z", "2024-04-07T23:59:59Z"}}},
		}})
	})
	mux.HandleFunc("GET /api/clusters", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"clusters": []any{}, "total": 0, "types_sampled_every": 1})
	})
	mux.HandleFunc("GET /api/labels", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"labels": []map[string]any{
			{"name": "Kharkiv", "kind": "city", "lat": 49.99, "lon": 36.23, "population": 1430885, "country": "UA", "admin1": "07"},
			{"name": "Izium", "kind": "town", "lat": 49.21, "lon": 37.26, "population": 45000, "country": "UA", "admin1": "07"},
		}})
	})
	mux.HandleFunc("GET /api/regions/{country}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("country") != "UA" {
			writeJSON(w, http.StatusOK, map[string]any{"type": "FeatureCollection", "features": []any{}})
			return
		}
		square := func(w, s, e, n float64) [][][2]float64 {
			return [][][2]float64{{{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}}
		}
		region := func(code, name string, rings [][][2]float64) map[string]any {
			return map[string]any{"type": "Feature", "id": "UA." + code,
				"geometry":   map[string]any{"type": "Polygon", "coordinates": rings},
				"properties": map[string]any{"kind": "region", "country": "UA", "admin1": code, "admin1_name": name}}
		}
		writeJSON(w, http.StatusOK, map[string]any{"type": "FeatureCollection", "features": []any{
			region("23", "Zaporizka", square(30, 45, 36, 52)),
			region("07", "Kharkivska", square(36, 45, 40, 52)),
			map[string]any{"type": "Feature", "geometry": map[string]any{"type": "MultiLineString", "coordinates": [][][2]float64{{{36, 45}, {36, 52}}}},
				"properties": map[string]any{"kind": "borders", "country": "UA"}},
		}})
	})
	mux.HandleFunc("GET /api/reverse", func(w http.ResponseWriter, r *http.Request) {
		lon, _ := strconv.ParseFloat(r.URL.Query().Get("lon"), 64)
		if lon < 30 || lon > 40 {
			writeJSON(w, http.StatusNotFound, map[string]string{"code": "not_found", "description": "no settlement within reach"})
			return
		}
		if lon >= 36 {
			writeJSON(w, http.StatusOK, map[string]any{"country": "UA", "admin1": "07", "admin1_name": "Kharkivska", "nearest": "Kharkiv", "distance_km": 3})
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"country": "UA", "admin1": "23", "admin1_name": "Zaporizka", "nearest": "Zaporizhzhia", "distance_km": 3})
	})
}
