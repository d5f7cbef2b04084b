package gazetteer_test

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// A small GeoNames-format dump: two good rows, a comment, a blank line and
// three malformed lines (too few columns, a bad latitude, a bad id).
const dump = "# geonameid\tname\t...\n" +
	"9990001\tKalynove\tKalynove\tKalinovo,Калинове\t48.1\t37.6\tP\tPPL\tUA\t\t05\t1416\t\t\t250\t\t180\tEurope/Kyiv\t2024-01-01\n" +
	"\n" +
	"broken line with too few columns\n" +
	"9990002\tNowhere\tNowhere\t\t95.0\t10.0\tP\tPPL\tUA\t\t05\t\t\t\t0\t\t\tEurope/Kyiv\t2024-01-01\n" +
	"abc\tBadId\tBadId\t\t10\t10\tP\tPPL\tUA\t\t05\t\t\t\t0\t\t\tEurope/Kyiv\t2024-01-01\n" +
	"9990003\tTestville\tTestville\t\t50.5\t30.5\tP\tPPLA3\tUA\t\t13\t\t\t\t1200\t\t\tEurope/Kyiv\t2024-01-01\n"

func TestImportReportsMalformedLinesAndGoesOn(t *testing.T) {
	for _, compressed := range []bool{false, true} {
		path := writeDump(t, compressed)
		var got []geo.Place
		st, err := gazetteer.Import(path, gazetteer.ImportOptions{Sink: func(p geo.Place) error {
			got = append(got, p)
			return nil
		}})
		if err != nil {
			t.Fatal(err)
		}
		if st.Imported != 2 || len(got) != 2 || st.BadCount != 3 || st.Skipped != 2 {
			t.Fatalf("gzip=%v: imported %d, bad %d, skipped %d; want 2, 3, 2", compressed, st.Imported, st.BadCount, st.Skipped)
		}
		wantLines := []int{4, 5, 6}
		for i, b := range st.Bad {
			if b.Line != wantLines[i] {
				t.Errorf("bad line %d reported as line %d, want %d (%v)", i, b.Line, wantLines[i], b.Err)
			}
		}
		if got[0].Name != "Kalynove" || got[0].Admin1 != "05" || got[0].Admin2 != "1416" || got[0].GeonameID != 9990001 || len(got[0].AlternateNames) != 2 {
			t.Errorf("parsed row = %+v", got[0])
		}
	}
}

func TestImportedPlacesOverlayTheIndex(t *testing.T) {
	ix := gazetteer.New()
	_, err := gazetteer.ImportReader(strings.NewReader(dump), gazetteer.ImportOptions{Sink: func(p geo.Place) error {
		ix.Put(p)
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Kalynove", "Калинове", "Kalinovo"} {
		if c := ix.Lookup(gazetteer.Query{Name: name}); len(c) != 1 || c[0].GeonameID != 9990001 {
			t.Errorf("Lookup(%s) = %v, want the imported Kalynove", name, c)
		}
	}
	// Importing the same row again replaces it rather than adding a copy.
	p, _ := gazetteer.ParseGeoNamesLine(strings.Split(dump, "\n")[1])
	p.Lat = 48.2
	ix.Put(p)
	if c := ix.Lookup(gazetteer.Query{Name: "Kalynove"}); len(c) != 1 || c[0].Lat != 48.2 {
		t.Errorf("re-import: %v, want one entry at 48.2", c)
	}
}

func writeDump(t *testing.T, compressed bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "UA.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !compressed {
		f.WriteString(dump)
		return path
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(dump))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func FuzzParseGeoNamesLine(f *testing.F) {
	for _, line := range strings.Split(dump, "\n") {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		p, err := gazetteer.ParseGeoNamesLine(line)
		if err != nil {
			return
		}
		if p.Name == "" || p.Lat < -90 || p.Lat > 90 || p.Lon < -180 || p.Lon > 180 || p.GeonameID <= 0 {
			t.Fatalf("accepted an invalid row: %+v", p)
		}
	})
}

func BenchmarkImportLines(b *testing.B) {
	row := strings.Split(dump, "\n")[1] + "\n"
	text := strings.Repeat(row, 100000)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := gazetteer.ImportReader(strings.NewReader(text), gazetteer.ImportOptions{Sink: func(geo.Place) error { return nil }})
		if err != nil || st.Imported != 100000 {
			b.Fatal(err, st.Imported)
		}
	}
	b.ReportMetric(float64(b.N*100000)/b.Elapsed().Seconds(), "lines/s")
}
