package boxgrid

import (
	"cmp"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

// Incidents sit on the points of the places they name, so a store holds
// far fewer distinct points than incidents (the synthetic million: 2,000).
// The cells keep those points with their incident counts, and count the
// strips along a box's edges in memory instead of asking the store, which
// searched its R*Tree over all dates for every strip (about half the cost
// of a new box's page). Points repeat only when the builder sees them one
// after another (SQLite reads them in (lon, lat) index order); past
// MaxPoints distinct points the cells keep none and strips go to the
// store as before.

// MaxPoints bounds the points kept: 20 bytes each, so at most about 10 MB.
const MaxPoints = 1 << 19

// point is one distinct location while the cells are built.
type point struct {
	key      int64
	lon, lat float64
	n        int32
}

// cellPoints are the distinct points of every cell, in the order of the
// cells' keys: cell i's are lon[start[i]:start[i+1]], with their counts.
type cellPoints struct {
	start    []int32
	lon, lat []float64
	n        []int32
}

// addPoint records n incidents at (lon, lat) in cell k, merged with the
// point before it when they are the same. It stops keeping points, for
// good, past MaxPoints or a count that would overflow.
func (b *Builder) addPoint(k int64, lon, lat float64, n int64) {
	if b.noPoints {
		return
	}
	const maxN = 1<<31 - 1
	if last := len(b.points) - 1; last >= 0 {
		p := &b.points[last]
		if p.lon == lon && p.lat == lat && int64(p.n)+n <= maxN {
			p.n += int32(n)
			return
		}
	}
	if len(b.points) >= MaxPoints || n > maxN {
		b.points, b.noPoints = nil, true
		return
	}
	b.points = append(b.points, point{key: k, lon: lon, lat: lat, n: int32(n)})
}

// cellPoints lays the points out by the cells' keys; nil when none are kept.
func (b *Builder) cellPoints(keys []int64) *cellPoints {
	if b.noPoints {
		return nil
	}
	slices.SortStableFunc(b.points, func(x, y point) int { return cmp.Compare(x.key, y.key) })
	cp := &cellPoints{start: make([]int32, 0, len(keys)+1), lon: make([]float64, len(b.points)),
		lat: make([]float64, len(b.points)), n: make([]int32, len(b.points))}
	j := 0
	for _, k := range keys {
		cp.start = append(cp.start, int32(j))
		for ; j < len(b.points) && b.points[j].key == k; j++ {
			p := b.points[j]
			cp.lon[j], cp.lat[j], cp.n[j] = p.lon, p.lat, p.n
		}
	}
	cp.start = append(cp.start, int32(j))
	b.points = nil
	return cp
}

// countStrips counts the points in the boxes (closed, not crossing the
// antimeridian) exactly, visiting only the cells they touch.
func (c *Cells) countStrips(strips []geo.BBox) int {
	n := 0
	for _, s := range strips {
		c0, c1 := cellOf(s.West), cellOf(s.East)
		for r := cellOf(s.South); r <= cellOf(s.North); r++ {
			lo, _ := slices.BinarySearch(c.keys, CellKey(r, c0))
			for i := lo; i < len(c.keys) && c.keys[i] <= CellKey(r, c1); i++ {
				n += c.points.count(i, s)
			}
		}
	}
	return n
}

// count is the number of incidents at cell i's points inside s.
func (cp *cellPoints) count(i int, s geo.BBox) int {
	n := 0
	for j := cp.start[i]; j < cp.start[i+1]; j++ {
		if x, y := cp.lon[j], cp.lat[j]; x >= s.West && x <= s.East && y >= s.South && y <= s.North {
			n += int(cp.n[j])
		}
	}
	return n
}
