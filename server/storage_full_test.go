package server

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// TestStoreFullIs507AndDegradesHealth checks that a full disk reaches
// clients as 507 with a clear message, that /healthz says degraded until a
// write succeeds again, and that it is not reported as an internal error.
func TestStoreFullIs507AndDegradesHealth(t *testing.T) {
	full := true
	deps := testDeps()
	deps.Ingester = &fakeIngester{IngestFn: func(context.Context, geo.Article) (geo.IngestResult, error) {
		if full {
			return geo.IngestResult{}, geo.Errorf(geo.EStorageFull, "the store's disk is full: nothing more can be stored until space is freed")
		}
		return geo.IngestResult{ArticleID: 1}, nil
	}}
	deps.Gazetteer = &fakeGazetteer{AddFn: func(context.Context, geo.Place) (geo.Place, error) {
		return geo.Place{}, geo.Errorf(geo.EStorageFull, "the store's disk is full")
	}}
	s := mustServer(t, Config{}, deps)
	health := func() string {
		rec := serve(s, request{target: "/healthz"})
		if rec.Code != http.StatusOK {
			t.Fatalf("healthz %d %s", rec.Code, rec.Body)
		}
		return rec.Body.String()
	}
	if h := health(); !strings.Contains(h, `"ok"`) {
		t.Fatalf("healthz before = %s", h)
	}
	post := request{method: "POST", target: "/api/articles", body: "Kherson was shelled.", headers: map[string]string{"Content-Type": "text/plain"}}
	e := mustErrorBody(t, serve(s, post), http.StatusInsufficientStorage, "disk is full")
	if e.Code != geo.EStorageFull {
		t.Fatalf("code %q", e.Code)
	}
	mustErrorBody(t, serve(s, request{method: "POST", target: "/api/gazetteer", body: `{"name":"x","lat":1,"lon":2}`,
		headers: map[string]string{"Content-Type": "application/json"}}), http.StatusInsufficientStorage, "disk is full")
	if h := health(); !strings.Contains(h, `"degraded"`) || !strings.Contains(h, "disk is full") {
		t.Fatalf("healthz while full = %s", h)
	}
	full = false
	if rec := serve(s, post); rec.Code != http.StatusCreated {
		t.Fatalf("post after space was freed: %d %s", rec.Code, rec.Body)
	}
	if h := health(); !strings.Contains(h, `"ok"`) {
		t.Fatalf("healthz after a write succeeded = %s", h)
	}
}
