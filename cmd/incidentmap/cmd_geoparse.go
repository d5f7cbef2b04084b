package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
)

func geoparseHelp() helpText {
	return helpText{
		usage: "geoparse [flags] [FILE]",
		about: `Finds and resolves the place names in an article's text (standard input,
or FILE) and writes one JSON object {"places": [...], "unresolved": [...]}:
for each place its text, byte offsets start/end into the input, the resolved
name, geonameid, feature_code, country (ISO 3166-1 alpha-2), admin1,
admin1_name, lat, lon, precision (ACLED geo-precision 1-3), confidence, and
kind "demonym" for a country named through its people ("Palestinian").
"unresolved" lists names the text marks as places that the gazetteer does
not hold, with the larger region they lie in (or null).

With --jsonl the input is JSON Lines, one {"id": ..., "text": ...} a line,
and the output one {"id", "places", "unresolved"} a line, in the same order;
the gazetteer is loaded once. --explain adds to each place "weighed": the
candidates the resolver weighed, best first, each with its score and the
evidence behind it (each feature's weighted contribution, from the weights
in geo/geoparse/resolver_weights.tsv).

With --eval the command scores the geoparser instead: on a directory of
NN-name.txt + NN-name.gold.json files (the project's own corpus), or on a
JSON Lines corpus in the public format of ../shared/corpora (recognition
precision, recall and F1; accuracy@161 km over found and over all gold;
mean and median error; AUC). User gazetteer entries in the store (--db) are
used when the store exists.`,
		examples: []string{
			"incidentmap geoparse < report.txt",
			"incidentmap geoparse report.txt | jq -r '.places[] | \"\\(.text)\\t\\(.lat),\\(.lon)\"'",
			"incidentmap geoparse --jsonl < articles.jsonl > places.jsonl",
			"incidentmap geoparse --eval geo/geoparse/testdata/news",
			"incidentmap geoparse --eval ../shared/corpora/lgl-train.jsonl --misses",
		},
	}
}

// maxGeoparseBytes bounds the text geoparse reads.
const maxGeoparseBytes = 16 << 20

type geoparseFlags struct {
	indent, jsonl      bool
	explain            bool
	eval               string
	noDemonyms, misses bool
}

func (a *app) cmdGeoparse(cfg Config, args []string) error {
	fs := newFlagSet("geoparse")
	registerConfigFlags(fs, &cfg, flagsDB)
	var f geoparseFlags
	fs.BoolVar(&f.indent, "indent", false, "indent the JSON for reading")
	fs.BoolVar(&f.jsonl, "jsonl", false, "read JSON Lines {\"id\",\"text\"} and write one result a line")
	fs.BoolVar(&f.explain, "explain", false, "add to each place the candidates weighed, with their scores and evidence")
	fs.StringVar(&f.eval, "eval", "", "score the geoparser on a gold corpus: a `dir` of NN-name.txt + .gold.json, or a .jsonl file")
	fs.BoolVar(&f.noDemonyms, "no-demonyms", false, "with --eval on a .jsonl corpus: leave demonym mentions out of the predictions (done without asking when no gold or neutral string of the corpus is a demonym)")
	fs.BoolVar(&f.misses, "misses", false, "with --eval: list every miss, wrong answer and spurious mention")
	rest, err := a.parseFlags(fs, args, geoparseHelp())
	if err != nil {
		return err
	}
	if f.eval != "" {
		return a.evaluateGeoparser(cfg, f)
	}
	if len(rest) > 1 {
		return usageErrorf("want at most one FILE, got %d", len(rest))
	}
	gp, err := a.loadGeoparser(cfg.DB)
	if err != nil {
		return err
	}
	if f.jsonl {
		r, closeIn, err := a.openInput(rest)
		if err != nil {
			return err
		}
		defer closeIn()
		return geoparseLines(gp, r, a.stdout, f.explain)
	}
	text, err := a.readText(rest)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	if f.indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(geoparseOne(gp, text, f.explain))
}

// geoparseOne parses one text, with the resolver's reasons when asked.
func geoparseOne(gp geoparser, text string, explain bool) geo.Geoparse {
	res := gp.Geoparse(text)
	if explain {
		res.Places = gp.Explain(text)
	}
	return res
}

// loadGeoparser builds the geoparser over the gazetteer with the user's
// entries from the store at db.
func (a *app) loadGeoparser(db string) (geoparser, error) {
	gz, err := a.readGazetteer(db, false)
	if err != nil {
		return nil, err
	}
	return a.deps.newGeoparser(gz)
}

// geoparseLines is the batch form: one {"id","text"} a line in, one
// {"id","places","unresolved"} a line out, in order. A line that is not
// such an object stops the run with its line number.
func geoparseLines(gp geoparser, r io.Reader, w io.Writer, explain bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxGeoparseBytes+1)
	out := bufio.NewWriter(w)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(trimSpace(line)) == 0 {
			continue
		}
		var in struct {
			ID   json.RawMessage `json:"id"`
			Text *string         `json:"text"`
		}
		if err := json.Unmarshal(line, &in); err != nil {
			out.Flush() // the lines before stay written
			return fmt.Errorf("line %d: not a JSON object: %v", n, err)
		}
		if in.Text == nil {
			out.Flush()
			return fmt.Errorf("line %d: no \"text\" field", n)
		}
		if in.ID == nil {
			in.ID = json.RawMessage("null")
		}
		res := geoparseOne(gp, *in.Text, explain)
		if err := enc.Encode(struct {
			ID         json.RawMessage  `json:"id"`
			Places     []geo.Mention    `json:"places"`
			Unresolved []geo.Unresolved `json:"unresolved"`
		}{in.ID, res.Places, res.Unresolved}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		out.Flush()
		if err == bufio.ErrTooLong {
			return fmt.Errorf("a line is longer than %d MiB", maxGeoparseBytes>>20)
		}
		return err
	}
	return out.Flush()
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	return b
}

// openInput opens the one named file, or standard input.
func (a *app) openInput(args []string) (io.Reader, func(), error) {
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close() }, nil
	}
	return a.stdin, func() {}, nil
}

// readText reads standard input or the one named file as UTF-8 text.
func (a *app) readText(args []string) (string, error) {
	r, closeIn, err := a.openInput(args)
	if err != nil {
		return "", err
	}
	defer closeIn()
	name := "standard input"
	if len(args) == 1 && args[0] != "-" {
		name = args[0]
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
// at db, for commands that only read it; search asks for autocomplete.
func (a *app) readGazetteer(db string, search bool) (gazetteer, error) {
	user, err := a.userPlacesIfStoreExists(db)
	if err != nil {
		return nil, err
	}
	return a.deps.loadGazetteer(user, search)
}

// userPlacesIfStoreExists reads the user's gazetteer entries without
// creating a store file as a side effect of a read-only command. A
// database URL is always opened: the server decides whether it exists.
func (a *app) userPlacesIfStoreExists(path string) ([]geo.Place, error) {
	if _, err := os.Stat(path); err != nil && !isDatabaseURL(path) {
		return nil, nil
	}
	st, err := a.deps.openStore(path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.UserPlaces(a.ctx)
}
