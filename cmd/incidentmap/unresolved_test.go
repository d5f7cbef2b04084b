package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	httpserver "github.com/incidentmap/incidentmap/server"
)

// realApp is an app over the real components (store, gazetteer, pipeline)
// with captured output.
func realApp(t *testing.T) (*app, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return &app{ctx: ctx, getenv: func(string) string { return "" }, stdin: strings.NewReader(""),
		stdout: &stdout, stderr: &stderr, version: "test", deps: realDeps()}, &stdout, &stderr
}

// zorianivkaReport names a village the bundled gazetteer lacks, in a
// region it has: the incident falls back to the region.
const zorianivkaReport = `Title: Shelling in Donetsk region
Published: 2024-04-05T08:00:00Z

Russian forces shelled the village of Zorianivka in the Donetsk region on Thursday, killing two civilians.
`

// TestGazetteerUnresolvedAndAddReresolve is the loop on the command line:
// ingest a report naming an unknown village, list it as unresolved, add
// it, and see the stored incident move to the new point at precision 1.
func TestGazetteerUnresolvedAndAddReresolve(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "im.db")
	report := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(report, []byte(zorianivkaReport), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		a, stdout, stderr := realApp(t)
		if code := a.run(append([]string{"--db", db}, args...)); code != 0 {
			t.Fatalf("%v: exit %d; stdout %q stderr %q", args, code, stdout, stderr)
		}
		return stdout.String()
	}
	incident := func() geo.Incident {
		t.Helper()
		var fc struct {
			Features []struct {
				Geometry   struct{ Coordinates []float64 }
				Properties struct {
					Location     string `json:"location"`
					GeoPrecision int    `json:"geo_precision"`
				}
			}
		}
		if err := json.Unmarshal([]byte(run("export", "--format", "geojson")), &fc); err != nil || len(fc.Features) != 1 {
			t.Fatalf("export: %v, %d features; want 1", err, len(fc.Features))
		}
		f := fc.Features[0]
		return geo.Incident{Location: f.Properties.Location, GeoPrecision: f.Properties.GeoPrecision,
			Lon: f.Geometry.Coordinates[0], Lat: f.Geometry.Coordinates[1]}
	}

	run("ingest", report)
	before := incident()
	if before.GeoPrecision != geo.PrecisionRegion {
		t.Fatalf("before: %+v, want the region at precision 3", before)
	}
	out := run("gazetteer", "unresolved")
	if !strings.Contains(out, "Zorianivka") || !strings.Contains(out, "Donetsk, UA") {
		t.Fatalf("unresolved:\n%s\nwant Zorianivka in Donetsk", out)
	}
	var listed struct {
		Names         []geo.UnresolvedName `json:"names"`
		NumberMatched int                  `json:"numberMatched"`
	}
	if err := json.Unmarshal([]byte(run("gazetteer", "unresolved", "--json")), &listed); err != nil ||
		listed.NumberMatched != 1 || listed.Names[0].Count != 1 || len(listed.Names[0].Articles) != 1 {
		t.Fatalf("unresolved --json: %+v, %v", listed, err)
	}

	out = run("gazetteer", "add", "--name", "Zorianivka", "--lat", "48.6", "--lon", "37.2", "--country", "UA", "--admin1", "05")
	if !strings.Contains(out, "re-resolved 1 articles") {
		t.Fatalf("add said %q, want it to re-resolve the article", out)
	}
	after := incident()
	if after.Location != "Zorianivka" || after.Lat != 48.6 || after.Lon != 37.2 || after.GeoPrecision != geo.PrecisionExact {
		t.Fatalf("after: %+v, want Zorianivka at 48.6,37.2 with precision 1", after)
	}
	if err := json.Unmarshal([]byte(run("gazetteer", "unresolved", "--json")), &listed); err != nil || listed.NumberMatched != 0 || listed.Names == nil {
		t.Fatalf("unresolved after add: %+v, %v; want an empty list", listed, err)
	}
}

func TestGazetteerStatsReportsCoverage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "im.db")
	a, stdout, stderr := realApp(t)
	if code := a.run([]string{"--db", db, "gazetteer", "stats", "--country", "ua,SD"}); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(strings.TrimSpace(lines[0]), "COUNTRY") {
		t.Fatalf("stats:\n%s\nwant a header, SD, UA and all", stdout)
	}
	a, stdout, _ = realApp(t)
	if code := a.run([]string{"--db", db, "gazetteer", "stats", "--json", "--country", "UA"}); code != 0 {
		t.Fatal("stats --json failed")
	}
	var counts []struct {
		Country string `json:"country"`
		Class   string `json:"feature_class"`
		Count   int    `json:"count"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &counts); err != nil {
		t.Fatal(err)
	}
	byClass := map[string]int{}
	for _, c := range counts {
		if c.Country != "UA" {
			t.Errorf("row for %q with --country UA", c.Country)
		}
		byClass[c.Class] = c.Count
	}
	if byClass["P"] < 1000 || byClass["A"] < 20 {
		t.Errorf("UA coverage %v: want over 1000 populated places and 20 divisions", byClass)
	}
}

// TestAPIAddPlaceReresolves is the loop over HTTP, through the real router
// on the real components: the unresolved name is listed, adding it moves
// the article's incident, and the list empties.
func TestAPIAddPlaceReresolves(t *testing.T) {
	_, _, srv := realServer(t)
	h := srv.(*httpserver.Server).Handler()
	do := func(method, target, body string, want int) []byte {
		t.Helper()
		req := httptest.NewRequest(method, target, strings.NewReader(body))
		req.Host = "127.0.0.1"
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Fatalf("%s %s: %d %s, want %d", method, target, rec.Code, rec.Body, want)
		}
		return rec.Body.Bytes()
	}
	text, _ := json.Marshal(map[string]string{"title": "Shelling", "published": "2024-04-05T08:00:00Z",
		"text": "Russian forces shelled the village of Zorianivka in the Donetsk region on Thursday, killing two civilians."})
	do("POST", "/api/articles", string(text), 201)

	var page struct {
		Names         []geo.UnresolvedName `json:"names"`
		NumberMatched int                  `json:"numberMatched"`
	}
	if err := json.Unmarshal(do("GET", "/api/unresolved?limit=10", "", 200), &page); err != nil ||
		page.NumberMatched != 1 || page.Names[0].Name != "Zorianivka" || page.Names[0].Region == nil ||
		page.Names[0].Region.Admin1 != "05" {
		t.Fatalf("unresolved: %+v, %v", page, err)
	}
	// A misspelt entry places nothing; putting the name right does.
	var added geo.Place
	if err := json.Unmarshal(do("POST", "/api/gazetteer", `{"name":"Zorianivk","lat":48.6,"lon":37.2,"country":"UA","admin1":"05","feature_code":"PPL"}`, 201), &added); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(do("GET", "/api/unresolved", "", 200), &page); err != nil || page.NumberMatched != 1 {
		t.Fatalf("unresolved after a misspelt entry: %+v, %v; want the name still listed", page, err)
	}
	do("PUT", fmt.Sprintf("/api/gazetteer/%d", added.ID), `{"name":"Zorianivka","lat":48.6,"lon":37.2,"country":"UA","admin1":"05","feature_code":"PPL"}`, 200)

	var fc struct {
		Features []struct {
			Geometry   struct{ Coordinates []float64 }
			Properties struct {
				Location     string `json:"location"`
				GeoPrecision int    `json:"geo_precision"`
			}
		}
	}
	if err := json.Unmarshal(do("GET", "/collections/incidents/items?f=json", "", 200), &fc); err != nil || len(fc.Features) != 1 {
		t.Fatalf("items: %v, %+v", err, fc)
	}
	f := fc.Features[0]
	if f.Properties.Location != "Zorianivka" || f.Properties.GeoPrecision != 1 || f.Geometry.Coordinates[1] != 48.6 {
		t.Fatalf("incident %+v, want it at the new Zorianivka with precision 1", f)
	}
	if err := json.Unmarshal(do("GET", "/api/unresolved", "", 200), &page); err != nil || page.NumberMatched != 0 {
		t.Fatalf("unresolved after add: %+v, %v", page, err)
	}
}

// TestGazetteerImportReresolves: importing a country dump that holds the
// missing village places the stored report's incident there.
func TestGazetteerImportReresolves(t *testing.T) {
	gazetteerImportReresolves(t, filepath.Join(t.TempDir(), "im.db"))
}

// gazetteerImportReresolves is TestGazetteerImportReresolves on the store
// at db.
func gazetteerImportReresolves(t *testing.T, db string) {
	dir := t.TempDir()
	report := filepath.Join(dir, "report.txt")
	dump := filepath.Join(dir, "UA.txt")
	os.WriteFile(report, []byte(zorianivkaReport), 0o644)
	os.WriteFile(dump, []byte("9990001\tZorianivka\tZorianivka\tЗорянівка\t48.61\t37.21\tP\tPPL\tUA\t\t05\t\t\t\t0\t\t150\tEurope/Kyiv\t2024-01-01\n"), 0o644)
	for _, args := range [][]string{{"ingest", report}, {"gazetteer", "import", dump}} {
		a, stdout, stderr := realApp(t)
		if code := a.run(append([]string{"--db", db}, args...)); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if args[1] == "import" && !strings.Contains(stdout.String(), "re-resolved 1 articles with unresolved names: 1 of 1 names placed") {
			t.Fatalf("import said %q", stdout)
		}
	}
	st, err := openStore(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	incs, _, err := st.Incidents(context.Background(), geo.IncidentFilter{Limit: 5})
	if err != nil || len(incs) != 1 || incs[0].Lat != 48.61 || incs[0].GeonameID != 9990001 {
		t.Fatalf("incidents %+v, %v; want one at the imported Zorianivka", incs, err)
	}
}

// realServer builds the real store (a file in a temporary folder), the
// bundled gazetteer, the pipeline and a server over them, not yet open.
func realServer(t *testing.T) (store, pipeline, server) {
	t.Helper()
	st, err := openStore(filepath.Join(t.TempDir(), "im.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	gz, err := loadGazetteer(nil, true)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := newPipeline(gz)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := newServer(serverOptions{Config: Config{Addr: "127.0.0.1:0"}, Store: st, Loading: loadedWith(gz, pl), Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	return st, pl, srv
}

// loadedWith is a background load that has already ended with gz and pl.
func loadedWith(gz gazetteer, pl pipeline) *loading {
	l := &loading{done: make(chan struct{}), gz: gz, pl: pl}
	close(l.done)
	return l
}
