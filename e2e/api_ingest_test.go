package e2e

import (
	"net/http"
	"strings"
	"testing"
)

// TestAPIIngestWithToken runs a server that requires a token and checks
// POST /api/articles: 401 without the token, 201 with the incidents as a
// FeatureCollection, 200 for the duplicate, 400/415 for bad bodies.
func TestAPIIngestWithToken(t *testing.T) {
	t.Parallel()
	const token = "e2e-s3cret"
	s := startServer(t, serverOptions{noDemo: true, token: token})
	rep := ukraineReport()
	jsonHeader := map[string]string{"Content-Type": "application/json"}

	t.Run("writes without the token are refused", func(t *testing.T) {
		for _, c := range []struct {
			name   string
			header map[string]string
		}{
			{"no Authorization", jsonHeader},
			{"wrong token", map[string]string{"Content-Type": "application/json", "Authorization": "Bearer wrong"}},
			{"not a bearer token", map[string]string{"Content-Type": "application/json", "Authorization": "Basic " + token}},
		} {
			res := s.request(t, http.MethodPost, "/api/articles", articleJSON(t, rep), c.header)
			if res.status != http.StatusUnauthorized {
				t.Errorf("%s: status %d, want 401: %s", c.name, res.status, res.body)
				continue
			}
			decodeError(t, c.name, res)
		}
		var fc featureCollection
		s.getJSON(t, "/collections/incidents/items", &fc)
		if n := fc.matched(t); n != 0 {
			t.Errorf("refused writes stored %d incidents", n)
		}
	})

	t.Run("reads need no token", func(t *testing.T) {
		if res := s.request(t, http.MethodGet, "/collections/incidents/items", nil, nil); res.status != http.StatusOK {
			t.Errorf("GET items without token: %d", res.status)
		}
	})

	var first ingestResponse
	t.Run("new article is 201 with its incidents", func(t *testing.T) {
		first = s.postArticle(t, rep, token, http.StatusCreated)
		if first.ArticleID <= 0 || first.Duplicate {
			t.Errorf("article_id %d duplicate %v", first.ArticleID, first.Duplicate)
		}
		fc := first.Incidents
		if fc.Type != "FeatureCollection" || len(fc.Features) != len(rep.want) {
			t.Fatalf("incidents: type %q with %d features, want FeatureCollection of %d:%s", fc.Type, len(fc.Features), len(rep.want), describe(fc.Features))
		}
		for _, w := range rep.want {
			if f := findFeature(fc.Features, w); f == nil {
				t.Errorf("no incident %+v in%s", w, describe(fc.Features))
			} else {
				checkPointFeature(t, *f)
			}
		}
	})

	t.Run("same article again is 200 duplicate", func(t *testing.T) {
		again := s.postArticle(t, rep, token, http.StatusOK)
		if !again.Duplicate || again.ArticleID != first.ArticleID {
			t.Errorf("second post: duplicate %v article_id %d, want true and %d", again.Duplicate, again.ArticleID, first.ArticleID)
		}
		var fc featureCollection
		s.getJSON(t, "/collections/incidents/items", &fc)
		if n := fc.matched(t); n != len(rep.want) {
			t.Errorf("store has %d incidents after the duplicate, want %d", n, len(rep.want))
		}
	})

	t.Run("plain text article", func(t *testing.T) {
		sd := sudanReport()
		res := s.request(t, http.MethodPost, "/api/articles", []byte(sd.text),
			map[string]string{"Content-Type": "text/plain; charset=utf-8", "Authorization": "Bearer " + token})
		if res.status != http.StatusCreated || !strings.Contains(string(res.body), "El Fasher") {
			t.Errorf("text/plain post: status %d: %.300s", res.status, res.body)
		}
	})

	t.Run("bad bodies are client errors", func(t *testing.T) {
		auth := "Bearer " + token
		cases := []struct {
			name, contentType, body string
			status                  int
		}{
			{"truncated JSON", "application/json", `{"title": "x", "text": `, http.StatusBadRequest},
			{"not an object", "application/json", `["text"]`, http.StatusBadRequest},
			{"unknown field", "application/json", `{"text": "Shelling hit Kherson.", "author": "me"}`, http.StatusBadRequest},
			{"empty text", "application/json", `{"title": "x", "text": "  "}`, http.StatusBadRequest},
			{"bad date", "application/json", `{"text": "Shelling hit Kherson.", "published": "last week"}`, http.StatusBadRequest},
			{"bad url", "application/json", `{"text": "Shelling hit Kherson.", "url": "javascript:alert(1)"}`, http.StatusBadRequest},
			{"unsupported media type", "application/xml", `<article/>`, http.StatusUnsupportedMediaType},
		}
		for _, c := range cases {
			res := s.request(t, http.MethodPost, "/api/articles", []byte(c.body), map[string]string{"Content-Type": c.contentType, "Authorization": auth})
			if res.status != c.status {
				t.Errorf("%s: status %d, want %d: %s", c.name, res.status, c.status, res.body)
				continue
			}
			decodeError(t, c.name, res)
		}
	})
}

// findFeature returns the feature matching an expected incident, or nil.
func findFeature(fs []feature, w wantIncident) *feature {
	for i, f := range fs {
		if strings.Contains(f.str("location"), w.location) && f.str("event_date") == w.eventDate &&
			f.str("event_type") == w.eventType && f.str("sub_event_type") == w.subEventType && f.str("country") == w.country {
			return &fs[i]
		}
	}
	return nil
}

// checkPointFeature checks the RFC 7946 basics of an incident feature.
func checkPointFeature(t *testing.T, f feature) {
	t.Helper()
	lon, lat := f.lonLat()
	if f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 ||
		lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		t.Errorf("feature %d is not a GeoJSON point feature: %+v", f.id(), f)
	}
	if f.id() <= 0 || len(f.ID) == 0 {
		t.Errorf("feature without id: %+v", f)
	}
}
