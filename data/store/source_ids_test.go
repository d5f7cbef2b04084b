package store

import (
	"context"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// assertSourceIDs checks every incident's source_ids (migration 0009)
// against incident_sources: the same articles, each once.
func assertSourceIDs(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.read.QueryContext(ctx, `SELECT id, source_ids FROM incidents`)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[int64]string{}
	for rows.Next() {
		var id int64
		var ids string
		if err := rows.Scan(&id, &ids); err != nil {
			t.Fatal(err)
		}
		stored[id] = ids
	}
	rows.Close()
	if len(stored) == 0 {
		t.Fatal("no incidents to check")
	}
	for id, list := range stored {
		var got []int64
		for f := range strings.SplitSeq(list, ",") {
			if f == "" {
				continue
			}
			n, err := strconv.ParseInt(f, 10, 64)
			if err != nil {
				t.Fatalf("incident %d: source_ids %q: %v", id, list, err)
			}
			got = append(got, n)
		}
		slices.Sort(got)
		if len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("incident %d: source_ids %q repeats an article", id, list)
		}
		var want []int64
		rs, err := s.read.QueryContext(ctx, `SELECT DISTINCT article_id FROM incident_sources WHERE incident_id = ? ORDER BY 1`, id)
		if err != nil {
			t.Fatal(err)
		}
		for rs.Next() {
			var a int64
			if err := rs.Scan(&a); err != nil {
				t.Fatal(err)
			}
			want = append(want, a)
		}
		rs.Close()
		if !slices.Equal(got, want) {
			t.Errorf("incident %d: source_ids %q, want the articles %v", id, list, want)
		}
	}
}

func TestSourceIDsFollowIngestMergeAndReresolve(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	a, text := villageArticle("https://example.org/1", 1)
	b, _ := villageArticle("https://example.org/2", 2)
	// Two quotes of one incident in one article: two incident_sources rows,
	// one article in the list.
	twice := a.Incidents[0]
	twice.Quote, twice.QuoteStart, twice.QuoteEnd = "Report 1", strings.Index(text, "Report 1"), len(text)-1
	a.Incidents = append(a.Incidents, twice)
	ra := MustIngestItem(t, s, a, IngestOptions{Merge: true})
	MustIngestItem(t, s, b, IngestOptions{Merge: true})
	assertSourceIDs(t, s)
	incs, _ := MustIncidents(t, s, geo.IncidentFilter{Limit: 10})
	if len(incs) != 1 || len(incs[0].Sources) != 2 {
		t.Fatalf("incidents = %+v, want one reported by both articles", incs)
	}

	// a moves to the village: the region incident keeps b alone.
	moved := incidentAt(kalynove, "2025-06-01", geo.SubShelling, "Shelling hit the village of Kalynove", text)
	a.Article.ID = ra.ArticleID
	a.Incidents, a.Unresolved = []geo.Incident{moved}, nil
	if _, err := s.ReplaceFindings(ctx, a, IngestOptions{Merge: true}); err != nil {
		t.Fatal(err)
	}
	assertSourceIDs(t, s)
	incs, _ = MustIncidents(t, s, geo.IncidentFilter{Limit: 10})
	for _, inc := range incs {
		if len(inc.Sources) != 1 {
			t.Errorf("incident at %s has %d sources after re-resolving, want 1", inc.Location, len(inc.Sources))
		}
	}
}

// A store made before migration 0009 gets every incident's list filled
// when it is opened.
func TestSourceIDsMigrationFillsExistingStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, _ := villageArticle("https://example.org/1", 1)
	b, _ := villageArticle("https://example.org/2", 2)
	if _, err := s.IngestOne(ctx, a, IngestOptions{Merge: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestOne(ctx, b, IngestOptions{Merge: false}); err != nil {
		t.Fatal(err)
	}
	// Undo 0009 as if the file came from an older build.
	for _, q := range []string{
		`DROP TRIGGER incident_sources_ids_insert`,
		`DROP TRIGGER incident_sources_ids_delete`,
		`DROP TRIGGER incident_sources_ids_update`,
		`ALTER TABLE incidents DROP COLUMN source_ids`,
		`DELETE FROM schema_migrations WHERE name LIKE '%0009_source_ids.sql'`,
	} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = MustOpenPath(t, path)
	assertSourceIDs(t, s)
	incs, total := MustIncidents(t, s, geo.IncidentFilter{Limit: 10})
	if total != 2 {
		t.Fatalf("%d incidents, want 2 (the second ingested without merging)", total)
	}
	for _, inc := range incs {
		if len(inc.Sources) != 1 {
			t.Errorf("incident %d has %d sources, want 1", inc.ID, len(inc.Sources))
		}
	}
}
