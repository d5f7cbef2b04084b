package store

import (
	"context"
	"sync"

	"github.com/incidentmap/incidentmap/geo"
)

// articleCacheSize bounds the articles kept (about 200 bytes each).
const articleCacheSize = 4096

// articleCache keeps the sources of the articles pages have read, for the
// current store version: pages of nearby incidents share their articles,
// and an article's row is never changed once stored. Reading them was a
// tenth of a new box's page. A full cache, or a new version, starts over.
type articleCache struct {
	mu   sync.Mutex
	gen  int64
	byID map[int64]geo.Source
}

func newArticleCache() *articleCache { return &articleCache{byID: map[int64]geo.Source{}} }

// reader returns an articleSources for pages read at version gen: what is
// cached, and the rest from q, which it then keeps.
func (c *articleCache) reader(gen int64) articleReader {
	return func(ctx context.Context, q queryer, ids map[int64]bool) (map[int64]geo.Source, error) {
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
		got, err := articleSources(ctx, q, missing)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		if gen > c.gen || len(c.byID)+len(got) > articleCacheSize {
			clear(c.byID)
			c.gen = max(c.gen, gen)
		}
		for id, src := range got {
			out[id] = src
			if c.gen == gen && len(c.byID) < articleCacheSize {
				c.byID[id] = src
			}
		}
		return out, nil
	}
}
