package incident

import (
	"errors"
	"os"
	"sync"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
	"github.com/incidentmap/incidentmap/geo/geoparse"
)

var (
	realParserOnce sync.Once
	realParser     *geoparse.Parser
	realParserErr  error
)

// mustRealParser returns the geoparser over the bundled gazetteer, as the
// binary builds it, loaded once for all tests of the package.
func mustRealParser(tb testing.TB) *geoparse.Parser {
	tb.Helper()
	realParserOnce.Do(func() {
		ix, err := gazetteer.LoadFile("../../data/gazetteer/places.tsv.gz")
		if err != nil {
			realParserErr = err
			return
		}
		words, werr := os.Open("../../data/gazetteer/english-words.txt.gz")
		names, nerr := os.Open("../../data/gazetteer/first-names.txt.gz")
		if werr != nil || nerr != nil {
			realParserErr = errors.Join(werr, nerr)
			return
		}
		defer words.Close()
		defer names.Close()
		lex, err := geoparse.ReadLexicon(words, names)
		if err != nil {
			realParserErr = err
			return
		}
		realParser = geoparse.New(ix, lex)
	})
	if realParserErr != nil {
		tb.Fatal(realParserErr)
	}
	return realParser
}

// extractReal runs the whole pipeline (real geoparser, default extractor).
func extractReal(tb testing.TB, a geo.Article) []geo.Incident {
	tb.Helper()
	return Extract(a, mustRealParser(tb).Parse(a.Text))
}
