package mapdata

// traceRings turns the cells where in(r, c) holds into closed rings along
// their outline: every cell edge with the region on one side only is kept,
// directed so the region lies to its left, and the edges are chained at
// their corners. Straight runs keep only their end points.
func traceRings(rows, cols int, in func(r, c int) bool, pt func(r, c int) [2]float64) [][][2]float64 {
	type corner struct{ r, c int }
	next := map[corner][]corner{}
	add := func(a, b corner) { next[a] = append(next[a], b) }
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if !in(r, c) {
				continue
			}
			if !in(r-1, c) { // south edge, west to east
				add(corner{r, c}, corner{r, c + 1})
			}
			if !in(r, c+1) { // east edge, south to north
				add(corner{r, c + 1}, corner{r + 1, c + 1})
			}
			if !in(r+1, c) { // north edge, east to west
				add(corner{r + 1, c + 1}, corner{r + 1, c})
			}
			if !in(r, c-1) { // west edge, north to south
				add(corner{r + 1, c}, corner{r, c})
			}
		}
	}
	var rings [][][2]float64
	for len(next) > 0 {
		var start corner
		for k := range next {
			start = k
			break
		}
		var ring []corner
		cur := start
		for {
			outs := next[cur]
			if len(outs) == 0 {
				break
			}
			to := outs[len(outs)-1]
			if len(outs) == 1 {
				delete(next, cur)
			} else {
				next[cur] = outs[:len(outs)-1]
			}
			ring = append(ring, cur)
			cur = to
			if cur == start {
				break
			}
		}
		if len(ring) < 4 {
			continue
		}
		var pts [][2]float64
		n := len(ring)
		for i, p := range ring {
			prev, nxt := ring[(i+n-1)%n], ring[(i+1)%n]
			straight := (prev.r == p.r && p.r == nxt.r) || (prev.c == p.c && p.c == nxt.c)
			if !straight {
				pts = append(pts, pt(p.r, p.c))
			}
		}
		if len(pts) < 3 {
			continue
		}
		pts = append(pts, pts[0])
		rings = append(rings, pts)
	}
	return rings
}
