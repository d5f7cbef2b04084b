package store

import (
	"context"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// The cache reads the store's articles as the store reads them, once a
// version.
func TestArticleCacheReadsTheStore(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	res := MustIngest(t, s, geo.Article{Title: "A & <b>", URL: "https://example.org/a", Text: "Drones struck Kharkiv."},
		[]geo.Incident{incidentAt(kharkiv, "2025-06-01", geo.SubAirDroneStrike, "Drones struck Kharkiv.", "Drones struck Kharkiv.")},
		IngestOptions{})
	id := res.ArticleID
	want, err := articleSources(ctx, s.read, map[int64]bool{id: true})
	if err != nil {
		t.Fatal(err)
	}
	c := newArticleCache()
	for range 2 {
		got, err := c.reader(5)(ctx, s.read, map[int64]bool{id: true})
		if err != nil || got[id] != want[id] {
			t.Fatalf("read %+v (%v), want %+v", got[id], err, want[id])
		}
	}
}
