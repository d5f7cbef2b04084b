package server

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// TestCrossSiteWritesAreRefused sends the writes another web site could
// make the user's browser send, and the DNS-rebinding requests that name a
// foreign host; none may reach the store.
func TestCrossSiteWritesAreRefused(t *testing.T) {
	text := map[string]string{"Content-Type": "text/plain"}
	with := func(kv ...string) map[string]string {
		h := map[string]string{"Content-Type": "text/plain"}
		for i := 0; i+1 < len(kv); i += 2 {
			h[kv[i]] = kv[i+1]
		}
		return h
	}
	tests := []struct {
		name   string
		cfg    Config
		req    request
		status int
	}{
		{"text/plain post from another origin", Config{},
			request{method: "POST", target: "/api/articles", body: "Kherson was shelled.", headers: with("Origin", "http://evil.example")}, http.StatusForbidden},
		{"form post from another port of the same host", Config{},
			request{method: "POST", target: "/api/articles", body: "Kherson was shelled.", headers: with("Origin", "http://127.0.0.1:9999")}, http.StatusForbidden},
		{"post from a sandboxed page (Origin null)", Config{},
			request{method: "POST", target: "/api/articles", body: "Kherson was shelled.", headers: with("Origin", "null")}, http.StatusForbidden},
		{"cross-site fetch metadata without Origin", Config{},
			request{method: "POST", target: "/api/articles", body: "Kherson was shelled.", headers: with("Sec-Fetch-Site", "cross-site")}, http.StatusForbidden},
		{"same-site but not same-origin fetch metadata", Config{},
			request{method: "POST", target: "/api/articles", body: "Kherson was shelled.", headers: with("Sec-Fetch-Site", "same-site")}, http.StatusForbidden},
		{"rebound host name on a post", Config{},
			request{method: "POST", target: "http://evil.example/api/articles", body: "Kherson was shelled.", headers: text}, http.StatusForbidden},
		{"rebound host name on a delete", Config{},
			request{method: "DELETE", target: "http://evil.example/api/gazetteer/1000000001"}, http.StatusForbidden},
		{"rebound host name on a read", Config{},
			request{target: "http://evil.example/collections"}, http.StatusForbidden},
		{"token does not make a foreign host acceptable", Config{Token: "t"},
			request{method: "POST", target: "http://evil.example/api/articles", body: "Kherson.", headers: with("Authorization", "Bearer t")}, http.StatusForbidden},
		{"the page's own post", Config{},
			request{method: "POST", target: "/api/articles", body: "Kherson was shelled.", headers: with("Origin", "http://"+testHost, "Sec-Fetch-Site", "same-origin")}, http.StatusCreated},
		{"the page's own post through localhost", Config{},
			request{method: "POST", target: "http://localhost:8080/api/articles", body: "Kherson.", headers: with("Origin", "http://localhost:8080")}, http.StatusCreated},
		{"curl: no Origin, no fetch metadata", Config{},
			request{method: "POST", target: "/api/articles", body: "Kherson was shelled.", headers: text}, http.StatusCreated},
		{"typed into the address bar (Sec-Fetch-Site none)", Config{},
			request{method: "POST", target: "/api/articles", body: "Kherson.", headers: with("Sec-Fetch-Site", "none")}, http.StatusCreated},
		{"IPv6 loopback host", Config{},
			request{method: "POST", target: "http://[::1]:8080/api/articles", body: "Kherson.", headers: with("Origin", "http://[::1]:8080")}, http.StatusCreated},
		{"public name from the base URL behind a proxy", Config{BaseURL: "https://map.example.org", Token: "t"},
			request{method: "POST", target: "/api/articles", body: "Kherson.", headers: with("Origin", "https://map.example.org", "Authorization", "Bearer t")}, http.StatusCreated},
		{"public host name from the base URL", Config{BaseURL: "https://map.example.org"},
			request{target: "http://map.example.org/collections"}, http.StatusOK},
		{"http origin when the base URL is https", Config{BaseURL: "https://map.example.org"},
			request{method: "POST", target: "/api/articles", body: "Kherson.", headers: with("Origin", "http://map.example.org")}, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored := 0
			deps := testDeps()
			deps.Ingester = &fakeIngester{IngestFn: func(context.Context, geo.Article) (geo.IngestResult, error) {
				stored++
				return geo.IngestResult{ArticleID: 1}, nil
			}}
			deps.Gazetteer = &fakeGazetteer{DeleteFn: func(context.Context, int64) error { stored++; return nil }}
			rec := serve(mustServer(t, tt.cfg, deps), tt.req)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d; body %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == http.StatusForbidden {
				mustErrorBody(t, rec, http.StatusForbidden, "")
				if stored != 0 {
					t.Fatalf("a refused request reached the store")
				}
			}
		})
	}
}

// TestLinksNeverNameAForeignHost checks that links come from the
// configured base URL, or from a host name the server answers to.
func TestLinksNeverNameAForeignHost(t *testing.T) {
	tests := []struct {
		name   string
		cfg    Config
		target string
		want   string
	}{
		{"base URL wins over the request's host", Config{BaseURL: "https://map.example.org/"}, "/collections", `"href":"https://map.example.org/collections"`},
		{"loopback request without a base URL", Config{}, "/collections", `"href":"http://` + testHost + `/collections"`},
		{"forwarded headers are not trusted", Config{}, "/collections", `"href":"http://` + testHost + `/collections"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := newRequest(http.MethodGet, tt.target, nil)
			req.Header.Set("X-Forwarded-Proto", "https")
			req.Header.Set("X-Forwarded-Host", "evil.example")
			req.Header.Set("Accept", "application/json")
			rec := serveHTTP(mustServer(t, tt.cfg, testDeps()), req)
			if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), tt.want) {
				t.Fatalf("status %d, body %.400s; want %s", rec.Code, rec.Body, tt.want)
			}
			if strings.Contains(rec.Body.String(), "evil.example") || strings.Contains(rec.Body.String(), "https://127") {
				t.Fatalf("a link names a host or scheme from the request's headers: %.400s", rec.Body)
			}
		})
	}
}

func TestBaseURLMustBeAnHTTPURL(t *testing.T) {
	for _, bad := range []string{"map.example.org", "ftp://map.example.org", "https://", "https://map.example.org/?a=1"} {
		if _, err := New(Config{Addr: "127.0.0.1:0", BaseURL: bad}, testDeps()); err == nil || !strings.Contains(err.Error(), "base URL") {
			t.Errorf("BaseURL %q: error %v, want one about the base URL", bad, err)
		}
	}
}
