package server

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// blockingStore answers Incidents only when release is closed, counting
// the queries running at once.
func blockingStore(release <-chan struct{}, running, peak *atomic.Int64) *fakeStore {
	all := sampleIncidents(50)
	return &fakeStore{IncidentsFn: func(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
		n := running.Add(1)
		defer running.Add(-1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		<-release
		return sliceStore(all).Incidents(ctx, f)
	}}
}

func TestHeavyRequestsAreBounded(t *testing.T) {
	release := make(chan struct{})
	var running, peak atomic.Int64
	deps := testDeps()
	deps.Store = blockingStore(release, &running, &peak)
	s := mustServer(t, Config{HeavyBudget: 100, HeavyWait: 30 * time.Millisecond, CacheBytes: -1}, deps)

	first := make(chan int)
	go func() { first <- serve(s, request{target: "/collections/incidents/items?limit=80"}).Code }()
	for running.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	rec := serve(s, request{target: "/collections/incidents/items?limit=30"})
	mustErrorBody(t, rec, http.StatusServiceUnavailable, "busy")
	if rec.Header().Get("Retry-After") == "" {
		t.Fatal("503 without Retry-After")
	}
	mustErrorBody(t, serve(s, request{target: "/api/export?format=csv"}), http.StatusServiceUnavailable, "busy")
	mustErrorBody(t, serve(s, request{target: "/tiles/incidents/4/9/5.mvt"}), http.StatusServiceUnavailable, "busy")
	close(release)
	if code := <-first; code != http.StatusOK {
		t.Fatalf("first request: %d", code)
	}
	if rec := serve(s, request{target: "/collections/incidents/items?limit=30"}); rec.Code != http.StatusOK {
		t.Fatalf("after the first finished: %d %s", rec.Code, rec.Body)
	}
	if s.limiter.inFlight() != 0 {
		t.Fatalf("weight %d still taken after every request ended", s.limiter.inFlight())
	}
}

// TestSixteenFullPagesRunTwoAtATime sends sixteen limit=10000 pages at
// once: with the default budget at most two are in the store (and in
// memory) together; the others wait their turn or are told to retry.
func TestSixteenFullPagesRunTwoAtATime(t *testing.T) {
	release := make(chan struct{})
	var running, peak atomic.Int64
	deps := testDeps()
	deps.Store = blockingStore(release, &running, &peak)
	s := mustServer(t, Config{HeavyWait: 200 * time.Millisecond, CacheBytes: -1}, deps)
	var wg sync.WaitGroup
	codes := make(chan int, 16)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- serve(s, request{target: "/collections/incidents/items?limit=10000&q=x" + string(rune('a'+i))}).Code
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	close(codes)
	ok, busy := 0, 0
	for c := range codes {
		switch c {
		case http.StatusOK:
			ok++
		case http.StatusServiceUnavailable:
			busy++
		default:
			t.Fatalf("status %d", c)
		}
	}
	if peak.Load() > 2 || ok < 2 {
		t.Fatalf("peak %d pages at once, %d ok, %d busy; want at most 2 at once", peak.Load(), ok, busy)
	}
}

func TestHeavyLimiterWaitsForRoom(t *testing.T) {
	l := newHeavyLimiter(10, time.Second)
	rel, ok := l.acquire(context.Background(), 10)
	if !ok {
		t.Fatal("first acquire failed")
	}
	go func() { time.Sleep(20 * time.Millisecond); rel() }()
	rel2, ok := l.acquire(context.Background(), 5)
	if !ok {
		t.Fatal("a waiter did not get the freed room")
	}
	rel2()
	big, ok := l.acquire(context.Background(), 1000) // larger than the budget: runs alone
	if !ok || l.inFlight() != 10 {
		t.Fatalf("an oversized request: ok %v, in flight %d", ok, l.inFlight())
	}
	big()
}
