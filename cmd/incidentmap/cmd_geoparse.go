package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/geoparse"
)

func geoparseHelp() helpText {
	return helpText{
		usage: "geoparse [flags] [FILE]",
		about: `Finds and resolves the place names in an article's text (standard input,
or FILE) and writes one JSON object {"places": [...]}: for each mention its
text, byte offsets start/end into the input, the resolved name, geonameid,
feature_code, country (ISO 3166-1 alpha-2), admin1, admin1_name, lat, lon,
precision (ACLED geo-precision 1-3) and confidence. User gazetteer entries
in the store (--db) are used when the store exists.`,
		examples: []string{
			"incidentmap geoparse < report.txt",
			"incidentmap geoparse report.txt | jq -r '.places[] | \"\\(.text)\\t\\(.lat),\\(.lon)\"'",
			"incidentmap geoparse --eval geo/geoparse/testdata/news",
		},
	}
}

// maxGeoparseBytes bounds the text geoparse reads.
const maxGeoparseBytes = 16 << 20

func (a *app) cmdGeoparse(cfg Config, args []string) error {
	fs := newFlagSet("geoparse")
	registerConfigFlags(fs, &cfg, flagsDB)
	indent := fs.Bool("indent", false, "indent the JSON for reading")
	evalDir := fs.String("eval", "", "score the geoparser on a gold corpus `dir` (NN-name.txt + NN-name.gold.json) instead")
	rest, err := a.parseFlags(fs, args, geoparseHelp())
	if err != nil {
		return err
	}
	if *evalDir != "" {
		return a.evaluateGeoparser(cfg, *evalDir)
	}
	if len(rest) > 1 {
		return usageErrorf("want at most one FILE, got %d", len(rest))
	}
	text, err := a.readText(rest)
	if err != nil {
		return err
	}
	gz, err := a.readGazetteer(cfg.DB)
	if err != nil {
		return err
	}
	gp, err := a.deps.newGeoparser(gz)
	if err != nil {
		return err
	}
	places := gp.Parse(text)
	if places == nil {
		places = []geo.Mention{}
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	if *indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(struct {
		Places []geo.Mention `json:"places"`
	}{places})
}

// readText reads standard input or the one named file as UTF-8 text.
func (a *app) readText(args []string) (string, error) {
	r, name := a.stdin, "standard input"
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return "", err
		}
		defer f.Close()
		r, name = f, args[0]
	}
	b, err := io.ReadAll(io.LimitReader(r, maxGeoparseBytes+1))
	switch {
	case err != nil:
		return "", fmt.Errorf("%s: %w", name, err)
	case len(b) > maxGeoparseBytes:
		return "", fmt.Errorf("%s: larger than %d MiB", name, maxGeoparseBytes>>20)
	case !utf8.Valid(b):
		return "", fmt.Errorf("%s: not valid UTF-8 text", name)
	}
	return string(b), nil
}

// readGazetteer loads the gazetteer with the user's entries from the store
// at db, for commands that only read it.
func (a *app) readGazetteer(db string) (gazetteer, error) {
	user, err := a.userPlacesIfStoreExists(db)
	if err != nil {
		return nil, err
	}
	return a.deps.loadGazetteer(user)
}

// userPlacesIfStoreExists reads the user's gazetteer entries without
// creating a store as a side effect of a read-only command.
func (a *app) userPlacesIfStoreExists(path string) ([]geo.Place, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, nil
	}
	st, err := a.deps.openStore(path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.UserPlaces(a.ctx)
}

// evaluateGeoparser prints recognition precision, recall and F1 and
// resolution accuracy on a gold corpus.
func (a *app) evaluateGeoparser(cfg Config, dir string) error {
	gz, err := a.deps.loadGazetteer(nil)
	if err != nil {
		return err
	}
	gp, err := a.deps.newGeoparser(gz)
	if err != nil {
		return err
	}
	s, err := geoparse.Evaluate(gp, dir)
	if err != nil {
		return err
	}
	if s.Articles == 0 {
		return usageErrorf("--eval %s: no *.gold.json files there", dir)
	}
	fmt.Fprintf(a.stdout, "articles %d, gold mentions %d, predicted %d, matched %d\n", s.Articles, s.Gold, s.Predicted, s.Matched)
	fmt.Fprintf(a.stdout, "recognition: precision %.3f recall %.3f F1 %.3f\n", s.Precision, s.Recall, s.F1)
	fmt.Fprintf(a.stdout, "resolution: accuracy@%dkm %.3f, exact entry %.3f\n", geoparse.AccuracyKm, s.Acc161, s.AccExact)
	return nil
}
