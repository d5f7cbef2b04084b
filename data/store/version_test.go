package store

import (
	"context"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// MustVersion returns the store's version or fails the test.
func MustVersion(tb testing.TB, s *Store) int64 {
	tb.Helper()
	v, err := s.Version(context.Background())
	if err != nil {
		tb.Fatalf("Version: %v", err)
	}
	return v
}

func TestVersionMovesOnEveryWrite(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	text := "Drones struck Kharkiv overnight."
	var userPlace geo.Place
	steps := []struct {
		name  string
		write func(t *testing.T)
	}{
		{"ingest", func(t *testing.T) {
			MustIngest(t, s, geo.Article{Title: "one", Text: text},
				[]geo.Incident{incidentAt(kharkiv, "2025-06-01", geo.SubAirDroneStrike, text, text)}, IngestOptions{})
		}},
		{"add user place", func(t *testing.T) {
			p, err := s.AddUserPlace(ctx, geo.Place{Name: "Hill 203", Lat: 48.1, Lon: 37.6})
			if err != nil {
				t.Fatal(err)
			}
			userPlace = p
		}},
		{"update user place", func(t *testing.T) {
			userPlace.Name = "Hill 204"
			if _, err := s.UpdateUserPlace(ctx, userPlace); err != nil {
				t.Fatal(err)
			}
		}},
		{"delete user place", func(t *testing.T) {
			if err := s.DeleteUserPlace(ctx, userPlace.ID); err != nil {
				t.Fatal(err)
			}
		}},
		{"synthetic load", func(t *testing.T) {
			if err := s.LoadSynthetic(ctx, 10, 1); err != nil {
				t.Fatal(err)
			}
		}},
		{"import", func(t *testing.T) {
			im, err := s.BeginImport(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if err := im.Add(geonamesRow(1, "Somewhere")); err != nil {
				t.Fatal(err)
			}
			if _, err := im.Close(); err != nil {
				t.Fatal(err)
			}
		}},
	}
	before := MustVersion(t, s)
	if again := MustVersion(t, s); again != before {
		t.Fatalf("version moved from %d to %d without a write", before, again)
	}
	for _, step := range steps {
		step.write(t)
		after := MustVersion(t, s)
		if after <= before {
			t.Fatalf("after %s: version %d, want more than %d", step.name, after, before)
		}
		before = after
	}
	// A duplicate article writes nothing, so cached reads stay valid.
	MustIngest(t, s, geo.Article{Title: "one again", Text: text}, nil, IngestOptions{})
	if after := MustVersion(t, s); after != before {
		t.Fatalf("duplicate ingest moved the version from %d to %d", before, after)
	}
}

// Another Store on the same file stands for another process writing.
func TestVersionSeesOtherWriters(t *testing.T) {
	s := MustOpen(t)
	other := MustOpenPath(t, s.Path())
	ukraine := &geo.BBox{West: 22, South: 44, East: 41, North: 53}
	if _, total := MustIncidents(t, s, geo.IncidentFilter{BBox: ukraine}); total != 0 {
		t.Fatalf("total %d in an empty store", total)
	}
	before := MustVersion(t, s)
	text := "Missiles hit the port of Odesa."
	MustIngest(t, other, geo.Article{Title: "elsewhere", Text: text},
		[]geo.Incident{incidentAt(odesa, "2025-06-02", geo.SubShelling, text, text)}, IngestOptions{})
	if after := MustVersion(t, s); after <= before {
		t.Fatalf("version %d after another writer's commit, want more than %d", after, before)
	}
	// The count cache must not answer from before the other writer's commit.
	_, total := MustIncidents(t, s, geo.IncidentFilter{BBox: ukraine})
	if total != 1 {
		t.Fatalf("total %d after the other writer's ingest, want 1", total)
	}
}
