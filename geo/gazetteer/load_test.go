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
)

// mustBundled opens the bundled gazetteer, packed as the binary embeds
// it, once for the package's tests.
func mustBundled(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	bundledOnce.Do(func() { bundled = mustOpenPacked(tb) })
	return bundled
}

// mustBundledFresh opens a private copy for tests that change the index.
func mustBundledFresh(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	return mustOpenPacked(tb)
}

// mustBundledText loads the bundled gazetteer from its rows instead.
func mustBundledText(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	ix, err := gazetteer.LoadFile(bundledPath)
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// bundledPath is the committed gazetteer, relative to this package.
const bundledPath = "../../data/gazetteer/places.tsv.gz"

// BenchmarkLoadBundled loads the gazetteer from its rows and looks one
// name up; heapMB is the heap in use after it, the index included.
func BenchmarkLoadBundled(b *testing.B) {
	benchmarkLoad(b, func() (*gazetteer.Index, error) { return gazetteer.LoadFile(bundledPath) })
}

// BenchmarkOpenPacked is the same for the packed index the binary embeds.
func BenchmarkOpenPacked(b *testing.B) {
	packed, err := os.ReadFile(packedPath)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkLoad(b, func() (*gazetteer.Index, error) { return gazetteer.Open(packed) })
}

func benchmarkLoad(b *testing.B, load func() (*gazetteer.Index, error)) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		ix, err := load()
		if err != nil {
			b.Fatal(err)
		}
		if got := ix.Find("Kharkiv", gazetteer.SearchOptions{Limit: 10}); len(got) == 0 {
			b.Fatal("Kharkiv not found")
		}
		if i == b.N-1 {
			b.StopTimer()
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.HeapAlloc-before.HeapAlloc)/(1<<20), "heapMB")
			runtime.KeepAlive(ix)
		}
	}
}
