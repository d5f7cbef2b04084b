package gazetteer_test

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// gzipped returns text compressed with gzip.
func gzipped(tb testing.TB, text string) []byte {
	tb.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := io.WriteString(zw, text); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// zipped returns a zip archive of the named files, in order.
func zipped(tb testing.TB, files ...string) []byte {
	tb.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(files); i += 2 {
		w, err := zw.Create(files[i])
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := io.WriteString(w, files[i+1]); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// corrupted flips bytes in the middle of the compressed data.
func corrupted(b []byte, at int) []byte {
	c := bytes.Clone(b)
	for i := at; i < at+4 && i < len(c); i++ {
		c[i] ^= 0xff
	}
	return c
}

func TestImportArchives(t *testing.T) {
	gz := gzipped(t, dump)
	zp := zipped(t, "readme.txt", "GeoNames readme\n", "UA.txt", dump)
	tests := []struct {
		name     string
		file     []byte
		imported int
		wantErr  string
	}{
		{"plain text", []byte(dump), 2, ""},
		{"gzip", gz, 2, ""},
		{"zip with a readme before the dump", zp, 2, ""},
		{"zip with the dump in a folder", zipped(t, "dump/UA.txt", dump), 2, ""},
		{"truncated gzip", gz[:len(gz)*2/3], -1, "gzip archive is truncated or corrupt"},
		{"gzip cut inside its header", gz[:5], -1, "gzip archive is truncated or corrupt"},
		{"corrupt gzip", corrupted(gz, len(gz)/2), -1, "gzip archive is truncated or corrupt"},
		{"truncated zip", zp[:len(zp)*2/3], -1, "zip archive is truncated or corrupt"},
		{"zip with no text file", zipped(t, "UA.csv", dump), -1, "no .txt file"},
		{"binary that is no dump", bytes.Repeat([]byte{0x00, 0x17, 0xfe, '\n'}, 50), -1, "none of the 50 lines"},
		{"empty file", nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "dump")
			if err := os.WriteFile(path, tt.file, 0o644); err != nil {
				t.Fatal(err)
			}
			st, err := gazetteer.Import(path, gazetteer.ImportOptions{Sink: func(geo.Place) error { return nil }})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one with %q (imported %d)", err, tt.wantErr, st.Imported)
				}
				return
			}
			if err != nil || st.Imported != tt.imported {
				t.Fatalf("imported %d, error %v; want %d, nil", st.Imported, err, tt.imported)
			}
		})
	}
}

// A corrupt zip entry fails on its checksum at the end of the data.
func TestImportZipChecksum(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "UA.txt", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, dump)
	zw.Close()
	raw := b.Bytes()
	at := bytes.Index(raw, []byte("Kalynove"))
	raw[at] = 'X' // stored, so the text is there to change
	path := filepath.Join(t.TempDir(), "UA.zip")
	os.WriteFile(path, raw, 0o644)
	_, err = gazetteer.Import(path, gazetteer.ImportOptions{Sink: func(geo.Place) error { return nil }})
	if err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("error %v, want a checksum error", err)
	}
}

func TestImportReaderZipFromAStreamIsAClearError(t *testing.T) {
	r := io.MultiReader(bytes.NewReader(zipped(t, "UA.txt", dump))) // a stream, not a file
	_, err := gazetteer.ImportReader(r, gazetteer.ImportOptions{Sink: func(geo.Place) error { return nil }})
	if err == nil || !strings.Contains(err.Error(), "cannot be read from a stream") {
		t.Fatalf("error %v", err)
	}
	st, err := gazetteer.ImportReader(bytes.NewReader(zipped(t, "UA.txt", dump)), gazetteer.ImportOptions{Sink: func(geo.Place) error { return nil }})
	if err != nil || st.Imported != 2 {
		t.Fatalf("from a bytes.Reader: imported %d, error %v", st.Imported, err)
	}
}

// FuzzImportReader feeds arbitrary bytes, plain or as the content of a
// gzip or zip archive, to the import: it must never panic, never hand the
// sink an invalid row, and count every line it reads.
func FuzzImportReader(f *testing.F) {
	f.Add([]byte(dump), uint8(0))
	f.Add([]byte(dump), uint8(1))
	f.Add([]byte(dump), uint8(2))
	f.Add(gzipped(f, dump)[:40], uint8(0))
	f.Add([]byte("PK\x03\x04garbage"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, wrap uint8) {
		switch wrap % 3 {
		case 1:
			data = gzipped(t, string(data))
		case 2:
			data = zipped(t, "x.txt", string(data))
		}
		st, err := gazetteer.ImportReader(bytes.NewReader(data), gazetteer.ImportOptions{Sink: func(p geo.Place) error {
			if p.Name == "" || p.GeonameID <= 0 || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 {
				t.Fatalf("sink got an invalid row %+v", p)
			}
			return nil
		}})
		if err == nil && st.Imported+st.Skipped+st.BadCount != st.Lines {
			t.Fatalf("lines %d != imported %d + skipped %d + bad %d", st.Lines, st.Imported, st.Skipped, st.BadCount)
		}
		if len(st.Bad) > st.BadCount {
			t.Fatalf("%d bad lines kept, %d counted", len(st.Bad), st.BadCount)
		}
	})
}
