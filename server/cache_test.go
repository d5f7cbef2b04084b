package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// versionedStore is a fake store that reports a version, so the server
// caches its responses, and counts the page queries it answers.
type versionedStore struct {
	*fakeStore
	mu      sync.Mutex
	all     []geo.Incident
	version int64
	queries atomic.Int64
}

func newVersionedStore(all []geo.Incident) *versionedStore {
	vs := &versionedStore{all: all, version: 1}
	vs.fakeStore = &fakeStore{IncidentsFn: func(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
		vs.queries.Add(1)
		vs.mu.Lock()
		all := vs.all
		vs.mu.Unlock()
		return sliceStore(all).Incidents(ctx, f)
	}}
	return vs
}

func (vs *versionedStore) Version(context.Context) (int64, error) {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	return vs.version, nil
}

// ingest adds incidents and moves the version on, as the real store does.
func (vs *versionedStore) ingest(incs ...geo.Incident) {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	vs.all = append(vs.all, incs...)
	vs.version++
}

func cachedServer(t *testing.T, cfg Config, n int) (*Server, *versionedStore) {
	t.Helper()
	vs := newVersionedStore(sampleIncidents(n))
	deps := testDeps()
	deps.Store = vs
	return mustServer(t, cfg, deps), vs
}

const itemsTarget = "/collections/incidents/items?bbox=36,47,39,49&limit=50"

func TestCachedResponseEqualsUncached(t *testing.T) {
	cached, vs := cachedServer(t, Config{}, 200)
	deps := testDeps()
	deps.Store = newVersionedStore(sampleIncidents(200))
	uncached := mustServer(t, Config{CacheBytes: -1}, deps)
	targets := []request{
		{target: itemsTarget},
		{target: itemsTarget, headers: map[string]string{"Accept": "application/json"}},
		{target: "/collections/incidents/items?limit=10&f=json"},
		{target: "/collections/incidents"},
		{target: "/collections"},
		{target: "/api/timeline"},
		{target: "/tiles/incidents/5/19/11.mvt"},
	}
	for _, r := range targets {
		t.Run(r.target, func(t *testing.T) {
			want := serve(uncached, r)
			first := serve(cached, r)
			before := vs.queries.Load()
			second := serve(cached, r)
			if want.Code != http.StatusOK || first.Code != http.StatusOK || second.Code != http.StatusOK {
				t.Fatalf("status %d, %d, %d; body %.200s", want.Code, first.Code, second.Code, want.Body)
			}
			if !bytes.Equal(first.Body.Bytes(), want.Body.Bytes()) || !bytes.Equal(second.Body.Bytes(), want.Body.Bytes()) {
				t.Fatalf("cached body differs from uncached:\n%.300s\n%.300s", second.Body, want.Body)
			}
			for _, h := range []string{"Content-Type", "Cache-Control", "Content-Security-Policy"} {
				if got := second.Header().Get(h); got != want.Header().Get(h) {
					t.Fatalf("%s = %q from the cache, %q uncached", h, got, want.Header().Get(h))
				}
			}
			if vs.queries.Load() != before {
				t.Fatalf("the second request reached the store")
			}
			if second.Header().Get("ETag") == "" {
				t.Fatalf("no ETag on a cached response")
			}
		})
	}
}

func TestCacheKeySeparatesRequests(t *testing.T) {
	s, _ := cachedServer(t, Config{}, 200)
	pairs := []struct {
		name string
		a, b request
	}{
		{"query", request{target: itemsTarget}, request{target: "/collections/incidents/items?bbox=36,47,39,49&limit=51"}},
		{"accept", request{target: itemsTarget}, request{target: itemsTarget, headers: map[string]string{"Accept": "application/json"}}},
		{"host", request{target: itemsTarget}, request{target: "http://localhost:8080" + itemsTarget}},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			a, b := serve(s, p.a), serve(s, p.b)
			if bytes.Equal(a.Body.Bytes(), b.Body.Bytes()) && a.Header().Get("Content-Type") == b.Header().Get("Content-Type") {
				t.Fatalf("two different requests got the same response")
			}
			if a.Header().Get("ETag") == b.Header().Get("ETag") {
				t.Fatalf("two different requests got the same ETag %s", a.Header().Get("ETag"))
			}
		})
	}
	// The same parameters in another order are the same request.
	a := serve(s, request{target: "/collections/incidents/items?limit=5&bbox=36,47,39,49"})
	b := serve(s, request{target: "/collections/incidents/items?bbox=36,47,39,49&limit=5"})
	if a.Header().Get("ETag") != b.Header().Get("ETag") {
		t.Fatalf("parameter order changed the ETag")
	}
}

func TestIngestBetweenRequestsChangesResponse(t *testing.T) {
	s, vs := cachedServer(t, Config{}, 20)
	var before, after featureCollection
	first := serve(s, request{target: itemsTarget})
	mustJSON(t, first, &before)
	extra := sampleIncidents(21)[20]
	extra.EventDate = "2024-05-01" // newest: first on the page
	vs.ingest(extra)
	second := serve(s, request{target: itemsTarget})
	mustJSON(t, second, &after)
	if after.NumberMatched != before.NumberMatched+1 || after.Features[0].ID != float64(extra.ID) {
		t.Fatalf("after ingest: matched %d (was %d), first id %v, want %d",
			after.NumberMatched, before.NumberMatched, after.Features[0].ID, extra.ID)
	}
	if first.Header().Get("ETag") == second.Header().Get("ETag") {
		t.Fatalf("the ETag did not change with the data")
	}
}

func TestNotModifiedOnMatchingETag(t *testing.T) {
	s, vs := cachedServer(t, Config{}, 20)
	first := serve(s, request{target: itemsTarget})
	etag := first.Header().Get("ETag")
	tests := []struct {
		name        string
		ifNoneMatch string
		ingest      bool
		want        int
	}{
		{"same tag", etag, false, http.StatusNotModified},
		{"strong form of the weak tag", strings.TrimPrefix(etag, "W/"), false, http.StatusNotModified},
		{"in a list", `"nope", ` + etag, false, http.StatusNotModified},
		{"other tag", `W/"nope"`, false, http.StatusOK},
		{"tag of data since changed", etag, true, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.ingest {
				vs.ingest(sampleIncidents(1)...)
			}
			before := vs.queries.Load()
			rec := serve(s, request{target: itemsTarget, headers: map[string]string{"If-None-Match": tt.ifNoneMatch}})
			if rec.Code != tt.want {
				t.Fatalf("status %d, want %d", rec.Code, tt.want)
			}
			if tt.want == http.StatusNotModified {
				if rec.Body.Len() != 0 || rec.Header().Get("ETag") != etag || vs.queries.Load() != before {
					t.Fatalf("304 with body %q, ETag %q, store queried %v", rec.Body, rec.Header().Get("ETag"), vs.queries.Load() != before)
				}
			}
		})
	}
}

func TestCachedResponseIsGzippedOnce(t *testing.T) {
	s, vs := cachedServer(t, Config{}, 500)
	plain := serve(s, request{target: itemsTarget})
	gz := map[string]string{"Accept-Encoding": "gzip"}
	for i := range 2 {
		rec := serve(s, request{target: itemsTarget, headers: gz})
		if rec.Header().Get("Content-Encoding") != "gzip" {
			t.Fatalf("request %d: Content-Encoding %q, want gzip", i, rec.Header().Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(body, plain.Body.Bytes()) {
			t.Fatalf("request %d: gunzipped body differs from the plain one", i)
		}
	}
	if plain.Header().Get("Content-Encoding") != "" {
		t.Fatalf("a client without gzip got Content-Encoding %q", plain.Header().Get("Content-Encoding"))
	}
	if n := vs.queries.Load(); n != 1 {
		t.Fatalf("store queried %d times, want 1", n)
	}
	if _, size := s.cache.stats(); size < int64(plain.Body.Len()) {
		t.Fatalf("cache holds %d bytes, less than the body", size)
	}
}

func TestErrorsAreNotCached(t *testing.T) {
	s, vs := cachedServer(t, Config{}, 20)
	vs.IncidentsFn = func(context.Context, geo.IncidentFilter) ([]geo.Incident, int, error) {
		vs.queries.Add(1)
		return nil, 0, errSecret
	}
	for range 2 {
		rec := serve(s, request{target: itemsTarget})
		mustErrorBody(t, rec, http.StatusInternalServerError, "internal")
		if rec.Header().Get("ETag") != "" {
			t.Fatalf("an error response has an ETag")
		}
	}
	if n := vs.queries.Load(); n != 2 {
		t.Fatalf("store queried %d times, want 2: a failure must not be cached", n)
	}
	mustErrorBody(t, serve(s, request{target: "/collections/incidents/items?bbox=1,2"}), http.StatusBadRequest, "bbox")
}

func TestConcurrentMissesQueryOnce(t *testing.T) {
	s, vs := cachedServer(t, Config{}, 200)
	release := make(chan struct{})
	inner := vs.IncidentsFn
	vs.IncidentsFn = func(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
		<-release
		return inner(ctx, f)
	}
	var wg sync.WaitGroup
	bodies := make([]string, 8)
	for i := range bodies {
		wg.Go(func() { bodies[i] = serve(s, request{target: itemsTarget}).Body.String() })
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.cache.waiting() < len(bodies)-1 {
		if time.Now().After(deadline) {
			t.Fatalf("only %d requests waiting for the first", s.cache.waiting())
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if n := vs.queries.Load(); n != 1 {
		t.Fatalf("store queried %d times by %d concurrent requests, want 1", n, len(bodies))
	}
	for i, b := range bodies {
		if b != bodies[0] || !strings.Contains(b, `"FeatureCollection"`) {
			t.Fatalf("response %d differs: %.100s", i, b)
		}
	}
}

func TestLRUEvictsLeastRecentlyUsedBySize(t *testing.T) {
	entry := func(key string, n int) *cachedResponse {
		return &cachedResponse{key: key, gen: 1, status: 200, body: make([]byte, n)}
	}
	one := entry("a", 1000).size()
	c := newResponseCache(4*one + one/2) // room for four: none is over a quarter
	for _, k := range []string{"a", "b", "c", "d"} {
		if _, _, lead := c.lookup(k, 1); !lead {
			t.Fatalf("%s: expected a miss", k)
		}
		c.finish(k, 1, entry(k, 1000))
	}
	if resp, _, _ := c.lookup("a", 1); resp == nil { // a is now the most recent
		t.Fatalf("a missing before any eviction")
	}
	c.lookup("e", 1)
	c.finish("e", 1, entry("e", 1000)) // pushes the cache past its size
	n, size := c.stats()
	if size > c.max {
		t.Fatalf("cache holds %d bytes, over its limit %d", size, c.max)
	}
	for key, want := range map[string]bool{"a": true, "b": false, "c": true, "d": true, "e": true} {
		resp, _, lead := c.lookup(key, 1)
		if got := resp != nil; got != want {
			t.Fatalf("%s cached = %v, want %v (%d entries)", key, got, want, n)
		}
		if lead {
			c.finish(key, 1, nil)
		}
	}
	c.lookup("huge", 1)
	c.finish("huge", 1, entry("huge", int(c.max/2)))
	if resp, _, lead := c.lookup("huge", 1); resp != nil || !lead {
		t.Fatalf("a response over a quarter of the cache was kept")
	}
	c.finish("huge", 1, nil)
	if resp, _, _ := c.lookup("a", 2); resp != nil {
		t.Fatalf("a newer version still sees old responses")
	}
	if n, size := c.stats(); n != 0 || size != 0 {
		t.Fatalf("after a version change: %d entries, %d bytes", n, size)
	}
}
