package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/export"
	"github.com/paulmach/orb/geojson"
)

// seedIncidents fills the fake store with n incidents over a few days.
func seedIncidents(ta *testApp, n int) {
	for i := 0; i < n; i++ {
		country := "UA"
		if i%3 == 0 {
			country = "RU"
		}
		ta.store.incidents = append(ta.store.incidents, geo.Incident{
			ID: int64(i + 1), EventType: geo.ExplosionsRemote, SubEventType: geo.SubAirDroneStrike,
			EventDate: time.Date(2024, 3, 1+i%5, 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
			Location:  fmt.Sprintf("Place %d", i), Country: country, Lat: 47, Lon: 35,
			Quote: "Strike, with a comma", TimePrecision: 1, GeoPrecision: 1,
		})
	}
}

func TestExportCSVHeaderAndRows(t *testing.T) {
	ta := newTestApp(t)
	seedIncidents(ta, 4)
	if code := ta.runArgs("export", "--format", "csv"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(ta.stdout.String())).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if strings.Join(rows[0], ",") != strings.Join(export.CSVHeader(), ",") {
		t.Fatalf("header %v", rows[0])
	}
	for _, col := range []string{"event_date", "event_type", "sub_event_type", "actor1", "country", "admin1", "admin2",
		"location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes", "fatalities"} {
		if !containsString(rows[0], col) {
			t.Errorf("header lacks ACLED column %q", col)
		}
	}
	if len(rows) != 5 {
		t.Fatalf("got %d rows, want header + 4", len(rows))
	}
}

func TestExportPagesThroughEverything(t *testing.T) {
	ta := newTestApp(t)
	const n = 2*exportPageSize + 37
	seedIncidents(ta, n)
	if code := ta.runArgs("export", "--format", "ndjson"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(ta.stdout)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if seen[sc.Text()] {
			t.Fatalf("incident written twice: %s", sc.Text())
		}
		seen[sc.Text()] = true
	}
	if len(seen) != n {
		t.Fatalf("exported %d incidents, want %d", len(seen), n)
	}
	if pages := len(ta.store.filters); pages != 3 {
		t.Errorf("made %d store queries, want 3 pages", pages)
	}
}

func TestExportPassesFilters(t *testing.T) {
	ta := newTestApp(t)
	seedIncidents(ta, 9)
	code := ta.runArgs("export", "--bbox", "30,44,41,53", "--datetime", "2024-03-02/..",
		"--event-type", "explosions/remote violence", "--country", "ua", "--country", "ru,by", "--limit", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	f := ta.store.filters[0]
	if f.BBox == nil || *f.BBox != (geo.BBox{West: 30, South: 44, East: 41, North: 53}) {
		t.Errorf("bbox %+v", f.BBox)
	}
	if f.From == nil || f.From.Format(time.DateOnly) != "2024-03-02" || f.To != nil {
		t.Errorf("from %v to %v", f.From, f.To)
	}
	if strings.Join(f.EventType, "|") != geo.ExplosionsRemote {
		t.Errorf("event types %v", f.EventType)
	}
	if strings.Join(f.Country, ",") != "UA,RU,BY" {
		t.Errorf("countries %v", f.Country)
	}
	fc, err := geojson.UnmarshalFeatureCollection(ta.stdout.Bytes())
	if err != nil {
		t.Fatalf("not GeoJSON: %v", err)
	}
	if len(fc.Features) != 2 {
		t.Fatalf("--limit 2 wrote %d features", len(fc.Features))
	}
}

func TestExportToFile(t *testing.T) {
	ta := newTestApp(t)
	seedIncidents(ta, 3)
	out := filepath.Join(t.TempDir(), "out.geojson")
	if code := ta.runArgs("export", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil || len(fc.Features) != 3 {
		t.Fatalf("file holds %v features, err %v", fc, err)
	}
	if ta.stdout.Len() != 0 {
		t.Errorf("with -o nothing goes to stdout")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestExportInterrupted(t *testing.T) {
	ta := newTestApp(t).cancelled()
	seedIncidents(ta, 3)
	out := filepath.Join(t.TempDir(), "out.csv")
	if code := ta.runArgs("export", "--format", "csv", "-o", out); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	assertOneErrorLine(t, ta.stderr.String(), "interrupted")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("an interrupted export left %s behind", out)
	}
}
