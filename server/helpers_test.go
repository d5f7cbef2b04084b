package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// fixedNow pins the clock of test servers.
var fixedNow = time.Date(2024, 4, 6, 12, 0, 0, 0, time.UTC)

// testDeps returns deps with empty fakes and a pinned clock.
func testDeps() Deps {
	return Deps{
		Store:     &fakeStore{},
		Ingester:  &fakeIngester{},
		Gazetteer: &fakeGazetteer{},
		Now:       func() time.Time { return fixedNow },
	}
}

// mustServer builds a server on a loopback address or fails the test.
func mustServer(tb testing.TB, cfg Config, deps Deps) *Server {
	tb.Helper()
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	s, err := New(cfg, deps)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return s
}

// request is one HTTP request of a table test.
type request struct {
	method  string
	target  string
	body    string
	headers map[string]string
}

// serve runs r through the real router.
func serve(s *Server, r request) *httptest.ResponseRecorder {
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	req := newRequest(method, r.target, body)
	for k, v := range r.headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

// mustErrorBody checks that rec is a JSON error with the status and a
// description containing want.
func mustErrorBody(tb testing.TB, rec *httptest.ResponseRecorder, status int, want string) apiError {
	tb.Helper()
	if rec.Code != status {
		tb.Fatalf("status = %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		tb.Fatalf("Content-Type = %q, want application/json; body %s", ct, rec.Body)
	}
	var e apiError
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
		tb.Fatalf("error body is not JSON: %v: %s", err, rec.Body)
	}
	if e.Code == "" || e.Description == "" {
		tb.Fatalf("error body lacks code or description: %s", rec.Body)
	}
	if !strings.Contains(e.Description, want) {
		tb.Fatalf("description %q does not mention %q", e.Description, want)
	}
	return e
}

// mustJSON decodes rec's body into v.
func mustJSON(tb testing.TB, rec *httptest.ResponseRecorder, v any) {
	tb.Helper()
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		tb.Fatalf("body is not JSON: %v: %.300s", err, rec.Body)
	}
}

// sampleIncidents makes n incidents spread over eastern Ukraine and ten
// days, cycling through event types, with ids 1..n.
func sampleIncidents(n int) []geo.Incident {
	types := []string{geo.Battles, geo.ExplosionsRemote, geo.StrategicDevelopments}
	subs := []string{geo.SubArmedClash, geo.SubAirDroneStrike, geo.SubDisruptedWeapons}
	out := make([]geo.Incident, n)
	for i := range out {
		count := 3 + i%5
		out[i] = geo.Incident{
			ID: int64(i + 1), EventType: types[i%3], SubEventType: subs[i%3],
			EventDate: fmt.Sprintf("2024-04-%02d", 1+i%10), TimePrecision: geo.TimeDay,
			Location: fmt.Sprintf("Village %d", i), GeonameID: int64(700000 + i), FeatureCode: "PPL",
			Country: "UA", Admin1: "05", Admin1Name: "Donetsk",
			Lat: 47.5 + float64(i%97)*0.013, Lon: 37.1 + float64(i%89)*0.017,
			GeoPrecision: geo.PrecisionExact, Count: &count, CountUnit: "drones",
			Quote: "A quote.", Sources: []geo.Source{{ArticleID: 1, Title: "Report", URL: "https://example.org/a",
				Published: time.Date(2024, 4, 11, 8, 0, 0, 0, time.UTC)}},
		}
	}
	return out
}

// featureCollection is the decoded shape of an items response.
type featureCollection struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		ID       any    `json:"id"`
		Geometry struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		} `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
	Links          []link `json:"links"`
	NumberMatched  int    `json:"numberMatched"`
	NumberReturned int    `json:"numberReturned"`
	TimeStamp      string `json:"timeStamp"`
}

// linkOf returns the href of the first link with rel, or "".
func linkOf(links []link, rel string) string {
	for _, l := range links {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

// newChunkedRequest builds a request whose body length is not declared, as
// a streaming client would send it.
func newChunkedRequest(method, target, body string) *http.Request {
	req := newRequest(method, target, io.NopCloser(strings.NewReader(body)))
	req.ContentLength = -1
	return req
}

// serveHTTP runs a prepared request through the real router.
func serveHTTP(s *Server, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// testHost is the Host of test requests: a loopback name the server
// answers to (httptest's default, example.com, is refused by checkHost).
const testHost = "127.0.0.1:8080"

// newRequest is httptest.NewRequest addressed to testHost unless the
// target is an absolute URL naming its own host.
func newRequest(method, target string, body io.Reader) *http.Request {
	req := httptest.NewRequest(method, target, body)
	if strings.HasPrefix(target, "/") {
		req.Host = testHost
	}
	return req
}
