package store

import (
	"context"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// articleCache keeps the sources of the articles pages have read
// (data/contract's SourceCache), for the current store version only: the
// cautious choice, and a cheap one, as versions change only with writes.
type articleCache struct{ sources *contract.SourceCache }

func newArticleCache() *articleCache { return &articleCache{sources: contract.NewSourceCache()} }

// reader returns an articleSources for pages read at version gen: what is
// cached, and the rest from q, which it then keeps.
func (c *articleCache) reader(gen int64) articleReader {
	return func(ctx context.Context, q queryer, ids map[int64]bool) (map[int64]geo.Source, error) {
		return c.sources.Read(gen, ids, func(missing map[int64]bool) (map[int64]geo.Source, error) {
			return articleSources(ctx, q, missing)
		})
	}
}
