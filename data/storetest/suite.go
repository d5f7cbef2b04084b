// Package storetest is the contract both stores are held to: one suite of
// tests, run by data/store against SQLite and by data/postgis against
// PostgreSQL, so a behaviour one store has and the other lacks fails here.
package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// Opener opens an empty store for one test, closed at the test's cleanup,
// and again, which opens another handle on the same database, as a second
// server or process would.
type Opener func(t *testing.T) (s contract.Store, again func() contract.Store)

// Run runs every contract test, each on a fresh store from open.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		run  func(t *testing.T, open Opener)
	}{
		{"IngestStoresArticleMentionsAndIncidents", testIngestStores},
		{"IngestDuplicates", testIngestDuplicates},
		{"IngestDistinctPastedTexts", testIngestDistinctPastedTexts},
		{"IngestRollsBackOnInvalidIncident", testIngestRollsBack},
		{"IngestValidation", testIngestValidation},
		{"IngestCounts", testIngestCounts},
		{"IngestBatchIsolatesAFailingArticle", testIngestBatch},
		{"ConcurrentIngestOfOneArticleStoresItOnce", testConcurrentSameArticle},
		{"ConcurrentMergesMakeOneIncident", testConcurrentMerge},
		{"MergeFoldsReports", testMerge},
		{"MergeWithinArticle", testMergeWithinArticle},
		{"NoMergeKeepsReportsApart", testNoMerge},
		{"PagesFollowTheCursor", testPages},
		{"PageErrors", testPageErrors},
		{"Filters", testFilters},
		{"BBoxEdgesAndAntimeridian", testBBox},
		{"IncidentNotFound", testIncidentNotFound},
		{"Aggregates", testAggregates},
		{"GridCounts", testGridCounts},
		{"ArticlesAndStats", testArticles},
		{"UserPlaces", testUserPlaces},
		{"ImportedPlaces", testImportedPlaces},
		{"ImportedPlacesSince", testImportedPlacesSince},
		{"UnresolvedNames", testUnresolved},
		{"ReplaceFindings", testReplaceFindings},
		{"VersionSeenByOtherHandles", testVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, open) })
	}
}

// mustIngest ingests and fails the test on error.
func mustIngest(t *testing.T, s contract.Store, a geo.Article, incs []geo.Incident, opt contract.IngestOptions) geo.IngestResult {
	t.Helper()
	res, err := s.IngestOne(context.Background(), contract.IngestItem{Article: a, Incidents: incs}, opt)
	if err != nil {
		t.Fatalf("ingest %q: %v", a.Title, err)
	}
	return res
}

// mustStats returns the article and incident counts.
func mustStats(t *testing.T, s contract.Store) (int, int) {
	t.Helper()
	a, n, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return a, n
}

// mustIncidents runs a query and fails the test on error.
func mustIncidents(t *testing.T, s contract.Store, f geo.IncidentFilter) ([]geo.Incident, int) {
	t.Helper()
	incs, total, err := s.Incidents(context.Background(), f)
	if err != nil {
		t.Fatalf("Incidents(%+v): %v", f, err)
	}
	return incs, total
}

// assertCode fails unless err carries the geo error code want.
func assertCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := geo.ErrorCode(err); got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

// assertField fails unless err is a geo.Error naming field.
func assertField(t *testing.T, err error, field string) {
	t.Helper()
	var e *geo.Error
	if !errors.As(err, &e) || e.Field != field {
		t.Fatalf("error = %v, want a geo.Error on field %q", err, field)
	}
}
