package gazetteer_test

import (
	"runtime"
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
		bundled, bundledErr = gazetteer.LoadFile(bundledPath)
	})
	if bundledErr != nil {
		tb.Fatal(bundledErr)
	}
	return bundled
}

// mustBundledFresh loads a private copy for tests that change the index.
func mustBundledFresh(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	ix, err := gazetteer.LoadFile(bundledPath)
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// bundledPath is the committed gazetteer, relative to this package.
const bundledPath = "../../data/gazetteer/places.tsv.gz"

func BenchmarkLoadBundled(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ix, err := gazetteer.LoadFile(bundledPath)
		if err != nil {
			b.Fatal(err)
		}
		if i == b.N-1 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heapMB")
			runtime.KeepAlive(ix)
		}
	}
}
