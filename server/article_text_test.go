package server

import (
	"net/http"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// A text file posted as text/plain keeps the header that `incidentmap
// ingest` honours, so the same file is the same article either way.
func TestPlainTextHeaderIsHonoured(t *testing.T) {
	var got geo.Article
	deps := testDeps()
	deps.Ingester = recordingIngester(&got, false)
	s := mustServer(t, Config{}, deps)
	body := "Title: Shelling in Nikopol\nURL: https://wire.example.net/nikopol\nPublished: 2024-03-12\nSource: Wire\n\nArtillery shelling hit the town of Nikopol on Monday."
	rec := serve(s, request{method: http.MethodPost, target: "/api/articles", body: body, headers: map[string]string{"Content-Type": "text/plain"}})
	if rec.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got.Title != "Shelling in Nikopol" || got.URL != "https://wire.example.net/nikopol" ||
		!got.Published.Equal(time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)) ||
		got.Text != "Artillery shelling hit the town of Nikopol on Monday." {
		t.Fatalf("article = %+v", got)
	}

	bad := "Title: x\nPublished: yesterday\n\nShelling hit Nikopol."
	rec = serve(s, request{method: http.MethodPost, target: "/api/articles", body: bad, headers: map[string]string{"Content-Type": "text/plain"}})
	if rec.Code != http.StatusBadRequest || !contains(rec.Body.String(), "published") {
		t.Fatalf("bad header date: status %d %s", rec.Code, rec.Body)
	}
}
