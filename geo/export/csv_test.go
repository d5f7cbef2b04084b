package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("export does not parse as CSV: %v\n%s", err, data)
	}
	return rows
}

func exportCSV(t *testing.T) [][]string {
	t.Helper()
	var buf bytes.Buffer
	w := NewCSVWriter(&buf)
	for _, inc := range sampleIncidents() {
		if err := w.Write(inc); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return readCSV(t, buf.Bytes())
}

func TestCSVHeaderUsesACLEDNames(t *testing.T) {
	rows := exportCSV(t)
	header := rows[0]
	for _, name := range []string{"event_date", "event_type", "sub_event_type", "actor1", "country",
		"admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
		"time_precision", "source", "notes", "fatalities"} {
		if !contains(header, name) {
			t.Errorf("header lacks ACLED column %q: %v", name, header)
		}
	}
	if len(rows) != 1+len(sampleIncidents()) {
		t.Fatalf("got %d rows, want header + %d", len(rows), len(sampleIncidents()))
	}
}

func TestCSVRoundTrip(t *testing.T) {
	rows := exportCSV(t)
	col := columnIndex(rows[0])
	tests := []struct {
		name   string
		row    int
		column string
		want   string
	}{
		{name: "event id is our id", row: 1, column: "event_id", want: "17"},
		{name: "country is ACLED's name", row: 1, column: "country", want: "Russia"},
		{name: "iso2 keeps the code", row: 1, column: "iso2", want: "RU"},
		{name: "unknown country falls back to code", row: 3, column: "country", want: "XK"},
		{name: "admin1 is the region name", row: 1, column: "admin1", want: "Rostov"},
		{name: "latitude", row: 1, column: "latitude", want: "48.92"},
		{name: "negative longitude is not prefixed", row: 3, column: "longitude", want: "-77.25"},
		{name: "sources joined", row: 1, column: "source", want: "Night raid (https://example.org/a); Drones over the south (https://example.org/b)"},
		{name: "notes with quotes and newline survive", row: 3, column: "notes", want: "Shelling hit the market, \"witnesses\" said,\nand a second line, with commas."},
		{name: "absent fatalities empty", row: 1, column: "fatalities", want: ""},
		{name: "zero fatalities is 0", row: 3, column: "fatalities", want: "0"},
		{name: "injured", row: 3, column: "injured", want: "10"},
		{name: "count", row: 1, column: "count", want: "12"},
		{name: "count unit", row: 1, column: "count_unit", want: "drones"},
		{name: "geonameid", row: 1, column: "geonameid", want: "526736"},
		{name: "no geonameid is empty", row: 2, column: "geonameid", want: ""},
		{name: "time precision", row: 2, column: "time_precision", want: "2"},
		{name: "formula in location defused", row: 3, column: "location", want: "'=HYPERLINK(\"http://evil\")"},
		{name: "at sign defused", row: 3, column: "admin1", want: "'@sum"},
		{name: "minus in text defused", row: 3, column: "actor2", want: "'-unknown"},
		{name: "plus at start of source defused", row: 3, column: "source", want: "'+quoted; title (https://example.org/c?x=1,2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, ok := col[tt.column]
			if !ok {
				t.Fatalf("no column %q", tt.column)
			}
			if got := rows[tt.row][i]; got != tt.want {
				t.Fatalf("%s = %q, want %q", tt.column, got, tt.want)
			}
		})
	}
}

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+7", "'+7"},
		{"-cmd", "'-cmd"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := safeCell(tt.in); got != tt.want {
			t.Errorf("safeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVEmptyExportHasHeader(t *testing.T) {
	var buf bytes.Buffer
	if err := NewCSVWriter(&buf).Close(); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	if len(rows) != 1 || strings.Join(rows[0], ",") != strings.Join(CSVHeader(), ",") {
		t.Fatalf("want only the header, got %v", rows)
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

func columnIndex(header []string) map[string]int {
	m := make(map[string]int, len(header))
	for i, h := range header {
		m[h] = i
	}
	return m
}

func BenchmarkCSVWriter(b *testing.B) {
	inc := sampleIncidents()[0]
	w := NewCSVWriter(discard{})
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(inc); err != nil {
			b.Fatal(err)
		}
	}
	_ = w.Close()
}
