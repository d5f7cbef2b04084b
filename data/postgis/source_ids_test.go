package postgis

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/data/storetest"
	"github.com/incidentmap/incidentmap/geo"
)

// assertSourceIDs checks every incident's source_ids (migration 0009)
// against incident_sources: the same articles, sorted, each once.
func assertSourceIDs(t *testing.T, s *Store) {
	t.Helper()
	rows, err := s.pool.Query(context.Background(), `SELECT i.id, i.source_ids,
		ARRAY(SELECT DISTINCT s.article_id FROM incident_sources s WHERE s.incident_id = i.id ORDER BY 1)
		FROM incidents i`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		var got, want []int64
		if err := rows.Scan(&id, &got, &want); err != nil {
			t.Fatal(err)
		}
		n++
		if !slices.Equal(got, want) {
			t.Errorf("incident %d: source_ids %v, want %v", id, got, want)
		}
	}
	if n == 0 {
		t.Fatal("no incidents to check")
	}
}

// shelled is an article reporting shelling in Kharkiv on one day.
func shelled(url string, day int) contract.IngestItem {
	text := "Shelling hit Kharkiv overnight, officials said."
	inc := storetest.IncidentAt(storetest.Kharkiv, "2025-06-01", geo.SubShelling, "Shelling hit Kharkiv", text)
	return contract.IngestItem{Article: geo.Article{Title: url, URL: url, Text: text + " " + url,
		Published: time.Date(2025, 6, day, 8, 0, 0, 0, time.UTC)}, Incidents: []geo.Incident{inc}}
}

func TestSourceIDsFollowIngestMergeAndReresolve(t *testing.T) {
	s, _ := mustOpen(t)
	ctx := context.Background()
	a, b, c := shelled("https://example.org/a", 1), shelled("https://example.org/b", 2), shelled("https://example.org/c", 3)
	// A second quote of the same incident in one article.
	a.Incidents = append(a.Incidents, a.Incidents[0])
	q := "officials said"
	start := strings.Index(a.Article.Text, q)
	a.Incidents[1].Quote, a.Incidents[1].QuoteStart, a.Incidents[1].QuoteEnd = q, start, start+len(q)
	ra, err := s.IngestOne(ctx, a, contract.IngestOptions{Merge: true})
	if err != nil {
		t.Fatal(err)
	}
	// b and c in one batch: one statement's trigger run adds both.
	if _, errs, err := s.IngestBatch(ctx, []contract.IngestItem{b, c}, contract.IngestOptions{Merge: true}); err != nil || errs[0] != nil || errs[1] != nil {
		t.Fatalf("batch: %v %v", err, errs)
	}
	assertSourceIDs(t, s)
	incs, _, err := s.Incidents(ctx, geo.IncidentFilter{Limit: 10})
	if err != nil || len(incs) != 1 || len(incs[0].Sources) != 3 {
		t.Fatalf("incidents = %+v, %v; want one reported by three articles", incs, err)
	}
	// a now reports nothing: it leaves the incident's list.
	a.Article.ID, a.Incidents = ra.ArticleID, nil
	if _, err := s.ReplaceFindings(ctx, a, contract.IngestOptions{Merge: true}); err != nil {
		t.Fatal(err)
	}
	assertSourceIDs(t, s)
	if incs, _, err = s.Incidents(ctx, geo.IncidentFilter{Limit: 10}); err != nil || len(incs) != 1 || len(incs[0].Sources) != 2 {
		t.Fatalf("after re-resolving a: %+v, %v; want one incident reported by b and c", incs, err)
	}
}

// A database made before migration 0009 gets every incident's list filled
// in the background once a server opens it; until then a row reads its
// articles from incident_sources, and a source added to it lists it whole.
func TestSourceIDsMigrationFillsExistingDatabases(t *testing.T) {
	s, url := mustOpen(t)
	ctx := context.Background()
	for i, u := range []string{"https://example.org/a", "https://example.org/b"} {
		if _, err := s.IngestOne(ctx, shelled(u, i+1), contract.IngestOptions{Merge: true}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.pool.Exec(ctx, `DROP TRIGGER incident_sources_ids_insert ON incident_sources;
		DROP TRIGGER incident_sources_ids_delete ON incident_sources;
		DROP TRIGGER incident_sources_ids_update ON incident_sources;
		DROP FUNCTION incident_sources_ids_added(), incident_sources_ids_removed(), incident_sources_ids_changed();
		ALTER TABLE incidents DROP COLUMN source_ids;
		DELETE FROM schema_migrations WHERE name LIKE '%0009_source_ids.sql'`); err != nil {
		t.Fatal(err)
	}
	again := mustOpenURL(t, url)
	again.background.Wait()
	assertSourceIDs(t, again)

	// Not listed yet: read from incident_sources.
	if _, err := again.pool.Exec(ctx, `UPDATE incidents SET source_ids = NULL`); err != nil {
		t.Fatal(err)
	}
	incs, _, err := again.Incidents(ctx, geo.IncidentFilter{Limit: 10})
	if err != nil || len(incs) != 1 || len(incs[0].Sources) != 2 {
		t.Fatalf("incidents = %+v, %v; want one reported by both articles", incs, err)
	}
	if _, err := again.IngestOne(ctx, shelled("https://example.org/c", 3), contract.IngestOptions{Merge: true}); err != nil {
		t.Fatal(err)
	}
	assertSourceIDs(t, again)
}
