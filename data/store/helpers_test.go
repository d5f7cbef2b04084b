package store

import (
	"context"
	"errors"
	"github.com/incidentmap/incidentmap/data/storetest"
	"path/filepath"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// MustOpen opens a store on a fresh file in tb's temp dir, closed at cleanup.
func MustOpen(tb testing.TB) *Store {
	tb.Helper()
	return MustOpenPath(tb, filepath.Join(tb.TempDir(), "incidentmap.db"))
}

// MustOpenPath opens a store on path, closed at cleanup.
func MustOpenPath(tb testing.TB, path string) *Store {
	tb.Helper()
	s, err := Open(path)
	if err != nil {
		tb.Fatalf("Open(%q): %v", path, err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

// MustIngest ingests and fails the test on error.
func MustIngest(tb testing.TB, s *Store, a geo.Article, incs []geo.Incident, opt IngestOptions) geo.IngestResult {
	tb.Helper()
	res, err := s.Ingest(context.Background(), a, nil, incs, opt)
	if err != nil {
		tb.Fatalf("Ingest(%q): %v", a.Title, err)
	}
	return res
}

// MustStats returns the article and incident counts.
func MustStats(tb testing.TB, s *Store) (int, int) {
	tb.Helper()
	a, n, err := s.Stats(context.Background())
	if err != nil {
		tb.Fatalf("Stats: %v", err)
	}
	return a, n
}

// MustIncidents runs a query and fails the test on error.
func MustIncidents(tb testing.TB, s *Store, f geo.IncidentFilter) ([]geo.Incident, int) {
	tb.Helper()
	incs, total, err := s.Incidents(context.Background(), f)
	if err != nil {
		tb.Fatalf("Incidents(%+v): %v", f, err)
	}
	return incs, total
}

// assertCode fails unless err carries the geo error code want.
func assertCode(tb testing.TB, err error, want string) {
	tb.Helper()
	if got := geo.ErrorCode(err); got != want {
		tb.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

// assertField fails unless err is a geo.Error naming field.
func assertField(tb testing.TB, err error, field string) {
	tb.Helper()
	var e *geo.Error
	if !errors.As(err, &e) || e.Field != field {
		tb.Fatalf("error = %v, want a geo.Error on field %q", err, field)
	}
}

// The fixtures the contract suite uses (data/storetest), under this
// package's test names.
type place = storetest.Place

var (
	intp       = storetest.IntP
	incidentAt = storetest.IncidentAt
	kharkiv    = storetest.Kharkiv
	odesa      = storetest.Odesa
	pokrovsk   = storetest.Pokrovsk
	aleppo     = storetest.Aleppo
	khartoum   = storetest.Khartoum
	east       = storetest.East
	west       = storetest.West
	kyiv       = place{Name: "Київ", Country: "UA", Admin1: "12", Admin1Name: "Kyiv City", GeonameID: 703448, Lat: 50.45466, Lon: 30.5238}
)

// names lists the locations of incidents, in order.
func names(incs []geo.Incident) []string {
	out := make([]string, len(incs))
	for i, inc := range incs {
		out[i] = inc.Location
	}
	return out
}
