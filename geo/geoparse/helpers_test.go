package geoparse_test

import (
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

// mustParser returns a parser over the real bundled gazetteer.
func mustParser(tb testing.TB) *geoparse.Parser {
	tb.Helper()
	parserOnce.Do(func() {
		ix, err := gazetteer.LoadFile("../../data/gazetteer/places.tsv.gz")
		if err != nil {
			parserErr = err
			return
		}
		parser = geoparse.New(ix)
	})
	if parserErr != nil {
		tb.Fatal(parserErr)
	}
	return parser
}
