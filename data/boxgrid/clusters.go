package boxgrid

import (
	"cmp"
	"math"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

// maxTypes is how many event types a cell counts its members by (ACLED has
// six); cells built from more do not serve Clusters.
const maxTypes = 8

// cellAgg is what a cell keeps for Clusters besides its count.
type cellAgg struct {
	lat, lon float64 // sums of the members' coordinates
	types    [maxTypes]int32
}

// Cluster is the aggregate of one cluster cell (column X, row Y of a grid
// of cellDeg degrees, counted from -180 and -90 as the stores' SQL does).
type Cluster struct {
	X, Y           int64
	Count          int
	SumLat, SumLon float64
	ByType         map[string]int
}

// Clusters sums the cells wholly inside b (not crossing the antimeridian)
// per cluster cell of cellDeg degrees, and returns the strips along b's
// edges the whole cells leave, whose incidents the caller adds. ok is
// false when the cells keep no sums, b holds no whole cell, or cellDeg is
// not a whole number of cells (a cell must not straddle two clusters).
func (c *Cells) Clusters(b geo.BBox, cellDeg float64) (out map[[2]int64]*Cluster, strips []geo.BBox, ok bool) {
	per := cellDeg * CellsPerDegree
	m := int64(math.Round(per))
	if c.aggs == nil || m < 1 || math.Abs(per-float64(m)) > 1e-9 {
		return nil, nil, false
	}
	r0, r1, c0, c1, strips, ok := wholeCells(b)
	if !ok {
		return nil, nil, false
	}
	out = map[[2]int64]*Cluster{}
	for r := r0; r <= r1; r++ {
		lo, _ := slices.BinarySearchFunc(c.keys, CellKey(r, c0), cmp.Compare)
		hi, _ := slices.BinarySearchFunc(c.keys, CellKey(r, c1)+1, cmp.Compare)
		gy := (r + 90*CellsPerDegree) / m
		for i := lo; i < hi; i++ {
			col := c.keys[i]&(1<<20-1) - 180*CellsPerDegree
			k := [2]int64{(col + 180*CellsPerDegree) / m, gy}
			cl := out[k]
			if cl == nil {
				cl = &Cluster{X: k[0], Y: k[1], ByType: map[string]int{}}
				out[k] = cl
			}
			a := &c.aggs[i]
			cl.Count += int(c.cum[i+1] - c.cum[i])
			cl.SumLat += a.lat
			cl.SumLon += a.lon
			for t, n := range a.types[:len(c.types)] {
				if n > 0 {
					cl.ByType[c.types[t]] += int(n)
				}
			}
		}
	}
	return out, strips, true
}
