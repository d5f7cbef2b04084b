package server

import (
	"context"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// Places carry the gazetteer's population, not the store's zero.
func TestPlacesShowTheGazetteerPopulation(t *testing.T) {
	deps := testDeps()
	deps.Store = &fakeStore{PlacesFn: func(context.Context, geo.IncidentFilter) ([]geo.PlaceCount, error) {
		return []geo.PlaceCount{
			{Place: geo.Place{Name: "Kyiv", GeonameID: 703448, Country: "UA", Lat: 50.45, Lon: 30.52}, Key: "g703448", Incidents: 2},
			{Place: geo.Place{Name: "Somewhere", Country: "UA", Lat: 48, Lon: 37}, Key: "p48000,37000", Incidents: 1},
		}, nil
	}}
	deps.Gazetteer = &fakeGazetteer{GetFn: func(id int64) (geo.Place, bool) {
		if id == 703448 {
			return geo.Place{ID: id, Name: "Kyiv", Population: 2797553}, true
		}
		return geo.Place{}, false
	}}
	s := mustServer(t, Config{CacheBytes: -1}, deps)
	rec := serve(s, request{target: "/collections/places/items"})
	if rec.Code != 200 || !contains(rec.Body.String(), `"population":2797553`) {
		t.Fatalf("status %d; Kyiv's population missing: %s", rec.Code, rec.Body)
	}
}
