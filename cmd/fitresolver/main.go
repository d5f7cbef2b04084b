// Command fitresolver fits the geoparser's resolver weights on gold
// corpora and writes them as the table the geoparser embeds
// (geo/geoparse/resolver_weights.tsv). `make train` runs it on the
// public development corpora in ../shared/corpora and the project's own
// gold corpus; the same inputs give the same table.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/incidentmap/incidentmap/data"
	"github.com/incidentmap/incidentmap/geo/borders"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
	"github.com/incidentmap/incidentmap/geo/geoparse"
)

func main() {
	out := flag.String("out", "geo/geoparse/resolver_weights.tsv", "where to write the weights table")
	own := flag.String("own", "geo/geoparse/testdata/news", "the project's gold corpus (a directory), or empty")
	priorPath := flag.String("prior", "geo/geoparse/resolver_prior.tsv", "the hand-set weights the fit starts from and is pulled back to")
	ownWeight := flag.Int("own-weight", 3, "how many times the own corpus counts: it is the product's domain (conflict reports) and judges exact entries")
	rounds := flag.Int("rounds", 3, "rounds of re-resolving the documents with the new weights")
	iters := flag.Int("iters", 400, "gradient steps a round")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: fitresolver [flags] CORPUS.jsonl...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(flag.Args(), *priorPath, *own, *ownWeight, *out, *rounds, *iters); err != nil {
		fmt.Fprintln(os.Stderr, "fitresolver:", err)
		os.Exit(1)
	}
}

func run(corpora []string, priorPath, own string, ownWeight int, out string, rounds, iters int) error {
	if len(corpora) == 0 {
		return fmt.Errorf("no corpus given")
	}
	parser, holds, err := load()
	if err != nil {
		return err
	}
	var docs []geoparse.CorpusDoc
	var sources []string
	for _, path := range corpora {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		d, err := geoparse.ReadCorpus(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		docs = append(docs, d...)
		sources = append(sources, fmt.Sprintf("%s (%d articles)", filepath.Base(path), len(d)))
	}
	if own != "" {
		d, err := geoparse.ReadGoldDir(own)
		if err != nil {
			return err
		}
		for range ownWeight {
			docs = append(docs, d...)
		}
		sources = append(sources, fmt.Sprintf("%s (%d articles, counted %d times, exact entries)", own, len(d), ownWeight))
	}
	pf, err := os.Open(priorPath)
	if err != nil {
		return err
	}
	prior, err := geoparse.ReadWeights(pf)
	pf.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", priorPath, err)
	}
	w, rep := parser.FitResolver(docs, holds, prior, rounds, iters)
	header := fmt.Sprintf(`Resolver weights, fitted by cmd/fitresolver (make train): conditional logit
over each mention's candidates, %d rounds of %d gradient steps from the prior
(resolver_prior.tsv), with an L2 pull back to it. Data: %s.
Mentions with a right and a wrong candidate: %d; top candidate right before
the fit %.3f, after %.3f.`, rounds, iters, strings.Join(sources, ", "), rep.Mentions, rep.Before, rep.After)
	var b bytes.Buffer
	if err := geoparse.WriteWeights(&b, w, header); err != nil {
		return err
	}
	fmt.Print(b.String())
	return os.WriteFile(out, b.Bytes(), 0o644)
}

// load builds the parser over the bundled gazetteer and lexicon, and the
// country polygons that credit a country answer.
func load() (*geoparse.Parser, geoparse.CountryHolds, error) {
	ix, err := gazetteer.Open(data.GazetteerIndex())
	if err != nil {
		return nil, nil, err
	}
	words, names, err := data.Lexicon()
	if err != nil {
		return nil, nil, err
	}
	defer words.Close()
	defer names.Close()
	lex, err := geoparse.ReadLexicon(words, names)
	if err != nil {
		return nil, nil, err
	}
	raw, err := data.Basemap()
	if err != nil {
		return nil, nil, err
	}
	b, err := borders.Parse(raw)
	if err != nil {
		return nil, nil, err
	}
	return geoparse.New(ix, lex), b.Contains, nil
}
