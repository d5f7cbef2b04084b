package server

import (
	"context"
	"net/http"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// TestHeadAnswersLikeGet checks every GET resource also answers HEAD with
// GET's status and Content-Type and an empty body.
func TestHeadAnswersLikeGet(t *testing.T) {
	deps := testDeps()
	deps.Store = sliceStore(sampleIncidents(5))
	deps.Gazetteer = &fakeGazetteer{GetFn: func(id int64) (geo.Place, bool) {
		return geo.Place{ID: id, Name: "Donetsk"}, id == 709717
	}}
	deps.Articles = &fakeArticles{ArticleFn: func(context.Context, int64) (geo.Article, []geo.Mention, error) {
		return geo.Article{ID: 1, Text: "x"}, nil, nil
	}}
	deps.Basemap = func() []byte { return []byte(`{"type":"FeatureCollection","features":[]}`) }
	s := mustServer(t, Config{}, deps)
	targets := []string{
		"/?f=json", "/conformance", "/api", "/collections", "/collections/incidents",
		"/collections/incidents/items", "/collections/incidents/items/1",
		"/collections/incidents/queryables", "/collections/nope",
		"/api/articles/1", "/api/gazetteer?q=Don", "/api/gazetteer/709717", "/api/timeline",
		"/api/config", "/api/export?format=csv", "/basemap/countries.geojson",
		"/tiles/incidents/4/9/5.mvt", "/healthz", "/metrics",
	}
	for _, target := range targets {
		t.Run(target, func(t *testing.T) {
			get := serve(s, request{target: target})
			head := serve(s, request{method: http.MethodHead, target: target})
			if get.Code == http.StatusMethodNotAllowed || head.Code != get.Code {
				t.Fatalf("HEAD %d, GET %d", head.Code, get.Code)
			}
			if head.Header().Get("Content-Type") != get.Header().Get("Content-Type") {
				t.Fatalf("HEAD Content-Type %q, GET %q", head.Header().Get("Content-Type"), get.Header().Get("Content-Type"))
			}
			if head.Body.Len() != 0 {
				t.Fatalf("HEAD body %.200q", head.Body)
			}
		})
	}
}
