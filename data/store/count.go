package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/incidentmap/incidentmap/geo"
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

// treeCountCap is how many R*Tree entries boxCount reads before it counts
// through the (lon, lat) index instead, which is faster for a box holding a
// large share of all incidents.
const treeCountCap = 50_000

// boxCount is the exact number of incidents inside b. The R*Tree holds
// 32-bit floats rounded outwards, so an entry it returns whose rounded
// point lies inside b is certainly inside; only entries on the edges are
// checked against the exact point in the table.
func boxCount(ctx context.Context, q queryer, b geo.BBox) (int, error) {
	if b.West > b.East { // across the antimeridian: two boxes
		west, err := boxCount(ctx, q, geo.BBox{West: b.West, South: b.South, East: 180, North: b.North})
		if err != nil {
			return 0, err
		}
		east, err := boxCount(ctx, q, geo.BBox{West: -180, South: b.South, East: b.East, North: b.North})
		return west + east, err
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM incidents_rtree r
		WHERE r.max_lon >= ?1 AND r.min_lon <= ?2 AND r.max_lat >= ?3 AND r.min_lat <= ?4
		AND ((r.min_lon >= ?1 AND r.max_lon <= ?2 AND r.min_lat >= ?3 AND r.max_lat <= ?4)
			OR EXISTS (SELECT 1 FROM incidents i WHERE i.id = r.id
				AND i.lon BETWEEN ?1 AND ?2 AND i.lat BETWEEN ?3 AND ?4))
		LIMIT ?5)`, b.West, b.East, b.South, b.North, treeCountCap).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count box: %w", err)
	}
	if n < treeCountCap {
		return n, nil
	}
	err = q.QueryRowContext(ctx, `SELECT COUNT(*) FROM incidents i
		WHERE i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?`, b.West, b.East, b.South, b.North).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count box: %w", err)
	}
	return n, nil
}

// onlyBBox reports whether f selects by its box alone, so that the box's
// count is the number of matches.
func onlyBBox(f geo.IncidentFilter) bool {
	return f.BBox != nil && f.From == nil && f.To == nil && len(f.EventType) == 0 &&
		len(f.SubEventType) == 0 && len(f.Country) == 0 && f.Admin1 == "" && f.Q == "" && f.ArticleID == 0
}
