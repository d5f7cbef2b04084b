package geoparse_test

import (
	"errors"
	"os"
	"sync"
	"testing"

	"github.com/incidentmap/incidentmap/geo/gazetteer"
	"github.com/incidentmap/incidentmap/geo/geoparse"
)

var (
	parserOnce sync.Once
	parser     *geoparse.Parser
	parserErr  error
)

// mustParser returns a parser over the real bundled gazetteer, the packed
// index the binary carries (so benchmarks measure what ships).
func mustParser(tb testing.TB) *geoparse.Parser {
	tb.Helper()
	parserOnce.Do(func() {
		packed, err := os.ReadFile("../../data/gazetteer/places.idx")
		if err != nil {
			parserErr = err
			return
		}
		ix, err := gazetteer.Open(packed)
		if err != nil {
			parserErr = err
			return
		}
		words, werr := os.Open("../../data/gazetteer/english-words.txt.gz")
		names, nerr := os.Open("../../data/gazetteer/first-names.txt.gz")
		if werr != nil || nerr != nil {
			parserErr = errors.Join(werr, nerr)
			return
		}
		defer words.Close()
		defer names.Close()
		lex, err := geoparse.ReadLexicon(words, names)
		if err != nil {
			parserErr = err
			return
		}
		parser = geoparse.New(ix, lex)
	})
	if parserErr != nil {
		tb.Fatal(parserErr)
	}
	return parser
}
