package contract

import (
	"sync"

	"github.com/incidentmap/incidentmap/geo"
)

// SourceCacheSize bounds the articles a SourceCache keeps (about 200 bytes
// each).
const SourceCacheSize = 4096

// SourceCache keeps the sources of the articles pages have read: pages of
// nearby incidents share their articles, and an article's row is never
// changed once stored. Reading them was a tenth of a new box's page on
// SQLite and a fifth on PostgreSQL. Entries belong to one store version
// (a store whose article ids cannot be reused may pass the same version
// always); a full cache, or a newer version, starts over.
type SourceCache struct {
	mu   sync.Mutex
	gen  int64
	byID map[int64]geo.Source
}

// NewSourceCache returns an empty cache.
func NewSourceCache() *SourceCache { return &SourceCache{byID: map[int64]geo.Source{}} }

// Read returns the sources of ids for a page read at version gen: what is
// cached, and the rest from read, which it then keeps.
func (c *SourceCache) Read(gen int64, ids map[int64]bool, read func(missing map[int64]bool) (map[int64]geo.Source, error)) (map[int64]geo.Source, error) {
	out := make(map[int64]geo.Source, len(ids))
	missing := map[int64]bool{}
	c.mu.Lock()
	for id := range ids {
		if src, ok := c.byID[id]; ok && c.gen == gen {
			out[id] = src
		} else {
			missing[id] = true
		}
	}
	c.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	got, err := read(missing)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen > c.gen || len(c.byID)+len(got) > SourceCacheSize {
		clear(c.byID)
		c.gen = max(c.gen, gen)
	}
	for id, src := range got {
		out[id] = src
		if c.gen == gen && len(c.byID) < SourceCacheSize {
			c.byID[id] = src
		}
	}
	return out, nil
}
