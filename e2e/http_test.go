package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// httpResult is one answer of the server.
type httpResult struct {
	status int
	header http.Header
	body   []byte
}

// request sends one request to the server; header may be nil.
func (s *liveServer) request(t *testing.T, method, path string, body []byte, header map[string]string) httpResult {
	t.Helper()
	url := path
	if !strings.HasPrefix(path, "http") {
		url = s.url + path
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, path, err)
	}
	return httpResult{status: resp.StatusCode, header: resp.Header, body: b}
}

// getJSON fetches path, fails unless it answers 200, and decodes the body.
func (s *liveServer) getJSON(t *testing.T, path string, v any) httpResult {
	t.Helper()
	res := s.request(t, http.MethodGet, path, nil, map[string]string{"Accept": "application/json"})
	if res.status != http.StatusOK {
		t.Fatalf("GET %s: status %d: %s", path, res.status, res.body)
	}
	if err := json.Unmarshal(res.body, v); err != nil {
		t.Fatalf("GET %s: %v\n%.500s", path, err, res.body)
	}
	return res
}

// featureCollection is an OGC API - Features items response.
type featureCollection struct {
	Type           string    `json:"type"`
	Features       []feature `json:"features"`
	Links          []link    `json:"links"`
	NumberMatched  *int      `json:"numberMatched"`
	NumberReturned *int      `json:"numberReturned"`
	TimeStamp      string    `json:"timeStamp"`
}

// feature is a GeoJSON feature with a point geometry.
type feature struct {
	Type     string          `json:"type"`
	ID       json.RawMessage `json:"id"`
	Geometry struct {
		Type        string    `json:"type"`
		Coordinates []float64 `json:"coordinates"`
	} `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

// link is an OGC API link.
type link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type"`
	Title string `json:"title"`
}

// str returns a string property, or "" when absent or not a string.
func (f feature) str(key string) string {
	s, _ := f.Properties[key].(string)
	return s
}

// id returns the incident id from the properties.
func (f feature) id() int64 {
	v, _ := f.Properties["id"].(float64)
	return int64(v)
}

// lonLat returns the point's coordinates.
func (f feature) lonLat() (float64, float64) {
	if len(f.Geometry.Coordinates) < 2 {
		return 0, 0
	}
	return f.Geometry.Coordinates[0], f.Geometry.Coordinates[1]
}

// linkTo returns the href of the first link with rel, or "".
func (fc featureCollection) linkTo(rel string) string {
	for _, l := range fc.Links {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

// matched returns numberMatched, failing the test when it is missing.
func (fc featureCollection) matched(t *testing.T) int {
	t.Helper()
	if fc.NumberMatched == nil {
		t.Fatal("response has no numberMatched")
	}
	return *fc.NumberMatched
}

// allItems walks the next links of a collection's items from path and
// returns every feature in order, failing on a loop.
func (s *liveServer) allItems(t *testing.T, path string) (features []feature, pages int) {
	t.Helper()
	seen := map[string]bool{}
	for next := path; next != ""; pages++ {
		if seen[next] {
			t.Fatalf("next link loops back to %s", next)
		}
		seen[next] = true
		if pages > 10000 {
			t.Fatal("more than 10000 pages")
		}
		var fc featureCollection
		s.getJSON(t, next, &fc)
		if fc.NumberReturned == nil || *fc.NumberReturned != len(fc.Features) {
			t.Fatalf("%s: numberReturned %v but %d features", next, fc.NumberReturned, len(fc.Features))
		}
		features = append(features, fc.Features...)
		next = fc.linkTo("next")
	}
	return features, pages
}

// apiError is the server's error body.
type apiError struct {
	Code        string `json:"code"`
	Description string `json:"description"`
}

// decodeError checks that an error answer is the JSON error shape.
func decodeError(t *testing.T, what string, res httpResult) apiError {
	t.Helper()
	var e apiError
	if err := json.Unmarshal(res.body, &e); err != nil || e.Code == "" || e.Description == "" {
		t.Fatalf("%s: want a JSON {code, description} body, got %q (%v)", what, res.body, err)
	}
	if ct := res.header.Get("Content-Type"); !strings.Contains(ct, "json") {
		t.Errorf("%s: error Content-Type %q is not JSON", what, ct)
	}
	return e
}

// articleJSON encodes an article as the body of POST /api/articles.
func articleJSON(t *testing.T, a article) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]string{"title": a.title, "url": a.url, "published": a.published, "text": a.text})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ingestResponse is the answer of POST /api/articles.
type ingestResponse struct {
	ArticleID int64             `json:"article_id"`
	Duplicate bool              `json:"duplicate"`
	Incidents featureCollection `json:"incidents"`
}

// postArticle sends an article (with the token when not empty) and
// decodes the answer, failing unless the status is want.
func (s *liveServer) postArticle(t *testing.T, a article, token string, want int) ingestResponse {
	t.Helper()
	header := map[string]string{"Content-Type": "application/json"}
	if token != "" {
		header["Authorization"] = "Bearer " + token
	}
	res := s.request(t, http.MethodPost, "/api/articles", articleJSON(t, a), header)
	if res.status != want {
		t.Fatalf("POST /api/articles %q: status %d, want %d: %s", a.title, res.status, want, res.body)
	}
	var out ingestResponse
	if err := json.Unmarshal(res.body, &out); err != nil {
		t.Fatalf("POST /api/articles: %v: %s", err, res.body)
	}
	return out
}

// describe lists features briefly for failure messages.
func describe(fs []feature) string {
	var b strings.Builder
	for _, f := range fs {
		lon, lat := f.lonLat()
		fmt.Fprintf(&b, "\n  %d %s %s %s (%.3f,%.3f)", f.id(), f.str("event_date"), f.str("sub_event_type"), f.str("location"), lon, lat)
	}
	return b.String()
}
