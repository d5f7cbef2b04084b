package gazetteer_test

import (
	"os"
	"sync"
	"testing"

	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

var (
	bundledOnce sync.Once
	bundled     *gazetteer.Index
	bundledErr  error
)

// mustBundled loads the real bundled gazetteer once for the package's tests.
func mustBundled(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	bundledOnce.Do(func() {
		f, err := os.Open("../../data/gazetteer/places.tsv.gz")
		if err != nil {
			bundledErr = err
			return
		}
		defer f.Close()
		bundled, bundledErr = gazetteer.Load(f)
	})
	if bundledErr != nil {
		tb.Fatal(bundledErr)
	}
	return bundled
}

func BenchmarkLoadBundled(b *testing.B) {
	for i := 0; i < b.N; i++ {
		f, err := os.Open("../../data/gazetteer/places.tsv.gz")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := gazetteer.Load(f); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}
