package server

import (
	"fmt"
	"net/http"
	"runtime"
	"testing"
)

// TestCacheKeepsNoMoreThanItsBound fills the response cache through the
// real router with many different pages, some gzipped, and checks that the
// heap it keeps alive stays near its nominal size (it was 2-3 times that:
// buffers kept their doubled capacity without being counted).
func TestCacheKeepsNoMoreThanItsBound(t *testing.T) {
	if testing.Short() {
		t.Skip("fills a cache")
	}
	const bound = 8 << 20
	s, _ := cachedServer(t, Config{CacheBytes: bound}, 3000)
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	for i := range 400 {
		req := newRequest(http.MethodGet, fmt.Sprintf("/collections/incidents/items?limit=%d&offset=%d", 40+i%300, i), nil)
		if i%2 == 0 {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		if rec := serveHTTP(s, req); rec.Code != http.StatusOK {
			t.Fatalf("status %d", rec.Code)
		}
	}
	kept := int64(heap()) - int64(before)
	n, counted := s.cache.stats()
	t.Logf("%d responses, %d bytes counted, %d bytes kept on the heap", n, counted, kept)
	if counted > bound {
		t.Fatalf("cache counts %d bytes, over its bound %d", counted, bound)
	}
	if kept > bound*5/4 {
		t.Fatalf("cache keeps %d bytes on the heap, over 1.25 x its bound %d", kept, bound)
	}
	runtime.KeepAlive(s)
}
