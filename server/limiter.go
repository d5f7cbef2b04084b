package server

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// Heavy requests (item pages, exports, vector tiles) hold their features in memory while
// they are encoded, so what the server holds grows with the features in
// flight, not with the number of requests. The limiter bounds that sum:
// a request takes a weight (its page size) and waits a little for room;
// when there is none, it is answered 503 with Retry-After.

// Defaults for Config.HeavyBudget and Config.HeavyWait.
const (
	DefaultHeavyBudget = 2 * limitMax // two full pages of features at once
	DefaultHeavyWait   = 5 * time.Second
)

// retryAfterSeconds is what a client told to come back waits.
const retryAfterSeconds = 1

// heavyLimiter is a weighted semaphore without a queue: waiters retry
// whenever weight is released, until their wait ends.
type heavyLimiter struct {
	mu    sync.Mutex
	used  int
	max   int
	wait  time.Duration
	freed chan struct{} // closed and replaced on every release
}

func newHeavyLimiter(max int, wait time.Duration) *heavyLimiter {
	return &heavyLimiter{max: max, wait: wait, freed: make(chan struct{})}
}

// acquire takes weight n (at most the whole budget, so any one request can
// run alone) and returns its release, or false when no room came within
// the wait or ctx ended.
func (l *heavyLimiter) acquire(ctx context.Context, n int) (func(), bool) {
	n = min(max(n, 1), l.max)
	timer := time.NewTimer(l.wait)
	defer timer.Stop()
	for {
		l.mu.Lock()
		if l.used+n <= l.max {
			l.used += n
			l.mu.Unlock()
			return func() { l.release(n) }, true
		}
		freed := l.freed
		l.mu.Unlock()
		select {
		case <-freed:
		case <-timer.C:
			return nil, false
		case <-ctx.Done():
			return nil, false
		}
	}
}

func (l *heavyLimiter) release(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.used -= n
	close(l.freed)
	l.freed = make(chan struct{})
}

// inFlight is the weight taken, for tests.
func (l *heavyLimiter) inFlight() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.used
}

// heavy takes weight n for the rest of the request, or answers 503 with
// Retry-After. The caller defers the release.
func (s *Server) heavy(c echo.Context, n int) (func(), error) {
	release, ok := s.limiter.acquire(c.Request().Context(), n)
	if !ok {
		c.Response().Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds))
		return nil, echo.NewHTTPError(http.StatusServiceUnavailable,
			"the server is busy with other large requests; retry in a moment, or ask for a smaller limit")
	}
	return release, nil
}
