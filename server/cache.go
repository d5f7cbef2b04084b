package server

import (
	"container/list"
	"net/http"
	"sync"
)

// DefaultCacheBytes bounds the response cache when Config.CacheBytes is 0.
const DefaultCacheBytes = 64 << 20

// cacheEntryOverhead is what an entry costs beyond its bodies and key: the
// list element, the map slot, the headers.
const cacheEntryOverhead = 512

// cachedResponse is one encoded GET response, valid while the store is at
// version gen.
type cachedResponse struct {
	key    string
	gen    int64
	status int
	header http.Header // what the handler set: Content-Type, Cache-Control
	body   []byte
	gzip   []byte // body gzipped, once a client that accepts gzip asked
	etag   string
}

// size is what the entry keeps in memory: the capacity of its buffers, not
// only the bytes in use, and its header values.
func (r *cachedResponse) size() int64 {
	n := len(r.key) + cap(r.body) + cap(r.gzip) + len(r.etag) + cacheEntryOverhead
	for k, vs := range r.header {
		n += len(k)
		for _, v := range vs {
			n += len(v)
		}
	}
	return int64(n)
}

// responseCache holds encoded responses for the current store version,
// least recently used first out when their bytes pass max. When the store
// version moves on, everything cached is dropped at once.
type responseCache struct {
	mu      sync.Mutex
	max     int64
	size    int64
	gen     int64
	lru     *list.List // of *cachedResponse, most recently used at the front
	byKey   map[string]*list.Element
	flights map[string]*flight
}

// flight is one response being computed; requests for the same key wait
// for it instead of computing it again.
type flight struct {
	done    chan struct{}
	resp    *cachedResponse // nil when the leader's response was not cacheable
	waiters int
}

func newResponseCache(maxBytes int64) *responseCache {
	return &responseCache{max: maxBytes, lru: list.New(), byKey: map[string]*list.Element{}, flights: map[string]*flight{}}
}

// advance drops everything when gen is newer than what is cached. It
// reports whether gen is current; a request that read an older version
// neither reads nor fills the cache. Called with mu held.
func (c *responseCache) advance(gen int64) bool {
	if gen < c.gen {
		return false
	}
	if gen > c.gen {
		c.lru.Init()
		clear(c.byKey)
		c.size = 0
		c.gen = gen
	}
	return true
}

// lookup returns the cached response for key at gen. Without one it either
// makes the caller the leader that computes it (lead true) or returns the
// flight to wait for.
func (c *responseCache) lookup(key string, gen int64) (resp *cachedResponse, wait *flight, lead bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.advance(gen) {
		return nil, nil, false
	}
	if el, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(el)
		return el.Value.(*cachedResponse), nil, false
	}
	if f, ok := c.flights[key]; ok {
		f.waiters++
		return nil, f, false
	}
	c.flights[key] = &flight{done: make(chan struct{})}
	return nil, nil, true
}

// finish ends the leader's flight for key, storing resp when it is not nil
// and still current, and wakes the waiters.
func (c *responseCache) finish(key string, gen int64, resp *cachedResponse) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.flights[key]; ok {
		f.resp = resp
		close(f.done)
		delete(c.flights, key)
	}
	if resp == nil || !c.advance(gen) || resp.size() > c.max/4 {
		return
	}
	if el, ok := c.byKey[key]; ok {
		c.size -= el.Value.(*cachedResponse).size()
		c.lru.Remove(el)
	}
	c.byKey[key] = c.lru.PushFront(resp)
	c.size += resp.size()
	c.evict()
}

// addGzip records the gzipped body of a cached response computed after it
// was stored.
func (c *responseCache) addGzip(resp *cachedResponse, gz []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if resp.gzip != nil {
		return
	}
	el, ok := c.byKey[resp.key]
	if !ok || el.Value.(*cachedResponse) != resp {
		return // evicted meanwhile: nothing to account for
	}
	resp.gzip = gz
	c.size += int64(cap(gz))
	c.evict()
}

// gzipped returns the gzipped body if it is already known.
func (c *responseCache) gzipped(resp *cachedResponse) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return resp.gzip
}

// evict drops least recently used responses until the cache fits. Called
// with mu held.
func (c *responseCache) evict() {
	for c.size > c.max {
		el := c.lru.Back()
		if el == nil {
			return
		}
		resp := el.Value.(*cachedResponse)
		c.lru.Remove(el)
		delete(c.byKey, resp.key)
		c.size -= resp.size()
	}
}

// waiting counts the requests waiting for another's response, for tests.
func (c *responseCache) waiting() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, f := range c.flights {
		n += f.waiters
	}
	return n
}

// stats reports the number of responses and bytes held, for tests.
func (c *responseCache) stats() (n int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len(), c.size
}
