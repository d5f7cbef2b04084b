package geoparse_test

import (
	"os"
	"path/filepath"
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
		f, err := os.Open("../../data/gazetteer/places.tsv.gz")
		if err != nil {
			parserErr = err
			return
		}
		defer f.Close()
		ix, err := gazetteer.Load(f)
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

// seedPath finds the shared seed report beside the repository, if present.
func seedPath(tb testing.TB, name string) string {
	tb.Helper()
	dir, _ := filepath.Abs(".")
	for i := 0; i < 6; i++ {
		p := filepath.Join(dir, "shared", "seed", name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		dir = filepath.Dir(dir)
	}
	tb.Skipf("seed file %s not present", name)
	return ""
}
