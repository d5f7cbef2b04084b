package geoparse_test

import (
	"compress/gzip"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/borders"
	"github.com/incidentmap/incidentmap/geo/geoparse"
	"github.com/incidentmap/incidentmap/geo/seedtest"
)

// Floors on the public development corpora (../shared/corpora), at the
// figures measured last (the fitted resolver, regions placed by their land,
// stray towns left out): quality may only go up.
var corpusFloors = []struct {
	file                   string
	f1, overFound, overAll float64
}{
	{"lgl-train.jsonl", 0.885, 0.89, 0.79},
	{"trnews-train.jsonl", 0.925, 0.925, 0.87},
	{"geovirus.jsonl", 0.915, 0.92, 0.87},
}

func TestPublicCorpora(t *testing.T) {
	p := mustParser(t)
	holds := mustCountryHolds(t)
	for _, c := range corpusFloors {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(seedtest.Shared(t, "corpora", c.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			docs, err := geoparse.ReadCorpus(f)
			if err != nil {
				t.Fatal(err)
			}
			s := geoparse.EvaluateCorpus(p.Parse, docs, holds, nil)
			t.Logf("%s: P %.3f R %.3f F1 %.3f; acc@161 %.3f over found, %.3f over all; median %.0f km, AUC %.3f",
				c.file, s.Precision, s.Recall, s.F1, s.Acc161Found, s.Acc161All, s.MedianKm, s.AUC)
			if s.F1 < c.f1 || s.Acc161Found < c.overFound || s.Acc161All < c.overAll {
				t.Errorf("below the floors F1 %.2f, over found %.2f, over all %.2f", c.f1, c.overFound, c.overAll)
			}
		})
	}
}

// TestEvaluateCorpusDefinitions scores a hand-made document whose answer is
// known: found by any occurrence, neutral strings neither credited nor
// charged, accuracy over found and over all, the median error.
func TestEvaluateCorpusDefinitions(t *testing.T) {
	text := "Rain fell on Springfield and Shelbyville. Quimby spoke. Springfield flooded."
	docs := []geoparse.CorpusDoc{{
		ID: "t", Text: text,
		Gold: []geoparse.CorpusGold{
			{Text: "Springfield", Lat: 39.80, Lon: -89.64},
			{Text: "Shelbyville", Lat: 39.41, Lon: -88.79},
			{Text: "Ogdenville", Lat: 40, Lon: -90}, // not in the text: never found
		},
		Neutral: []string{"Quimby"},
	}}
	at := func(s string) int { return strings.Index(text, s) }
	parse := func(string) []geo.Mention {
		return []geo.Mention{
			{Text: "Springfield", Start: at("Springfield"), End: at("Springfield") + 11, Lat: 39.80, Lon: -89.64},
			{Text: "Shelbyville", Start: at("Shelbyville"), End: at("Shelbyville") + 11, Lat: 45, Lon: -89}, // ~620 km off
			{Text: "Quimby", Start: at("Quimby"), End: at("Quimby") + 6},                                    // neutral
			{Text: "Rain", Start: 0, End: 4}, // spurious
		}
	}
	s := geoparse.EvaluateCorpus(parse, docs, nil, nil)
	if s.Gold != 3 || s.Found != 2 || s.Predicted != 3 || s.Credited != 2 {
		t.Fatalf("gold %d found %d predicted %d credited %d, want 3 2 3 2", s.Gold, s.Found, s.Predicted, s.Credited)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if !near(s.Precision, 2.0/3) || !near(s.Recall, 2.0/3) || !near(s.Acc161Found, 0.5) || !near(s.Acc161All, 1.0/3) {
		t.Errorf("P %.3f R %.3f over found %.3f over all %.3f", s.Precision, s.Recall, s.Acc161Found, s.Acc161All)
	}
	if s.MedianKm < 250 || s.MedianKm > 350 { // mean of 0 and ~620 km
		t.Errorf("median %.0f km, want about 310", s.MedianKm)
	}
	if s.AUC <= 0 || s.AUC >= 1 {
		t.Errorf("AUC %.3f outside (0, 1)", s.AUC)
	}
	// A country answer whose polygon holds the gold point is right.
	country := func(string) []geo.Mention {
		return []geo.Mention{{Text: "Shelbyville", Start: at("Shelbyville"), End: at("Shelbyville") + 11, FeatureCode: "PCLI", Country: "US", Lat: 45, Lon: -100}}
	}
	holds := func(code string, lat, lon float64) bool { return code == "US" }
	if s := geoparse.EvaluateCorpus(country, docs, holds, nil); s.Acc161Found != 1 {
		t.Errorf("a country holding the gold point scored %.2f over found, want 1", s.Acc161Found)
	}
}

func TestFittedWeightsTable(t *testing.T) {
	w := geoparse.FittedWeights()
	var b strings.Builder
	if err := geoparse.WriteWeights(&b, w, "round trip"); err != nil {
		t.Fatal(err)
	}
	back, err := geoparse.ReadWeights(strings.NewReader(b.String()))
	if err != nil || back != w {
		t.Fatalf("round trip: %v, equal %v", err, back == w)
	}
	for _, bad := range []string{"population_log10\t1\n", "nonsense\t1\n", strings.Replace(b.String(), "near\t", "near\tx", 1)} {
		if _, err := geoparse.ReadWeights(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted a bad table %q", bad[:min(40, len(bad))])
		}
	}
}

// mustCountryHolds reads the bundled country polygons.
func mustCountryHolds(tb testing.TB) geoparse.CountryHolds {
	tb.Helper()
	f, err := os.Open("../../data/gazetteer/countries.geojson.gz")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	b, err := borders.Parse(raw)
	if err != nil {
		tb.Fatal(err)
	}
	return b.Contains
}

// BenchmarkParseCorpus measures throughput on real news: the public LGL
// development corpus when present (one core: run with -cpu 1).
func BenchmarkParseCorpus(b *testing.B) {
	f, err := os.Open(seedtest.Shared(b, "corpora", "lgl-train.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	docs, err := geoparse.ReadCorpus(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	p := mustParser(b)
	total := 0
	for _, d := range docs {
		total += len(d.Text)
		p.Parse(d.Text) // warm the loose-key map and the caches
	}
	b.SetBytes(int64(total / len(docs)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Parse(docs[i%len(docs)].Text)
	}
}
