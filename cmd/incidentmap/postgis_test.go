package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/data/postgis/pgtest"
	httpserver "github.com/incidentmap/incidentmap/server"
)

// TestPostGISGazetteerImportReresolves runs ingest and gazetteer import
// as commands on a postgres:// --db.
func TestPostGISGazetteerImportReresolves(t *testing.T) {
	gazetteerImportReresolves(t, pgtest.URL(t))
}

// TestTwoServersShareOnePostGIS: an article posted to one server is served
// by the other at once, past its response cache, and a gazetteer entry
// added through one is used by the other's geoparser without a restart.
func TestTwoServersShareOnePostGIS(t *testing.T) {
	url := pgtest.URL(t)
	gz, err := loadGazetteer(nil, true)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := newPipeline(gz)
	if err != nil {
		t.Fatal(err)
	}
	one := serverOn(t, url, loadedWith(gz, pl))
	gz2, err := loadGazetteer(nil, true)
	if err != nil {
		t.Fatal(err)
	}
	pl2, err := newPipeline(gz2)
	if err != nil {
		t.Fatal(err)
	}
	two := serverOn(t, url, loadedWith(gz2, pl2))

	items := func(h http.Handler) (int, string) {
		body, etag := call(t, h, "GET", "/collections/incidents/items?f=json", "", 200)
		var fc struct{ NumberMatched int }
		if err := json.Unmarshal(body, &fc); err != nil {
			t.Fatal(err)
		}
		return fc.NumberMatched, etag
	}
	n, etag := items(two) // fills two's cache
	if n != 0 {
		t.Fatalf("a new store serves %d incidents", n)
	}
	article := `{"title":"Strike","published":"2024-04-05T08:00:00Z","text":"Russian drones struck Kharkiv on Thursday, killing two civilians."}`
	call(t, one, "POST", "/api/articles", article, 201)
	if n, etag2 := items(two); n != 1 || etag2 == etag {
		t.Fatalf("the other server serves %d incidents (etag %s, was %s); want 1 under a new etag", n, etag2, etag)
	}
	body, _ := call(t, two, "POST", "/api/articles", strings.Replace(article, "Strike", "Strike again", 1), 200)
	if n, _ := items(one); n != 1 || !strings.Contains(string(body), `"duplicate":true`) {
		t.Errorf("the same text posted to both servers: %d incidents, want 1 and a duplicate: %.80s", n, body)
	}

	call(t, one, "POST", "/api/gazetteer", `{"name":"Zorianivka","lat":48.6,"lon":37.2,"country":"UA","admin1":"05","feature_code":"PPL"}`, 201)
	body, _ = call(t, two, "GET", "/api/gazetteer?q=Zorianivka", "", 200)
	if !strings.Contains(string(body), `"name":"Zorianivka"`) {
		t.Errorf("the other server's search for the new entry: %s", body)
	}
	body, _ = call(t, two, "POST", "/api/articles", `{"title":"Shelling","published":"2024-04-05T08:00:00Z",
		"text":"Russian forces shelled Zorianivka on Thursday, killing two civilians."}`, 201)
	if !strings.Contains(string(body), `"location":"Zorianivka"`) {
		t.Errorf("the other server's geoparser did not use the new entry: %s", body)
	}
}

// serverOn is a real server over a new store handle on url.
func serverOn(t *testing.T, url string, ld *loading) http.Handler {
	t.Helper()
	st, err := openStore(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	srv, err := newServer(serverOptions{Config: Config{Addr: "127.0.0.1:0"}, Store: st, Loading: ld, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	return srv.(*httpserver.Server).Handler()
}

// call sends a request through h and returns the body and ETag.
func call(t *testing.T, h http.Handler, method, target, body string, want int) ([]byte, string) {
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
	return rec.Body.Bytes(), rec.Header().Get("ETag")
}

// TestMigrateThenExportTheSame: a SQLite store migrated to PostGIS exports
// byte for byte what the file exports, and migrating again copies nothing.
func TestMigrateThenExportTheSame(t *testing.T) {
	url := pgtest.URL(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "im.db")
	report := filepath.Join(dir, "report.txt")
	os.WriteFile(report, []byte(zorianivkaReport), 0o644)
	run := func(want string, args ...string) string {
		t.Helper()
		a, stdout, stderr := realApp(t)
		if code := a.run(args); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if !strings.Contains(stdout.String(), want) {
			t.Fatalf("%v said %q, want %q in it", args, stdout, want)
		}
		return stdout.String()
	}
	run("1 new", "ingest", "--db", db, report)
	run("0 already there; counts equal in all 7 tables, 1 sampled incidents equal", "migrate", "--from", db, "--to", url)
	run(": 0 rows copied, 7 already there", "migrate", "--from", db, "--to", url)
	for _, format := range []string{"geojson", "csv"} {
		fromFile := run("", "export", "--db", db, "--format", format)
		fromDB := run("", "export", "--db", url, "--format", format)
		if fromFile != fromDB || len(fromFile) < 100 {
			t.Errorf("%s export differs:\nfile %s\ndb   %s", format, fromFile, fromDB)
		}
	}
}
