package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/geoparse"
)

// evaluateGeoparser scores the geoparser on the bundled gazetteer alone
// (user entries would make scores differ between machines): on a
// directory of the project's gold files, or on a public JSON Lines corpus.
func (a *app) evaluateGeoparser(cfg Config, f geoparseFlags) error {
	info, err := os.Stat(f.eval)
	if err != nil {
		return usageErrorf("--eval: %v", err)
	}
	gz, err := a.deps.loadGazetteer(nil, false)
	if err != nil {
		return err
	}
	gp, err := a.deps.newGeoparser(gz)
	if err != nil {
		return err
	}
	if info.IsDir() {
		return a.evaluateDir(gp, f)
	}
	return a.evaluateCorpus(gp, f)
}

func (a *app) evaluateDir(gp geoparser, f geoparseFlags) error {
	s, err := geoparse.Evaluate(gp, f.eval)
	if err != nil {
		return err
	}
	if s.Articles == 0 {
		return usageErrorf("--eval %s: no *.gold.json files there", f.eval)
	}
	fmt.Fprintf(a.stdout, "articles %d, gold mentions %d, predicted %d, matched %d\n", s.Articles, s.Gold, s.Predicted, s.Matched)
	fmt.Fprintf(a.stdout, "recognition: precision %.3f recall %.3f F1 %.3f\n", s.Precision, s.Recall, s.F1)
	fmt.Fprintf(a.stdout, "resolution: accuracy@%dkm %.3f, exact entry %.3f\n", geoparse.AccuracyKm, s.Acc161, s.AccExact)
	if f.misses {
		fmt.Fprintln(a.stdout, strings.Join(s.Misses, "\n"))
	}
	return nil
}

func (a *app) evaluateCorpus(gp geoparser, f geoparseFlags) error {
	file, err := os.Open(f.eval)
	if err != nil {
		return err
	}
	defer file.Close()
	docs, err := geoparse.ReadCorpus(file)
	if err != nil {
		return fmt.Errorf("%s: %w", f.eval, err)
	}
	if len(docs) == 0 {
		return usageErrorf("--eval %s: no documents", f.eval)
	}
	holds, err := a.deps.countryHolds()
	if err != nil {
		return err
	}
	var keep func(geo.Mention) bool
	noDemonyms := func(m geo.Mention) bool { return m.Kind != geo.KindDemonym }
	switch {
	case f.noDemonyms:
		keep = noDemonyms
	case !annotatesDemonyms(gp, docs):
		keep = noDemonyms
		fmt.Fprintln(a.stderr, "note: no gold or neutral mention of this corpus is a demonym, so it does not annotate them: predicted demonyms are left out, as with --no-demonyms")
	}
	s := geoparse.EvaluateCorpus(gp.Parse, docs, holds, keep)
	fmt.Fprintf(a.stdout, "articles %d, gold %d, predicted %d (credited %d), found %d\n", s.Articles, s.Gold, s.Predicted, s.Credited, s.Found)
	fmt.Fprintf(a.stdout, "recognition: precision %.3f recall %.3f F1 %.3f\n", s.Precision, s.Recall, s.F1)
	fmt.Fprintf(a.stdout, "resolution: accuracy@%dkm %.3f over found, %.3f over all gold\n", geoparse.AccuracyKm, s.Acc161Found, s.Acc161All)
	fmt.Fprintf(a.stdout, "error: mean %.0f km, median %.1f km, AUC %.3f\n", s.MeanKm, s.MedianKm, s.AUC)
	if f.misses {
		fmt.Fprintln(a.stdout, strings.Join(s.Misses, "\n"))
	}
	return nil
}

// annotatesDemonyms reports whether any gold or neutral string of the
// corpus is, as a whole, a demonym ("Palestinian") as the geoparser reads one. LGL and
// TR-News mark them; a corpus that marks none (GeoVirus) leaves them out
// of its annotation, and a predicted one would count as a false place.
func annotatesDemonyms(gp geoparser, docs []geoparse.CorpusDoc) bool {
	seen := map[string]bool{}
	for _, d := range docs {
		texts := d.Neutral
		for _, g := range d.Gold {
			texts = append(texts, g.Text)
		}
		for _, t := range texts {
			if seen[t] {
				continue
			}
			seen[t] = true
			for _, m := range gp.Parse(t) {
				if m.Kind == geo.KindDemonym && m.Start == 0 && m.End == len(t) {
					return true // the whole string, not "European" of "European Union"
				}
			}
		}
	}
	return false
}
