package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// fillLimit caps the database at its current size plus a few pages on the
// single writer connection, so the next large writes fail the way a full
// disk does (SQLITE_FULL).
func fillLimit(tb testing.TB, s *Store, extraPages int) {
	tb.Helper()
	var pages int
	if err := s.write.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.write.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+extraPages)); err != nil {
		tb.Fatal(err)
	}
}

// bulkyArticle is an article large enough to need many pages.
func bulkyArticle(i int) geo.Article {
	return geo.Article{Title: fmt.Sprintf("a%d", i), URL: fmt.Sprintf("https://example.org/%d", i),
		Published: time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC),
		Text:      strings.Repeat(fmt.Sprintf("Report %d of shelling. ", i), 2000)}
}

// TestFullDiskIsStorageFull checks that SQLite's full-disk error reaches
// callers as geo.EStorageFull, from single and batch ingest and from user
// entries, and that the store is intact and readable afterwards.
func TestFullDiskIsStorageFull(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	MustIngest(t, s, bulkyArticle(0), nil, IngestOptions{})
	fillLimit(t, s, 4)

	_, err := s.Ingest(ctx, bulkyArticle(1), nil, nil, IngestOptions{})
	assertCode(t, err, geo.EStorageFull)

	items := []IngestItem{{Article: bulkyArticle(2)}, {Article: bulkyArticle(3)}}
	_, errs, err := s.IngestBatch(ctx, items, IngestOptions{})
	if err == nil {
		for _, e := range errs {
			if e != nil {
				err = e
				break
			}
		}
	}
	assertCode(t, err, geo.EStorageFull)

	_, err = s.AddUserPlace(ctx, geo.Place{Name: strings.Repeat("Kalynove ", 20000), Lat: 48, Lon: 37, Country: "UA"})
	assertCode(t, err, geo.EStorageFull)

	if articles, _ := MustStats(t, s); articles != 1 {
		t.Fatalf("%d articles after the failed writes, want 1", articles)
	}
	var check string
	if err := s.read.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
}

// TestIngestRefusesImplausiblePublishedDates covers every ingest path
// (HTTP, CLI, demo): dates before 1900 or far in the future would put
// incidents on those days.
func TestIngestRefusesImplausiblePublishedDates(t *testing.T) {
	s := MustOpen(t)
	for _, pub := range []time.Time{time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)} {
		a := geo.Article{Title: "t", Text: "Shelling in Kherson " + pub.String(), Published: pub}
		_, err := s.Ingest(context.Background(), a, nil, nil, IngestOptions{})
		assertField(t, err, "published")
		_, errs, err := s.IngestBatch(context.Background(), []IngestItem{{Article: a}}, IngestOptions{})
		if err != nil {
			t.Fatal(err)
		}
		assertField(t, errs[0], "published")
	}
	if articles, _ := MustStats(t, s); articles != 0 {
		t.Fatalf("%d articles stored", articles)
	}
}
