package e2e

import (
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/data/postgis/pgtest"
)

// onPostGIS is the test that runs end-to-end tests again with their
// servers on PostgreSQL; startServer gives its subtests a fresh schema
// of the database in INCIDENTMAP_TEST_POSTGRES instead of a file.
const onPostGIS = "TestOnPostGIS"

// TestOnPostGIS runs the server's end-to-end tests against a PostGIS
// store: the demo load, the OGC API reads with bbox, datetime and paging,
// GDAL's reading of every feature, token-guarded ingest, an empty store
// and the README's queries.
func TestOnPostGIS(t *testing.T) {
	pgtest.Check(t) // skips, with its reason, when no server is reachable
	for _, tt := range []struct {
		name string
		run  func(*testing.T)
	}{
		{"DemoServer", TestDemoServer},
		{"APIIngestWithToken", TestAPIIngestWithToken},
		{"ServeWithoutDemoStartsEmpty", TestServeWithoutDemoStartsEmpty},
		{"READMEQueriesFindDemoData", TestREADMEQueriesFindDemoData},
		{"IngestListsNamesThatCouldNotBePlaced", TestIngestListsNamesThatCouldNotBePlaced},
	} {
		t.Run(tt.name, tt.run)
	}
}

// storeFor is the --db of a test's server: a fresh PostGIS schema under
// TestOnPostGIS, else a SQLite file in the test's temporary folder.
func storeFor(t *testing.T) string {
	if strings.HasPrefix(t.Name(), onPostGIS+"/") {
		return pgtest.URL(t)
	}
	return t.TempDir() + "/store.db"
}
