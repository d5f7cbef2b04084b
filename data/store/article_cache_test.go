package store

import (
	"context"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// The cache answers what it read at the same version, and reads again at a
// newer one instead of answering from an older version.
func TestArticleCacheKeepsOneVersion(t *testing.T) {
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
	got, err := c.reader(5)(ctx, s.read, map[int64]bool{id: true})
	if err != nil || got[id] != want[id] {
		t.Fatalf("first read %+v (%v), want %+v", got[id], err, want[id])
	}
	// What the cache answers at version 5 is what it keeps, not the store.
	c.byID[id] = geo.Source{ArticleID: id, Title: "kept"}
	if got, _ := c.reader(5)(ctx, s.read, map[int64]bool{id: true}); got[id].Title != "kept" {
		t.Errorf("at the same version got %+v, want the kept source", got[id])
	}
	if got, _ := c.reader(6)(ctx, s.read, map[int64]bool{id: true}); got[id] != want[id] {
		t.Errorf("at a newer version got %+v, want %+v from the store", got[id], want[id])
	}
	if got, _ := c.reader(5)(ctx, s.read, map[int64]bool{id: true}); got[id] != want[id] {
		t.Errorf("at an older version got %+v, want %+v from the store", got[id], want[id])
	}
}
