package postgis

import (
	"testing"

	"github.com/incidentmap/incidentmap/data/postgis/pgtest"
)

// mustOpen opens a store on a fresh schema, closed at cleanup.
func mustOpen(tb testing.TB) (*Store, string) {
	tb.Helper()
	url := pgtest.URL(tb)
	return mustOpenURL(tb, url), url
}

// mustOpenURL opens another store on url, closed at cleanup.
func mustOpenURL(tb testing.TB, url string) *Store {
	tb.Helper()
	s, err := Open(url)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
