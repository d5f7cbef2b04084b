package server

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// recordingIngester stores what it was given and answers with one incident.
func recordingIngester(got *geo.Article, duplicate bool) *fakeIngester {
	return &fakeIngester{IngestFn: func(_ context.Context, a geo.Article) (geo.IngestResult, error) {
		*got = a
		res := geo.IngestResult{ArticleID: 7, Duplicate: duplicate}
		if !duplicate {
			res.Incidents = sampleIncidents(2)
			res.NewCount = 2
			res.Mentions = []geo.Mention{{Text: "Vodiane", Start: 0, End: 7, Name: "Vodiane", Country: "UA", Lat: 48.09, Lon: 37.63}}
		}
		return res, nil
	}}
}

func TestIngestArticle(t *testing.T) {
	jsonCT := map[string]string{"Content-Type": "application/json"}
	tests := []struct {
		name      string
		req       request
		duplicate bool
		status    int
		check     func(t *testing.T, a geo.Article)
	}{
		{"JSON article", request{body: `{"title":"Night attack","url":"https://news.example/a","published":"2024-04-05T06:00:00+03:00","text":"Vodiane was shelled."}`, headers: jsonCT},
			false, http.StatusCreated, func(t *testing.T, a geo.Article) {
				if a.Title != "Night attack" || a.URL != "https://news.example/a" || !a.Published.Equal(time.Date(2024, 4, 5, 3, 0, 0, 0, time.UTC)) {
					t.Fatalf("article %+v", a)
				}
			}},
		{"date-only published", request{body: `{"published":"2024-04-05","text":"Vodiane."}`, headers: jsonCT},
			false, http.StatusCreated, func(t *testing.T, a geo.Article) {
				if !a.Published.Equal(time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC)) || a.Title != "Vodiane." {
					t.Fatalf("article %+v", a)
				}
			}},
		{"plain text takes its first line as title and now as published", request{body: "\n  Drones over Donetsk  \nVodiane was shelled.",
			headers: map[string]string{"Content-Type": "text/plain; charset=utf-8"}},
			false, http.StatusCreated, func(t *testing.T, a geo.Article) {
				if a.Title != "Drones over Donetsk" || !a.Published.Equal(fixedNow) || !strings.HasPrefix(a.Text, "\n  Drones") {
					t.Fatalf("article %+v", a)
				}
			}},
		{"duplicate answers 200", request{body: `{"text":"Vodiane."}`, headers: jsonCT}, true, http.StatusOK, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got geo.Article
			deps := testDeps()
			deps.Ingester = recordingIngester(&got, tt.duplicate)
			s := mustServer(t, Config{}, deps)
			tt.req.method, tt.req.target = http.MethodPost, "/api/articles"
			rec := serve(s, tt.req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			var body struct {
				ArticleID int64             `json:"article_id"`
				Duplicate bool              `json:"duplicate"`
				Mentions  []geo.Mention     `json:"mentions"`
				Incidents featureCollection `json:"incidents"`
			}
			mustJSON(t, rec, &body)
			wantFeatures := 2
			if tt.duplicate {
				wantFeatures = 0
			}
			if body.ArticleID != 7 || body.Duplicate != tt.duplicate || body.Incidents.Type != "FeatureCollection" ||
				len(body.Incidents.Features) != wantFeatures || body.Mentions == nil {
				t.Fatalf("body %s", rec.Body)
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

func TestIngestInvalid(t *testing.T) {
	deps := testDeps()
	var got geo.Article
	deps.Ingester = recordingIngester(&got, false)
	s := mustServer(t, Config{}, deps)
	jsonCT := map[string]string{"Content-Type": "application/json"}
	tests := []struct {
		name   string
		req    request
		status int
		want   string
	}{
		{"empty text", request{body: `{"title":"x","text":"  "}`, headers: jsonCT}, 400, "text"},
		{"missing text", request{body: `{"title":"x"}`, headers: jsonCT}, 400, "text"},
		{"empty plain body", request{body: " ", headers: map[string]string{"Content-Type": "text/plain"}}, 400, "text"},
		{"bad published", request{body: `{"text":"a","published":"last week"}`, headers: jsonCT}, 400, "published"},
		{"published in year 0", request{body: `{"text":"a","published":"0000-01-01"}`, headers: jsonCT}, 400, "before 1900"},
		{"published in 1899", request{body: `{"text":"a","published":"1899-12-31T23:00:00Z"}`, headers: jsonCT}, 400, "before 1900"},
		{"published in 9999", request{body: `{"text":"a","published":"9999-12-31"}`, headers: jsonCT}, 400, "future"},
		{"published two days ahead", request{body: `{"text":"a","published":"2024-04-08T13:00:00Z"}`, headers: jsonCT}, 400, "future"},
		{"url that is not http", request{body: `{"text":"a","url":"javascript:alert(1)"}`, headers: jsonCT}, 400, "url"},
		{"url without host", request{body: `{"text":"a","url":"https://"}`, headers: jsonCT}, 400, "url"},
		{"unknown field", request{body: `{"text":"a","author":"me"}`, headers: jsonCT}, 400, "author"},
		{"wrong type", request{body: `{"text":5}`, headers: jsonCT}, 400, "text"},
		{"malformed JSON", request{body: `{"text":`, headers: jsonCT}, 400, "body"},
		{"trailing data", request{body: `{"text":"a"} {}`, headers: jsonCT}, 400, "body"},
		{"invalid UTF-8", request{body: "\xff\xfe", headers: map[string]string{"Content-Type": "text/plain"}}, 400, "UTF-8"},
		{"invalid UTF-8 inside JSON is not replaced", request{body: "{\"text\":\"Kherson \xff\xfe was shelled\"}", headers: jsonCT}, 400, "UTF-8"},
		{"invalid UTF-8 in a JSON title", request{body: "{\"title\":\"\xc3\",\"text\":\"Kherson\"}", headers: jsonCT}, 400, "UTF-8"},
		{"text of NULs", request{body: `{"text":"\u0000\u0000\u0000"}`, headers: jsonCT}, 400, "text"},
		{"plain text of NULs", request{body: "\x00\x00\x00", headers: map[string]string{"Content-Type": "text/plain"}}, 400, "control character"},
		{"control characters in text", request{body: `{"text":"Kherson\u001b[2J was shelled"}`, headers: jsonCT}, 400, "U+001B"},
		{"NUL in the title", request{body: `{"title":"a\u0000b","text":"Kherson"}`, headers: jsonCT}, 400, "title"},
		{"unsupported media type", request{body: `<a/>`, headers: map[string]string{"Content-Type": "application/xml"}}, 415, "application/json"},
		{"no media type", request{body: `{"text":"a"}`}, 415, "text/plain"},
		{"wrong method", request{method: http.MethodPatch, body: `{}`}, 405, "Method Not Allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.req.method == "" {
				tt.req.method = http.MethodPost
			}
			tt.req.target = "/api/articles"
			mustErrorBody(t, serve(s, tt.req), tt.status, tt.want)
		})
	}
}

func TestBodyLimit(t *testing.T) {
	deps := testDeps()
	var got geo.Article
	deps.Ingester = recordingIngester(&got, false)
	s := mustServer(t, Config{BodyLimit: 1000}, deps)
	big := strings.Repeat("Vodiane was shelled. ", 100)
	tests := []struct {
		name string
		req  request
	}{
		{"declared length over the limit", request{body: big, headers: map[string]string{"Content-Type": "text/plain"}}},
		{"JSON over the limit", request{body: `{"text":"` + big + `"}`, headers: map[string]string{"Content-Type": "application/json"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.method, tt.req.target = http.MethodPost, "/api/articles"
			e := mustErrorBody(t, serve(s, tt.req), http.StatusRequestEntityTooLarge, "1000 bytes")
			if e.Code != geo.ETooLarge {
				t.Fatalf("code %q", e.Code)
			}
		})
	}
	t.Run("undeclared length over the limit", func(t *testing.T) {
		req := newChunkedRequest(http.MethodPost, "/api/articles", big)
		req.Header.Set("Content-Type", "text/plain")
		rec := serveHTTP(s, req)
		mustErrorBody(t, rec, http.StatusRequestEntityTooLarge, "1000 bytes")
	})
	t.Run("small body passes", func(t *testing.T) {
		rec := serve(s, request{method: http.MethodPost, target: "/api/articles", body: "Vodiane.", headers: map[string]string{"Content-Type": "text/plain"}})
		if rec.Code != http.StatusCreated {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	})
}

func TestAuth(t *testing.T) {
	post := func(headers map[string]string) request {
		h := map[string]string{"Content-Type": "application/json"}
		for k, v := range headers {
			h[k] = v
		}
		return request{method: http.MethodPost, target: "/api/articles", body: `{"text":"Vodiane."}`, headers: h}
	}
	tests := []struct {
		name   string
		token  string
		req    request
		status int
	}{
		{"no token configured: writes open on loopback", "", post(nil), http.StatusCreated},
		{"token configured: write without it", "s3cret", post(nil), http.StatusUnauthorized},
		{"token configured: wrong token", "s3cret", post(map[string]string{"Authorization": "Bearer guess"}), http.StatusUnauthorized},
		{"token configured: basic scheme", "s3cret", post(map[string]string{"Authorization": "Basic s3cret"}), http.StatusUnauthorized},
		{"token configured: right token", "s3cret", post(map[string]string{"Authorization": "Bearer s3cret"}), http.StatusCreated},
		{"token configured: reads stay open", "s3cret", request{target: "/collections"}, http.StatusOK},
		{"token configured: delete without it", "s3cret", request{method: http.MethodDelete, target: "/api/gazetteer/1000000001"}, http.StatusUnauthorized},
		{"token configured: metrics without it", "s3cret", request{target: "/metrics"}, http.StatusUnauthorized},
		{"token configured: metrics HEAD without it", "s3cret", request{method: http.MethodHead, target: "/metrics"}, http.StatusUnauthorized},
		{"token configured: metrics with it", "s3cret", request{target: "/metrics", headers: map[string]string{"Authorization": "Bearer s3cret"}}, http.StatusOK},
		{"no token configured: metrics open on loopback", "", request{target: "/metrics"}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			deps := testDeps()
			var got geo.Article
			deps.Ingester = recordingIngester(&got, false)
			s := mustServer(t, Config{Token: tt.token}, deps)
			rec := serve(s, tt.req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			if tt.status == http.StatusUnauthorized {
				if tt.req.method != http.MethodHead {
					mustErrorBody(t, rec, http.StatusUnauthorized, "")
				}
				if rec.Header().Get("WWW-Authenticate") == "" {
					t.Fatal("401 without WWW-Authenticate")
				}
			}
		})
	}
}

func TestGetArticle(t *testing.T) {
	deps := testDeps()
	deps.Articles = &fakeArticles{ArticleFn: func(_ context.Context, id int64) (geo.Article, []geo.Mention, error) {
		if id != 3 {
			return geo.Article{}, nil, geo.Errorf(geo.ENotFound, "no article %d", id)
		}
		return geo.Article{ID: 3, Title: "T", Text: "Vodiane was hit."}, []geo.Mention{{Text: "Vodiane", Start: 0, End: 7}}, nil
	}}
	s := mustServer(t, Config{}, deps)
	rec := serve(s, request{target: "/api/articles/3"})
	var body struct {
		ID       int64         `json:"id"`
		Text     string        `json:"text"`
		Mentions []geo.Mention `json:"mentions"`
	}
	mustJSON(t, rec, &body)
	if rec.Code != 200 || body.ID != 3 || len(body.Mentions) != 1 || body.Text[body.Mentions[0].Start:body.Mentions[0].End] != "Vodiane" {
		t.Fatalf("article: %d %s", rec.Code, rec.Body)
	}
	mustErrorBody(t, serve(s, request{target: "/api/articles/4"}), 404, "4")
	mustErrorBody(t, serve(s, request{target: "/api/articles/x"}), 404, "x")
}
