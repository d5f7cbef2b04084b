package server

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// While the gazetteer loads, what needs it answers 503 with Retry-After
// and a JSON body; the layers and /healthz answer at once; afterwards
// everything works.
func TestGazetteerLoadingAnswers503UntilReady(t *testing.T) {
	var loading atomic.Bool
	loading.Store(true)
	deps := testDeps()
	deps.Loading = loading.Load
	s := mustServer(t, Config{}, deps)
	const article = `{"title":"t","url":"https://example.org/a","published":"2024-04-05T09:00:00Z","text":"A drone hit Kherson."}`
	needing := []struct {
		name string
		req  request
	}{
		{"ingest", request{method: http.MethodPost, target: "/api/articles", body: article,
			headers: map[string]string{"Content-Type": "application/json"}}},
		{"gazetteer search", request{target: "/api/gazetteer?q=Kyiv"}},
		{"gazetteer entry", request{target: "/api/gazetteer/1"}},
		{"gazetteer add", request{method: http.MethodPost, target: "/api/gazetteer", body: `{"name":"X"}`,
			headers: map[string]string{"Content-Type": "application/json"}}},
		{"gazetteer delete", request{method: http.MethodDelete, target: "/api/gazetteer/1000000001"}},
	}
	for _, tt := range needing {
		t.Run("loading/"+tt.name, func(t *testing.T) {
			rec := serve(s, tt.req)
			e := mustErrorBody(t, rec, http.StatusServiceUnavailable, "loading")
			if e.Code != codeUnavailable {
				t.Errorf("code = %q, want %q", e.Code, codeUnavailable)
			}
			if rec.Header().Get("Retry-After") == "" {
				t.Errorf("no Retry-After header")
			}
		})
	}
	t.Run("loading/layers answer", func(t *testing.T) {
		for _, target := range []string{"/collections", "/collections/incidents/items?limit=1"} {
			if rec := serve(s, request{target: target}); rec.Code != http.StatusOK {
				t.Errorf("%s = %d while loading, want 200", target, rec.Code)
			}
		}
	})
	t.Run("loading/healthz says so", func(t *testing.T) {
		rec := serve(s, request{target: "/healthz"})
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"loading"`) {
			t.Errorf("/healthz = %d %s, want 200 with status loading", rec.Code, rec.Body)
		}
	})
	loading.Store(false)
	t.Run("ready", func(t *testing.T) {
		if rec := serve(s, needing[1].req); rec.Code != http.StatusOK {
			t.Errorf("gazetteer search after load = %d %s", rec.Code, rec.Body)
		}
		rec := serve(s, request{target: "/healthz"})
		if !strings.Contains(rec.Body.String(), `"ok"`) {
			t.Errorf("/healthz after load = %s, want ok", rec.Body)
		}
	})
}
