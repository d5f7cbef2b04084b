package contract

import (
	"cmp"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

// GridExactTypes is how many incidents a grid count splits by event type
// exactly; above it the split comes from every k-th incident (by id), and
// only the split: the counts stay exact.
const GridExactTypes = 100_000

// ScaleTypes turns a cell's sampled counts by type (sampled of them in
// all) into shares of its exact count that add up to it. A cell the sample
// missed gets its whole count under "" (type unknown).
func ScaleTypes(c *geo.GridCell, sampled int) {
	if sampled == 0 {
		c.ByType = map[string]int{"": c.Count}
		return
	}
	left := c.Count
	biggest, biggestN := "", -1
	for t, n := range c.ByType {
		share := int(float64(c.Count) * float64(n) / float64(sampled))
		c.ByType[t] = share
		left -= share
		if n > biggestN || (n == biggestN && t < biggest) {
			biggest, biggestN = t, n
		}
	}
	c.ByType[biggest] += left
}

// SortGridCells orders cells as both stores answer them: largest first,
// then south to north, then west to east.
func SortGridCells(cells []geo.GridCell) {
	slices.SortFunc(cells, func(a, b geo.GridCell) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Lat, b.Lat), cmp.Compare(a.Lon, b.Lon))
	})
}
