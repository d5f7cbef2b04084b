package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// geoNamesRows returns n valid GeoNames rows with ids from 9990001.
func geoNamesRows(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%d\tPlace %d\tPlace %d\t\t48.1\t37.6\tP\tPPL\tUA\t\t05\t\t\t\t100\t\t\tEurope/Kyiv\t2024-01-01\n", 9990001+i, i, i)
	}
	return b.String()
}

// writeArchive writes text as name in dir, gzipped or zipped by its
// extension.
func writeArchive(t *testing.T, dir, name, text string) string {
	t.Helper()
	var b bytes.Buffer
	switch filepath.Ext(name) {
	case ".gz":
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(text))
		zw.Close()
	case ".zip":
		zw := zip.NewWriter(&b)
		w, _ := zw.Create("allCountries.txt")
		w.Write([]byte(text))
		zw.Close()
	default:
		b.WriteString(text)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestGazetteerImportArchives runs the import with the real GeoNames
// reader: the README's "import allCountries.zip" must import the rows, a
// truncated archive must fail naming the file, and the summary must count
// every malformed line, not only those listed.
func TestGazetteerImportArchives(t *testing.T) {
	good := geoNamesRows(3)
	malformed := strings.Repeat("not\ta\tGeoNames\trow\n", 250)
	tests := []struct {
		name     string
		file     string
		text     string
		truncate bool
		code     int
		stdout   string
		stderr   string
		imported int
	}{
		{"zip", "allCountries.zip", good, false, 0, "imported 3 places, skipped 0 malformed lines", "", 3},
		{"gzip", "UA.txt.gz", good, false, 0, "imported 3 places, skipped 0 malformed lines", "", 3},
		{"summary counts every malformed line", "UA.txt", good + malformed, false, 0, "imported 3 places, skipped 250 malformed lines", "150 more malformed lines not listed", 3},
		{"truncated gzip names the file", "UA.txt.gz", geoNamesRows(2000), true, 1, "", "UA.txt.gz", 0},
		{"truncated zip names the file", "allCountries.zip", geoNamesRows(2000), true, 1, "", "allCountries.zip", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t)
			ta.app.deps.readGeoNames = readGeoNames
			path := writeArchive(t, t.TempDir(), tt.file, tt.text)
			if tt.truncate {
				raw, _ := os.ReadFile(path)
				os.WriteFile(path, raw[:len(raw)/2], 0o644)
			}
			if code := ta.runArgs("gazetteer", "import", path); code != tt.code {
				t.Fatalf("exit %d, want %d; stdout %q stderr %q", code, tt.code, ta.stdout, ta.stderr)
			}
			if !strings.Contains(ta.stdout.String(), tt.stdout) || !strings.Contains(ta.stderr.String(), tt.stderr) {
				t.Fatalf("stdout %q, stderr %.500q; want %q and %q", ta.stdout, ta.stderr, tt.stdout, tt.stderr)
			}
			if tt.code != 0 && !strings.Contains(ta.stderr.String(), "truncated or corrupt") {
				t.Fatalf("stderr %q does not say the archive is damaged", ta.stderr)
			}
			if len(ta.store.places) != tt.imported {
				t.Fatalf("stored %d places, want %d", len(ta.store.places), tt.imported)
			}
		})
	}
}
