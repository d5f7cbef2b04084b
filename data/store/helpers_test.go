package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
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

func intp(n int) *int { return &n }

// place is a resolved place used to build incidents in tests.
type place struct {
	name, country, admin1, admin1Name string
	geonameid                         int64
	lat, lon                          float64
}

var (
	kharkiv  = place{"Kharkiv", "UA", "07", "Kharkiv", 706483, 49.98081, 36.25272}
	odesa    = place{"Odesa", "UA", "17", "Odessa", 698740, 46.47747, 30.73262}
	pokrovsk = place{"Pokrovsk", "UA", "05", "Donetsk", 708546, 48.28198, 37.17585}
	aleppo   = place{"Aleppo", "SY", "09", "Aleppo", 170063, 36.20124, 37.16117}
	khartoum = place{"Khartoum", "SD", "29", "Khartoum", 379252, 15.55177, 32.53241}
	kyiv     = place{"Київ", "UA", "12", "Kyiv City", 703448, 50.45466, 30.5238}
	east     = place{"Eastpoint", "FJ", "03", "Northern", 0, -16.5, 179.5}
	west     = place{"Westpoint", "FJ", "03", "Northern", 0, -16.6, -179.5}
)

// incidentAt builds a valid incident at p whose quote is found in text.
func incidentAt(p place, date, sub, quote, text string) geo.Incident {
	start := strings.Index(text, quote)
	if start < 0 {
		start, quote = 0, ""
	}
	return geo.Incident{
		EventType: geo.EventTypeOf(sub), SubEventType: sub, EventDate: date, TimePrecision: geo.TimeDay,
		Location: p.name, GeonameID: p.geonameid, FeatureCode: "PPL", Country: p.country,
		Admin1: p.admin1, Admin1Name: p.admin1Name, Lat: p.lat, Lon: p.lon, GeoPrecision: geo.PrecisionExact,
		Quote: quote, QuoteStart: start, QuoteEnd: start + len(quote),
	}
}

// names lists the locations of incidents, in order.
func names(incs []geo.Incident) []string {
	out := make([]string, len(incs))
	for i, inc := range incs {
		out[i] = inc.Location
	}
	return out
}
