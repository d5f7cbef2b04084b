package gazetteer_test

import (
	"os"
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

// mustBundledFresh loads a private copy for tests that change the index.
func mustBundledFresh(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	f, err := os.Open("../../data/gazetteer/places.tsv.gz")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	ix, err := gazetteer.Load(f)
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

func BenchmarkLoadBundled(b *testing.B) {
	for i := 0; i < b.N; i++ {
		f, err := os.Open("../../data/gazetteer/places.tsv.gz")
		if err != nil {
			b.Fatal(err)
		}
		ix, err := gazetteer.Load(f)
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
		if i == b.N-1 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heapMB")
			runtime.KeepAlive(ix)
		}
	}
}
