package store

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestMigrationsIdempotentOnReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "im.db")
	ctx := context.Background()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	MustIngest(t, s, droneArticle("https://example.org/a"), droneIncidents(), IngestOptions{})
	p, err := s.AddUserPlace(ctx, vodiane())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	for range 2 {
		s = MustOpenPath(t, path)
		if a, n := MustStats(t, s); a != 1 || n != 2 {
			t.Fatalf("after reopen: %d articles, %d incidents; want 1, 2", a, n)
		}
	}
	files, _ := fs.Glob(migrationFiles, "migrations/*.sql")
	var recorded int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&recorded); err != nil {
		t.Fatal(err)
	}
	if recorded != len(files) || len(files) == 0 {
		t.Errorf("%d migrations recorded, %d embedded", recorded, len(files))
	}
	next, err := s.AddUserPlace(ctx, vodiane())
	if err != nil || next.ID != p.ID+1 {
		t.Errorf("user place id after reopen = %d (%v), want %d", next.ID, err, p.ID+1)
	}
}

func TestOpenPragmas(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	for _, db := range []struct {
		name string
		q    queryer
	}{{"writer", s.write}, {"reader", s.read}} {
		var journal string
		var fk, busy, sync int
		err := db.q.QueryRowContext(ctx, `SELECT * FROM pragma_journal_mode, pragma_foreign_keys,
			pragma_busy_timeout, pragma_synchronous`).Scan(&journal, &fk, &busy, &sync)
		if err != nil {
			t.Fatal(err)
		}
		if journal != "wal" || fk != 1 || busy != 5000 || sync != 1 {
			t.Errorf("%s: journal %s, foreign_keys %d, busy_timeout %d, synchronous %d", db.name, journal, fk, busy, sync)
		}
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd?name#100%.db")
	s := MustOpenPath(t, path)
	MustIngest(t, s, geo.Article{Text: "x"}, nil, IngestOptions{})
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created at %q: %v", path, err)
	}
}

func TestOpenRejectsMemoryAndURIs(t *testing.T) {
	for _, p := range []string{"", ":memory:", "file:x.db?mode=memory"} {
		if s, err := Open(p); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded, want an error", p)
		} else if !strings.HasPrefix(err.Error(), "store: ") {
			t.Errorf("Open(%q) error %q lacks the package prefix", p, err)
		}
	}
}
