package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestServeLoadsDemoIntoEmptyStore(t *testing.T) {
	demo := []geo.Article{
		{Title: "Demo 1", URL: "https://example.org/d1", Text: "a drone\nanother drone"},
		{Title: "Demo 2", URL: "https://example.org/d2", Text: "a drone"},
	}
	tests := []struct {
		name          string
		args          []string
		preloaded     int
		wantIncidents int
	}{
		{name: "empty store gets the demo", args: []string{"serve"}, wantIncidents: 3},
		{name: "no-demo keeps it empty", args: []string{"serve", "--no-demo"}, wantIncidents: 0},
		{name: "a store with data is left alone", args: []string{"serve"}, preloaded: 5, wantIncidents: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t).cancelled()
			ta.demo = demo
			seedIncidents(ta, tt.preloaded)
			if code := ta.runArgs(tt.args...); code != 0 {
				t.Fatalf("exit %d: %s", code, ta.stderr)
			}
			if got := len(ta.store.incidents); got != tt.wantIncidents {
				t.Fatalf("store has %d incidents, want %d", got, tt.wantIncidents)
			}
		})
	}
}

func TestGeoparseWritesPlaces(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  int
	}{
		{name: "one place", input: "Sirens in Kyiv overnight.", want: 1},
		{name: "no place gives an empty list", input: "Nothing here.", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t)
			ta.app.stdin = strings.NewReader(tt.input)
			if code := ta.runArgs("geoparse"); code != 0 {
				t.Fatalf("exit %d: %s", code, ta.stderr)
			}
			var doc struct {
				Places []map[string]any `json:"places"`
			}
			if err := json.Unmarshal(ta.stdout.Bytes(), &doc); err != nil || doc.Places == nil {
				t.Fatalf("output %q: %v", ta.stdout, err)
			}
			if len(doc.Places) != tt.want {
				t.Fatalf("got %d places, want %d", len(doc.Places), tt.want)
			}
			for _, p := range doc.Places {
				start, end := int(p["start"].(float64)), int(p["end"].(float64))
				if tt.input[start:end] != p["text"] {
					t.Fatalf("offsets %d..%d do not give %q", start, end, p["text"])
				}
			}
			if len(ta.openedPaths) != 0 {
				t.Errorf("geoparse created a store that did not exist")
			}
		})
	}
}

func TestGeoparseRejectsBinaryInput(t *testing.T) {
	ta := newTestApp(t)
	ta.app.stdin = strings.NewReader("\xff\xfe\x00bad")
	if code := ta.runArgs("geoparse"); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	assertOneErrorLine(t, ta.stderr.String(), "UTF-8")
}

func TestGazetteerAddSearchExportImport(t *testing.T) {
	ta := newTestApp(t)
	db := filepath.Join(t.TempDir(), "store.db")
	if err := os.WriteFile(db, nil, 0o644); err != nil { // the store "exists"
		t.Fatal(err)
	}
	if code := ta.runArgs("gazetteer", "add", "--db", db, "--name", "Novoselka", "--lat", "47.1", "--lon", "36.2",
		"--country", "ua", "--alt", "Novosilka,Novosilky"); code != 0 {
		t.Fatalf("add: exit %d: %s", code, ta.stderr)
	}
	if !strings.Contains(ta.stdout.String(), "added Novoselka") || !strings.Contains(ta.stdout.String(), "user entry 1000000001") {
		t.Fatalf("add output %q", ta.stdout)
	}
	added := ta.store.places[0]
	if added.Country != "UA" || len(added.AlternateNames) != 2 {
		t.Fatalf("stored %+v", added)
	}

	ta.stdout.Reset()
	if code := ta.runArgs("gazetteer", "search", "--db", db, "--json", "Novoselka"); code != 0 {
		t.Fatalf("search: exit %d: %s", code, ta.stderr)
	}
	var found []geo.Place
	if err := json.Unmarshal(ta.stdout.Bytes(), &found); err != nil || len(found) != 1 || found[0].Name != "Novoselka" {
		t.Fatalf("search found %v (%v) in %q", found, err, ta.stdout)
	}

	ta.stdout.Reset()
	exported := filepath.Join(t.TempDir(), "mine.json")
	if code := ta.runArgs("gazetteer", "export", "--db", db, "-o", exported); code != 0 {
		t.Fatalf("export: exit %d: %s", code, ta.stderr)
	}
	ta.store.places = nil
	if code := ta.runArgs("gazetteer", "import", "--db", db, exported); code != 0 {
		t.Fatalf("import: exit %d: %s", code, ta.stderr)
	}
	if len(ta.store.places) != 1 || ta.store.places[0].Name != "Novoselka" || ta.store.places[0].Lat != 47.1 {
		t.Fatalf("re-imported %+v", ta.store.places)
	}
	if !strings.Contains(ta.stdout.String(), "imported 1 places") {
		t.Fatalf("import output %q", ta.stdout)
	}
}

func TestGazetteerImportGeoNamesInBatches(t *testing.T) {
	ta := newTestApp(t)
	var b strings.Builder
	const n = importBatch + 10
	for i := 0; i < n; i++ {
		b.WriteString("1\tPlace\n")
	}
	ta.app.stdin = strings.NewReader(b.String())
	if code := ta.runArgs("gazetteer", "import", "-"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	if len(ta.store.places) != n {
		t.Fatalf("imported %d, want %d", len(ta.store.places), n)
	}
}

func TestGazetteerImportReportsBadEntry(t *testing.T) {
	ta := newTestApp(t)
	path := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(path, []byte(`[{"name":"Ok","lat":1,"lon":2,"country":"UA"},{"name":"Nowhere","lat":95,"lon":0,"country":"UA"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := ta.runArgs("gazetteer", "import", path); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	assertOneErrorLine(t, ta.stderr.String(), `entry 2 ("Nowhere")`)
}

func TestGazetteerImportJSONRefusesMissingCoordinatesAndBadIDs(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"no lat", `[{"name":"Nowhere","lon":2,"country":"UA"}]`, "lat is required"},
		{"no lon", `[{"name":"Nowhere","lat":2,"country":"UA"}]`, "lon is required"},
		{"negative geonameid", `[{"name":"Nowhere","lat":1,"lon":2,"country":"UA","geonameid":-3}]`, "geonameid"},
		{"NUL in the name", `[{"name":"No\u0000where","lat":1,"lon":2,"country":"UA"}]`, "control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t)
			path := filepath.Join(t.TempDir(), "bad.json")
			if err := os.WriteFile(path, []byte(tt.json), 0o644); err != nil {
				t.Fatal(err)
			}
			if code := ta.runArgs("gazetteer", "import", path); code != 1 {
				t.Fatalf("exit %d, want 1", code)
			}
			assertOneErrorLine(t, ta.stderr.String(), tt.want)
			if len(ta.store.places) != 0 {
				t.Fatalf("stored %+v", ta.store.places)
			}
		})
	}
}

func TestByteSizeFlag(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{in: "1048576", want: 1 << 20},
		{in: "512K", want: 512 << 10},
		{in: "2m", want: 2 << 20},
		{in: "2MiB", want: 2 << 20},
		{in: "1G", want: 1 << 30},
		{in: "0", wantErr: true},
		{in: "-1K", wantErr: true},
		{in: "lots", wantErr: true},
		{in: "", wantErr: true},
		{in: "99999999999G", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var b byteSize
			err := b.Set(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Set(%q) error %v, wantErr %v", tt.in, err, tt.wantErr)
			}
			if !tt.wantErr && int64(b) != tt.want {
				t.Fatalf("Set(%q) = %d, want %d", tt.in, b, tt.want)
			}
		})
	}
	b := byteSize(3 << 20)
	if b.String() != "3M" {
		t.Fatalf("String() = %q", b.String())
	}
}

// serve listens before the gazetteer has loaded: the server is built and
// opened while the load still runs, and told it is loading until it ends.
func TestServeListensBeforeTheGazetteerLoads(t *testing.T) {
	ta := newTestApp(t).cancelled()
	release := make(chan struct{})
	ta.deps.loadGazetteer = func(user []geo.Place, _ bool) (gazetteer, error) {
		<-release
		return fakeGazetteer{user: user}, nil
	}
	opened := make(chan bool, 1)
	ta.deps.newServer = func(opts serverOptions) (server, error) {
		ta.server = &fakeServer{opts: opts}
		opened <- opts.Loading.inProgress()
		return ta.server, nil
	}
	done := make(chan int, 1)
	go func() { done <- ta.runArgs("serve", "--no-demo") }()
	if loading := <-opened; !loading {
		t.Errorf("the server was built after the gazetteer had loaded")
	}
	select {
	case code := <-done:
		t.Fatalf("serve returned %d before the load ended", code)
	default:
	}
	close(release)
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	if ta.server.opts.Loading.inProgress() {
		t.Errorf("still loading after serve returned")
	}
}
