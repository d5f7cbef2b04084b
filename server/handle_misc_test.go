package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestHealthz(t *testing.T) {
	tests := []struct {
		name   string
		ping   error
		status int
		want   string
	}{
		{"store answers", nil, http.StatusOK, `"ok"`},
		{"store down", errors.New("store: database is closed"), http.StatusServiceUnavailable, `"unavailable"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deps := testDeps()
			deps.Health = &fakeHealth{PingFn: func(context.Context) error { return tt.ping }}
			rec := serve(mustServer(t, Config{}, deps), request{target: "/healthz"})
			if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) || strings.Contains(rec.Body.String(), "closed") {
				t.Fatalf("status %d body %s", rec.Code, rec.Body)
			}
		})
	}
}

func TestMetricsCountRequests(t *testing.T) {
	deps := testDeps()
	var got geo.Article
	deps.Ingester = recordingIngester(&got, false)
	s := mustServer(t, Config{}, deps)
	serve(s, request{target: "/collections"})
	serve(s, request{target: "/collections"})
	serve(s, request{target: "/collections/nope"})
	serve(s, request{method: http.MethodPost, target: "/api/articles", body: "Vodiane.", headers: map[string]string{"Content-Type": "text/plain"}})
	rec := serve(s, request{target: "/metrics"})
	body := rec.Body.String()
	for _, want := range []string{
		`incidentmap_http_requests_total{method="GET",route="/collections",status="200"} 2`,
		`incidentmap_http_requests_total{method="GET",route="/collections/:collectionId",status="404"} 1`,
		`incidentmap_http_request_duration_seconds_count{route="/collections"} 2`,
		`incidentmap_http_request_duration_seconds_bucket{route="/collections",le="+Inf"} 2`,
		`incidentmap_articles_ingested_total{duplicate="false"} 1`,
		`incidentmap_incidents_ingested_total{kind="new"} 2`,
		"# TYPE incidentmap_http_request_duration_seconds histogram",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s\n%s", want, body)
		}
	}
	if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("Content-Type %q", rec.Header().Get("Content-Type"))
	}
}

func TestConfigEndpointAndCSP(t *testing.T) {
	cfg := Config{TileURL: "https://{s}.tile.example.org/{z}/{x}/{y}.png", TileAttribution: "© Example", Version: "0.1", Token: "t"}
	s := mustServer(t, cfg, testDeps())
	rec := serve(s, request{target: "/api/config"})
	var pc pageConfig
	mustJSON(t, rec, &pc)
	if pc.TileURL != cfg.TileURL || pc.TileAttribution != "© Example" || pc.Version != "0.1" || !pc.AuthRequired {
		t.Fatalf("config %+v", pc)
	}
	csp := rec.Header().Get("Content-Security-Policy")
	if !strings.Contains(csp, "img-src 'self' data: https://*.tile.example.org") || !strings.Contains(csp, "script-src 'self'") {
		t.Fatalf("CSP %q", csp)
	}
	offline := mustServer(t, Config{}, testDeps())
	if csp := serve(offline, request{target: "/api/config"}).Header().Get("Content-Security-Policy"); strings.Contains(csp, "http") {
		t.Fatalf("offline CSP names a remote host: %q", csp)
	}
}

func TestCORSAndErrorsAreJSON(t *testing.T) {
	s := mustServer(t, Config{}, testDeps())
	rec := serve(s, request{target: "/collections", headers: map[string]string{"Origin": "https://other.example"}})
	if rec.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Fatal("GET is not open to other origins")
	}
	rec = serve(s, request{method: http.MethodPost, target: "/api/articles", body: "x", headers: map[string]string{"Content-Type": "text/plain", "Origin": "https://other.example"}})
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatal("writes must not be opened to other origins")
	}
	mustErrorBody(t, serve(s, request{method: http.MethodDelete, target: "/collections"}), http.StatusMethodNotAllowed, "Method Not Allowed")
	mustErrorBody(t, serve(s, request{target: "/no/such/route"}), http.StatusNotFound, "Not Found")
}

func TestPanicIsRecovered(t *testing.T) {
	deps := testDeps()
	deps.Store = &fakeStore{IncidentsFn: func(context.Context, geo.IncidentFilter) ([]geo.Incident, int, error) {
		panic("bug in the store")
	}}
	s := mustServer(t, Config{}, deps)
	rec := serve(s, request{target: "/collections/incidents/items"})
	mustErrorBody(t, rec, http.StatusInternalServerError, "internal error")
	if strings.Contains(rec.Body.String(), "bug") {
		t.Fatalf("panic detail leaked: %s", rec.Body)
	}
	if rec := serve(s, request{target: "/healthz"}); rec.Code != http.StatusOK {
		t.Fatalf("server unusable after a panic: %d", rec.Code)
	}
}

func TestTimeline(t *testing.T) {
	deps := testDeps()
	var got geo.IncidentFilter
	deps.Store = &fakeStore{DailyCountsFn: func(_ context.Context, f geo.IncidentFilter) ([]DayCount, error) {
		got = f
		return []DayCount{{"2024-04-01", 3}, {"2024-04-02", 5}}, nil
	}}
	s := mustServer(t, Config{}, deps)
	rec := serve(s, request{target: "/api/timeline?datetime=../2024-04-05&country=UA&bbox=30,40,40,50"})
	var days []DayCount
	mustJSON(t, rec, &days)
	if rec.Code != 200 || len(days) != 2 || days[1].Count != 5 || got.To == nil || got.BBox == nil || got.Country[0] != "UA" {
		t.Fatalf("timeline %d %s, filter %+v", rec.Code, rec.Body, got)
	}
	mustErrorBody(t, serve(s, request{target: "/api/timeline?limit=5"}), 400, "limit")
	rec = serve(mustServer(t, Config{}, testDeps()), request{target: "/api/timeline"})
	if strings.TrimSpace(rec.Body.String()) != "[]" {
		t.Fatalf("empty timeline should be [], got %s", rec.Body)
	}
}

func TestBasemap(t *testing.T) {
	deps := testDeps()
	deps.Basemap = func() []byte { return []byte(`{"type":"FeatureCollection","features":[]}`) }
	s := mustServer(t, Config{}, deps)
	rec := serve(s, request{target: "/basemap/countries.geojson"})
	if rec.Code != 200 || rec.Header().Get("Content-Type") != mediaGeoJSON ||
		!strings.Contains(rec.Header().Get("Cache-Control"), "max-age=604800") || rec.Header().Get("ETag") == "" {
		t.Fatalf("basemap %d %v", rec.Code, rec.Header())
	}
	again := serve(s, request{target: "/basemap/countries.geojson", headers: map[string]string{"If-None-Match": rec.Header().Get("ETag")}})
	if again.Code != http.StatusNotModified {
		t.Fatalf("revalidation status %d", again.Code)
	}
	mustErrorBody(t, serve(mustServer(t, Config{}, testDeps()), request{target: "/basemap/countries.geojson"}), 404, "basemap")
}

// The binary's gzipped copy of the layer goes as it is to a client that
// takes gzip, with its own ETag; another client gets the plain bytes.
func TestBasemapGzippedAsCarried(t *testing.T) {
	raw := []byte(`{"type":"FeatureCollection","features":[` + strings.Repeat(`{"type":"Feature","properties":{},"geometry":null},`, 200) + `]}`)
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	zw.Close()
	deps := testDeps()
	deps.Basemap = func() []byte { return raw }
	deps.BasemapGzip = func() []byte { return buf.Bytes() }
	s := mustServer(t, Config{}, deps)
	gz := serve(s, request{target: "/basemap/countries.geojson", headers: map[string]string{"Accept-Encoding": "gzip"}})
	if gz.Code != 200 || gz.Header().Get("Content-Encoding") != "gzip" || !bytes.Equal(gz.Body.Bytes(), buf.Bytes()) {
		t.Fatalf("gzip client: %d %v, %d bytes; want the carried %d gzipped bytes", gz.Code, gz.Header(), gz.Body.Len(), buf.Len())
	}
	plain := serve(s, request{target: "/basemap/countries.geojson"})
	if plain.Code != 200 || plain.Header().Get("Content-Encoding") != "" || !bytes.Equal(plain.Body.Bytes(), raw) {
		t.Fatalf("plain client: %d %v", plain.Code, plain.Header())
	}
	if gz.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Errorf("both representations have the ETag %s", gz.Header().Get("ETag"))
	}
	again := serve(s, request{target: "/basemap/countries.geojson", headers: map[string]string{"Accept-Encoding": "gzip", "If-None-Match": gz.Header().Get("ETag")}})
	if again.Code != http.StatusNotModified {
		t.Errorf("revalidation of the gzipped layer: %d", again.Code)
	}
}
