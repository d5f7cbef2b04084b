package geoparse_test

import (
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo/geoparse"
)

// TestFitResolver fits on the project's gold corpus from a prior that
// prefers the smallest namesake: the fit must learn better choices, and two
// fits of the same data give the same weights.
func TestFitResolver(t *testing.T) {
	docs, err := geoparse.ReadGoldDir("testdata/news")
	if err != nil {
		t.Fatal(err)
	}
	p := mustParser(t)
	bad, err := geoparse.ReadWeights(strings.NewReader(strings.Replace(zeroTable(), "population_log10\t0", "population_log10\t-1", 1)))
	if err != nil {
		t.Fatal(err)
	}
	w1, rep := p.WithWeights(bad).FitResolver(docs, nil, bad, 2, 150)
	w2, _ := p.WithWeights(bad).FitResolver(docs, nil, bad, 2, 150)
	if w1 != w2 {
		t.Error("two fits of the same data differ")
	}
	if rep.Mentions == 0 {
		t.Fatal("no mention with a right and a wrong candidate")
	}
	if rep.After < rep.Before+0.1 {
		t.Errorf("the fit did not learn: %.3f before, %.3f after", rep.Before, rep.After)
	}
	t.Logf("%d mentions: %.3f before, %.3f after", rep.Mentions, rep.Before, rep.After)
}

// zeroTable is a weights table with every feature at 0.
func zeroTable() string {
	var b strings.Builder
	var zero geoparse.Weights
	if err := geoparse.WriteWeights(&b, zero, "zero"); err != nil {
		panic(err)
	}
	return b.String()
}
