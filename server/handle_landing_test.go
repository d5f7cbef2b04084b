package server

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/incidentmap/incidentmap/geo"
)

func pageFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":  {Data: []byte("<!doctype html><title>incidentmap</title><script src=\"/static/app.js\"></script>")},
		"app.js":      {Data: []byte("console.log('map');")},
		"css/map.css": {Data: []byte("body{margin:0}")},
	}
}

func TestLandingJSONOrPage(t *testing.T) {
	deps := testDeps()
	deps.Web = pageFS()
	s := mustServer(t, Config{}, deps)
	browser := "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	tests := []struct {
		name     string
		req      request
		wantJSON bool
	}{
		{"browser gets the map", request{target: "/", headers: map[string]string{"Accept": browser}}, false},
		{"no Accept gets JSON (an API client)", request{target: "/"}, true},
		{"OWSLib's */* gets JSON", request{target: "/", headers: map[string]string{"Accept": "*/*"}}, true},
		{"HTML weighted below JSON gets JSON", request{target: "/", headers: map[string]string{"Accept": "text/html;q=0.5, application/json"}}, true},
		{"text/html alone gets the map", request{target: "/", headers: map[string]string{"Accept": "text/html"}}, false},
		{"Accept JSON gets JSON", request{target: "/", headers: map[string]string{"Accept": "application/json"}}, true},
		{"f=json gets JSON even from a browser", request{target: "/?f=json", headers: map[string]string{"Accept": browser}}, true},
		{"f=html gets the map", request{target: "/?f=html", headers: map[string]string{"Accept": "application/json"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(s, tt.req)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			ct := rec.Header().Get("Content-Type")
			if !tt.wantJSON {
				if !strings.HasPrefix(ct, "text/html") || !strings.Contains(rec.Body.String(), "<title>incidentmap") {
					t.Fatalf("want the page, got %q %s", ct, rec.Body)
				}
				if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
					t.Fatalf("page CSP = %q", csp)
				}
				return
			}
			var lp landingPage
			mustJSON(t, rec, &lp)
			rels := map[string]string{}
			for _, l := range lp.Links {
				if l.Href == "" || l.Type == "" || l.Title == "" {
					t.Fatalf("incomplete link %+v", l)
				}
				rels[l.Rel] = l.Type
			}
			if ct != mediaJSON || rels[relSelf] != mediaJSON || rels[relServiceDesc] != mediaOpenAPI ||
				rels[relConformance] == "" || rels[relData] == "" {
				t.Fatalf("landing %q links %v", ct, rels)
			}
		})
	}
	mustErrorBody(t, serve(s, request{target: "/?f=pdf"}), http.StatusBadRequest, "pdf")
}

func TestConformanceAndOpenAPI(t *testing.T) {
	s := mustServer(t, Config{Version: "1.2.3"}, testDeps())
	rec := serve(s, request{target: "/conformance"})
	var conf struct{ ConformsTo []string }
	mustJSON(t, rec, &conf)
	if strings.Join(conf.ConformsTo, " ") != strings.Join([]string{confCore, confGeoJSON, confOAS30}, " ") {
		t.Fatalf("conformsTo = %v", conf.ConformsTo)
	}

	rec = serve(s, request{target: "/api"})
	if rec.Code != 200 || rec.Header().Get("Content-Type") != mediaOpenAPI {
		t.Fatalf("/api: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Info    struct{ Version string }  `json:"info"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	mustJSON(t, rec, &doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.0") || doc.Info.Version != "1.2.3" {
		t.Fatalf("openapi %q version %q", doc.OpenAPI, doc.Info.Version)
	}
	for _, p := range []string{"/", "/conformance", "/collections", "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}", "/api/articles", "/api/gazetteer"} {
		if _, ok := doc.Paths[p]; !ok {
			t.Errorf("OpenAPI lacks path %s", p)
		}
	}
	// Every $ref must resolve, or OpenAPI tools reject the document.
	var whole map[string]any
	mustJSON(t, rec, &whole)
	raw, _ := json.Marshal(whole)
	for _, part := range strings.Split(string(raw), `"$ref":"#/components/`)[1:] {
		refPath := part[:strings.Index(part, `"`)]
		kind, name, _ := strings.Cut(refPath, "/")
		if _, ok := whole["components"].(map[string]any)[kind].(map[string]any)[name]; !ok {
			t.Errorf("dangling $ref %s", refPath)
		}
	}
}

func TestCollectionsExtent(t *testing.T) {
	deps := testDeps()
	deps.Store = &fakeStore{ExtentFn: func(context.Context) (geo.BBox, string, string, int, error) {
		return geo.BBox{West: 36.5, South: 47.1, East: 38.9, North: 49.2}, "2024-04-01", "2024-04-05", 12, nil
	}}
	s := mustServer(t, Config{}, deps)
	rec := serve(s, request{target: "/collections"})
	var doc collectionsDoc
	mustJSON(t, rec, &doc)
	if len(doc.Collections) != 3 {
		t.Fatalf("collections %s", rec.Body)
	}
	ids := []string{}
	for _, c := range doc.Collections {
		ids = append(ids, c.ID)
		if c.Extent.Spatial.BBox[0] != [4]float64{36.5, 47.1, 38.9, 49.2} ||
			*c.Extent.Temporal.Interval[0][0] != "2024-04-01T00:00:00Z" || *c.Extent.Temporal.Interval[0][1] != "2024-04-05T23:59:59Z" {
			t.Fatalf("extent of %s = %+v", c.ID, c.Extent)
		}
		if linkOf(c.Links, relItems) == "" {
			t.Fatalf("collection %s has no items link", c.ID)
		}
	}
	if strings.Join(ids, ",") != "incidents,places,regions" {
		t.Fatalf("collection ids %v", ids)
	}

	empty := mustServer(t, Config{}, testDeps())
	rec = serve(empty, request{target: "/collections/incidents"})
	var one collectionDoc
	mustJSON(t, rec, &one)
	if one.Extent.Spatial.BBox[0] != [4]float64{-180, -90, 180, 90} || one.Extent.Temporal.Interval[0][0] != nil {
		t.Fatalf("empty store extent = %+v", one.Extent)
	}
}

func TestStaticFiles(t *testing.T) {
	deps := testDeps()
	deps.Web = pageFS()
	s := mustServer(t, Config{}, deps)
	tests := []struct {
		name   string
		target string
		status int
		ct     string
	}{
		{"script", "/app.js", 200, "text/javascript"},
		{"nested stylesheet", "/css/map.css", 200, "text/css"},
		{"directory is not listed", "/css", 404, "application/json"},
		{"missing file", "/nope.js", 404, "application/json"},
		{"no escape from the tree", "/../../etc/passwd", 404, "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(s, request{target: tt.target})
			if rec.Code != tt.status || !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.ct) {
				t.Fatalf("status %d %q, want %d %q", rec.Code, rec.Header().Get("Content-Type"), tt.status, tt.ct)
			}
			if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Fatal("nosniff missing")
			}
		})
	}
}
