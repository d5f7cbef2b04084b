package store

import (
	"sync"
)

// countCacheSize bounds how many counts a Store remembers per version.
const countCacheSize = 1024

// countCache remembers numberMatched totals for the current store version:
// paging through a large box, or asking again with another limit, then
// counts once. Everything is dropped when the version moves on.
type countCache struct {
	mu     sync.Mutex
	gen    int64
	counts map[string]int
	size   int
}

func newCountCache(size int) *countCache {
	return &countCache{counts: map[string]int{}, size: size}
}

func (c *countCache) get(gen int64, key string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return 0, false
	}
	n, ok := c.counts[key]
	return n, ok
}

// put stores n for key at version gen. A count computed under an older
// version is dropped; a full cache starts over, which is simpler than LRU
// and rare at this size.
func (c *countCache) put(gen int64, key string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return
	}
	if gen > c.gen || len(c.counts) >= c.size {
		clear(c.counts)
		c.gen = gen
	}
	c.counts[key] = n
}

// cached returns the count under key at version gen, computing and keeping
// it on a miss.
func (c *countCache) cached(gen int64, key string, count func() (int, error)) (int, error) {
	if n, ok := c.get(gen, key); ok {
		return n, nil
	}
	n, err := count()
	if err != nil {
		return 0, err
	}
	c.put(gen, key, n)
	return n, nil
}
