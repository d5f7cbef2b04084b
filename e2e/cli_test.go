package e2e

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ingestSummary matches the summary line of the ingest command.
var ingestSummary = regexp.MustCompile(`articles: (\d+) new, (\d+) duplicate, (\d+) failed; incidents: (\d+) new, (\d+) merged`)

// summaryCounts parses the ingest summary into new, duplicate, failed
// articles and new incidents.
func summaryCounts(t *testing.T, out string) (newArts, dupArts, failed, newIncs int) {
	t.Helper()
	m := ingestSummary.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no ingest summary in %q", out)
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	return n(m[1]), n(m[2]), n(m[3]), n(m[4])
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readCSV parses an export and returns its header and rows as maps.
func readCSV(t *testing.T, out string) ([]string, []map[string]string) {
	t.Helper()
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v\n%s", err, out)
	}
	if len(records) == 0 {
		t.Fatal("empty CSV export")
	}
	header := records[0]
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, name := range header {
			row[name] = rec[i]
		}
		rows = append(rows, row)
	}
	return header, rows
}

// TestIngestThenExportCSV ingests a wire report from a file and checks the
// ACLED-style CSV shows its incidents; ingesting it again is a duplicate.
func TestIngestThenExportCSV(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	rep := ukraineReport()
	file := writeFile(t, filepath.Join(dir, "report.txt"), rep.asFile())

	res := mustCLI(t, "", "ingest", "--db", db, file)
	if a, d, f, n := summaryCounts(t, res.stdout); a != 1 || d != 0 || f != 0 || n != len(rep.want) {
		t.Errorf("first ingest summary %q: want 1 new article and %d new incidents", res.stdout, len(rep.want))
	}

	out := mustCLI(t, "", "export", "--db", db, "--format", "csv").stdout
	header, rows := readCSV(t, out)
	for _, col := range []string{"event_date", "event_type", "sub_event_type", "actor1", "country", "admin1", "admin2",
		"location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities"} {
		if !contains(header, col) {
			t.Errorf("CSV header lacks ACLED column %q: %v", col, header)
		}
	}
	if len(rows) != len(rep.want) {
		t.Fatalf("CSV has %d rows, want %d:\n%s", len(rows), len(rep.want), out)
	}
	for _, w := range rep.want {
		row := findRow(rows, w)
		if row == nil {
			t.Errorf("no CSV row with location ~%q, date %s, sub-event %q:\n%s", w.location, w.eventDate, w.subEventType, out)
			continue
		}
		lat, errLat := strconv.ParseFloat(row["latitude"], 64)
		lon, errLon := strconv.ParseFloat(row["longitude"], 64)
		if errLat != nil || errLon != nil || lat < 44 || lat > 53 || lon < 22 || lon > 41 {
			t.Errorf("%s: latitude/longitude %q,%q not in Ukraine", w.location, row["latitude"], row["longitude"])
		}
		if row["event_type"] != w.eventType || row["country"] != "Ukraine" {
			t.Errorf("%s: event_type %q country %q", w.location, row["event_type"], row["country"])
		}
		if !strings.Contains(row["source"], rep.url) {
			t.Errorf("%s: source %q lacks the article URL", w.location, row["source"])
		}
		if !strings.Contains(rep.text, row["notes"]) || row["notes"] == "" {
			t.Errorf("%s: notes %q is not a quote of the article", w.location, row["notes"])
		}
	}
	if row := findRow(rows, rep.want[1]); row != nil && row["fatalities"] != "1" {
		t.Errorf("Nikopol fatalities = %q, want 1 (\"killing one man\")", row["fatalities"])
	}

	again := mustCLI(t, "", "ingest", "--db", db, file)
	if a, d, _, n := summaryCounts(t, again.stdout); a != 0 || d != 1 || n != 0 {
		t.Errorf("second ingest summary %q: want 0 new, 1 duplicate, no new incidents", again.stdout)
	}
	_, rowsAfter := readCSV(t, mustCLI(t, "", "export", "--db", db, "--format", "csv").stdout)
	if len(rowsAfter) != len(rows) {
		t.Errorf("after the duplicate ingest the export has %d rows, want %d", len(rowsAfter), len(rows))
	}

	var fc featureCollection
	geo := mustCLI(t, "", "export", "--db", db, "--format", "geojson").stdout
	if err := json.Unmarshal([]byte(geo), &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != len(rows) {
		t.Errorf("GeoJSON export: %v, type %q, %d features, want %d", err, fc.Type, len(fc.Features), len(rows))
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// findRow returns the CSV row for an expected incident, or nil.
func findRow(rows []map[string]string, w wantIncident) map[string]string {
	for _, r := range rows {
		if strings.Contains(r["location"], w.location) && r["event_date"] == w.eventDate && r["sub_event_type"] == w.subEventType {
			return r
		}
	}
	return nil
}

// TestIngestDirectoryWithABadFile checks that one malformed JSONL file is
// reported by name with exit status 1 while the good files are stored.
func TestIngestDirectoryWithABadFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	in := filepath.Join(dir, "reports")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(in, "a-ukraine.txt"), ukraineReport().asFile())
	sd := sudanReport()
	line, _ := json.Marshal(map[string]string{"title": sd.title, "url": sd.url, "published": sd.published, "text": sd.text})
	writeFile(t, filepath.Join(in, "b-sudan.jsonl"), string(line)+"\n")
	writeFile(t, filepath.Join(in, "c-broken.jsonl"), `{"title": "fine", "text": "Protesters gathered in Tbilisi."}`+"\n"+`{"title": "cut off", "text": `+"\n")

	res := runCLI(t, "", "ingest", "--db", db, in)
	if res.code != 1 {
		t.Errorf("exit status %d, want 1\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stderr, "c-broken.jsonl") {
		t.Errorf("stderr does not name the bad file: %q", res.stderr)
	}
	for _, good := range []string{"a-ukraine.txt", "b-sudan.jsonl"} {
		if strings.Contains(res.stderr, good) {
			t.Errorf("stderr blames the good file %s: %q", good, res.stderr)
		}
	}
	// Each JSON Lines line stands alone: c-broken.jsonl's good first line is
	// stored, its cut-off second line is the one failure.
	if a, _, f, _ := summaryCounts(t, res.stdout); a != 3 || f != 1 {
		t.Errorf("summary %q: want 3 new articles (2 files and the good line) and 1 failed", res.stdout)
	}
	_, rows := readCSV(t, mustCLI(t, "", "export", "--db", db, "--format", "csv").stdout)
	for _, w := range append(ukraineReport().want, sd.want...) {
		if findRow(rows, w) == nil {
			t.Errorf("incident %s %s from a good file is not in the store", w.location, w.eventDate)
		}
	}
}

// geoparseOutput is the JSON contract of the geoparse command.
type geoparseOutput struct {
	Places []struct {
		Text        string  `json:"text"`
		Start       int     `json:"start"`
		End         int     `json:"end"`
		Name        string  `json:"name"`
		GeonameID   int64   `json:"geonameid"`
		FeatureCode string  `json:"feature_code"`
		Country     string  `json:"country"`
		Admin1      string  `json:"admin1"`
		Admin1Name  string  `json:"admin1_name"`
		Lat         float64 `json:"lat"`
		Lon         float64 `json:"lon"`
		Precision   int     `json:"precision"`
		Confidence  float64 `json:"confidence"`
	} `json:"places"`
}

func geoparse(t *testing.T, text string, args ...string) geoparseOutput {
	t.Helper()
	res := mustCLI(t, text, append([]string{"geoparse"}, args...)...)
	var out geoparseOutput
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(res.stdout), &raw); err != nil || raw["places"] == nil {
		t.Fatalf("geoparse output is not {\"places\": [...]}: %v\n%s", err, res.stdout)
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("geoparse output: %v\n%s", err, res.stdout)
	}
	return out
}

// TestGeoparseStdin checks the JSON contract: byte offsets into the input,
// resolved names, codes and coordinates.
func TestGeoparseStdin(t *testing.T) {
	t.Parallel()
	text := "Überall: shelling hit Nikopol on Monday and a drone struck Kherson, officials in Kyiv said."
	out := geoparse(t, text)
	want := map[string][2]float64{"Nikopol": {47.57, 34.39}, "Kherson": {46.64, 32.61}, "Kyiv": {50.45, 30.52}}
	found := map[string]bool{}
	for _, p := range out.Places {
		if p.Start < 0 || p.End > len(text) || p.Start >= p.End || text[p.Start:p.End] != p.Text {
			t.Errorf("mention %q: offsets %d..%d do not point at it in the input", p.Text, p.Start, p.End)
			continue
		}
		ll, ok := want[p.Text]
		if !ok {
			continue
		}
		found[p.Text] = true
		if p.Country != "UA" || p.GeonameID == 0 || p.FeatureCode == "" || p.Admin1 == "" || p.Precision != 1 || p.Confidence <= 0 || p.Confidence > 1 {
			t.Errorf("%s resolved to %+v", p.Text, p)
		}
		if abs(p.Lat-ll[0]) > 0.2 || abs(p.Lon-ll[1]) > 0.2 {
			t.Errorf("%s at %.3f,%.3f, want near %.2f,%.2f", p.Text, p.Lat, p.Lon, ll[0], ll[1])
		}
	}
	for name := range want {
		if !found[name] {
			t.Errorf("%s not found in %q: %+v", name, text, out.Places)
		}
	}
	if empty := geoparse(t, "Nothing to see here."); len(empty.Places) != 0 {
		t.Errorf("places in a text without places: %+v", empty.Places)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// geonamesRow is one line of a GeoNames dump (19 tab-separated columns).
func geonamesRow(id, name, alt, lat, lon, code, cc, admin1, pop string) string {
	return strings.Join([]string{id, name, name, alt, lat, lon, "P", code, cc, "", admin1, "", "", "", pop, "", "120", "Europe/Kyiv", "2024-01-15"}, "\t")
}

// TestGazetteerImportThenSearch imports a small GeoNames file with two
// malformed lines and finds the imported place afterwards.
func TestGazetteerImportThenSearch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	lines := []string{
		geonamesRow("9900001", "Ozerne Pole", "Ozerne-Pole", "47.71234", "36.81234", "PPL", "UA", "26", "350"),
		"this line is not a GeoNames row",
		geonamesRow("9900002", "Sukhyi Yar Novyi", "", "48.1010", "37.2020", "PPL", "UA", "05", "80"),
		geonamesRow("9900003", "Kamianyi Brid Druhyi", "", "north", "36.9", "PPL", "UA", "26", "0"),
	}
	file := writeFile(t, filepath.Join(dir, "UA-extra.txt"), strings.Join(lines, "\n")+"\n")

	before := runCLI(t, "", "gazetteer", "search", "--db", db, "--json", "Ozerne Pole")
	if strings.Contains(before.stdout, "9900001") {
		t.Fatalf("place found before the import: %s", before.stdout)
	}
	res := mustCLI(t, "", "gazetteer", "import", "--db", db, file)
	for _, ln := range []string{"UA-extra.txt:2:", "UA-extra.txt:4:"} {
		if !strings.Contains(res.stderr, ln) {
			t.Errorf("stderr does not report %s: %q", ln, res.stderr)
		}
	}
	if strings.Contains(res.stderr, "UA-extra.txt:1:") || strings.Contains(res.stderr, "UA-extra.txt:3:") {
		t.Errorf("stderr reports a good line: %q", res.stderr)
	}
	if !strings.Contains(res.stdout, "imported 2 places") || !strings.Contains(res.stdout, "skipped 2 malformed") {
		t.Errorf("import summary %q: want 2 imported, 2 skipped", res.stdout)
	}

	var places []struct {
		Name      string  `json:"name"`
		GeonameID int64   `json:"geonameid"`
		Country   string  `json:"country"`
		Lat       float64 `json:"lat"`
		Lon       float64 `json:"lon"`
	}
	found := mustCLI(t, "", "gazetteer", "search", "--db", db, "--json", "--limit", "3", "Ozerne Pole").stdout
	if err := json.Unmarshal([]byte(found), &places); err != nil {
		t.Fatalf("search --json: %v\n%s", err, found)
	}
	if len(places) == 0 || places[0].GeonameID != 9900001 || places[0].Country != "UA" || abs(places[0].Lat-47.71234) > 1e-4 || abs(places[0].Lon-36.81234) > 1e-4 {
		t.Errorf("search after import = %+v, want Ozerne Pole (9900001) first", places)
	}
	text := mustCLI(t, "", "gazetteer", "search", "--db", db, "Sukhyi Yar Novyi").stdout
	if !strings.Contains(text, "Sukhyi Yar Novyi") || !strings.Contains(text, "geonameid 9900002") {
		t.Errorf("plain search output %q lacks the second imported place", text)
	}
}

// TestGazetteerAddThenGeoparse adds a village and checks geoparse resolves
// a text naming it to the new entry.
func TestGazetteerAddThenGeoparse(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	text := "A drone strike hit Vyshneve Pole on Tuesday, the district head said."
	resolvedHere := func(out geoparseOutput) bool {
		for _, p := range out.Places {
			if p.Text == "Vyshneve Pole" && abs(p.Lat-47.4321) < 1e-6 && abs(p.Lon-35.8765) < 1e-6 {
				return true
			}
		}
		return false
	}
	if resolvedHere(geoparse(t, text, "--db", db)) {
		t.Fatal("resolved to the new entry before it was added")
	}
	res := mustCLI(t, "", "gazetteer", "add", "--db", db, "--name", "Vyshneve Pole", "--lat", "47.4321", "--lon", "35.8765",
		"--country", "ua", "--admin1", "26", "--admin1-name", "Zaporizhzhia", "--alt", "Vyshneve-Pole")
	if !strings.HasPrefix(res.stdout, "added Vyshneve Pole") {
		t.Errorf("add printed %q", res.stdout)
	}
	out := geoparse(t, text, "--db", db)
	if !resolvedHere(out) {
		t.Errorf("geoparse after add = %+v, want Vyshneve Pole at 47.4321,35.8765", out.Places)
	}
	for _, p := range out.Places {
		if p.Text == "Vyshneve Pole" && (p.Country != "UA" || p.Admin1Name != "Zaporizhzhia") {
			t.Errorf("resolved entry %+v lacks country or admin1", p)
		}
	}
	exported := mustCLI(t, "", "gazetteer", "export", "--db", db).stdout
	if !strings.Contains(exported, "Vyshneve Pole") {
		t.Errorf("gazetteer export lacks the entry: %s", exported)
	}
}

// TestUsageErrorsExitTwo checks that command-line mistakes exit 2 with one
// line on stderr and nothing on stdout.
func TestUsageErrorsExitTwo(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store.db")
	cases := []struct {
		name string
		args []string
		want string // in the message
	}{
		{"no command", nil, "no command"},
		{"unknown command", []string{"frobnicate"}, "frobnicate"},
		{"unknown flag", []string{"export", "--db", db, "--colour", "red"}, "colour"},
		{"unknown export format", []string{"export", "--db", db, "--format", "xml"}, "xml"},
		{"bad bbox", []string{"export", "--db", db, "--bbox", "1,2,3"}, "bbox"},
		{"bad datetime", []string{"export", "--db", db, "--datetime", "yesterday"}, "datetime"},
		{"gazetteer without subcommand", []string{"gazetteer"}, "subcommand"},
		{"gazetteer add without coordinates", []string{"gazetteer", "add", "--db", db, "--name", "X", "--country", "UA"}, "lat"},
		{"geoparse with two files", []string{"geoparse", "a.txt", "b.txt"}, "FILE"},
		{"serve with an argument", []string{"serve", "--db", db, "extra"}, "extra"},
		{"serve with a bad address", []string{"serve", "--db", db, "--addr", "nohost"}, "addr"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := runCLI(t, "", c.args...)
			if res.code != 2 {
				t.Errorf("exit status %d, want 2 (stderr %q)", res.code, res.stderr)
			}
			if res.stdout != "" {
				t.Errorf("stdout %q, want nothing", res.stdout)
			}
			msg := strings.TrimSuffix(res.stderr, "\n")
			if msg == "" || strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
				t.Errorf("stderr %q: want one line mentioning %q", res.stderr, c.want)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("a usage error created the store %s", db)
	}
}

// TestVersion checks the version and the gazetteer's source versions.
func TestVersion(t *testing.T) {
	t.Parallel()
	out := mustCLI(t, "", "version").stdout
	if !strings.Contains(out, binaryVersion) {
		t.Errorf("version output lacks %q: %q", binaryVersion, out)
	}
	info, err := os.ReadFile("../data/gazetteer/BUILDINFO")
	if err != nil {
		t.Fatalf("reading the gazetteer build info: %v", err)
	}
	sources := 0
	for _, line := range strings.Split(string(info), "\n") {
		if strings.HasPrefix(line, "source ") {
			sources++
			if !strings.Contains(out, line) {
				t.Errorf("version output lacks %q:\n%s", line, out)
			}
		}
	}
	if sources == 0 || !regexp.MustCompile(`source \S+ \d+\.\d+`).MatchString(out) {
		t.Errorf("version output names no gazetteer source version:\n%s", out)
	}
	if help := mustCLI(t, "", "help"); !bytes.Contains([]byte(help.stdout), []byte("serve")) {
		t.Errorf("help lacks the commands: %q", help.stdout)
	}
}
