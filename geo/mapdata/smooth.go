package mapdata

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
)

// The outlines come from grid cells, so they are staircases. Two rounds of
// Chaikin corner cutting turn the steps into curves, and Douglas-Peucker
// with a tenth of a cell drops the points that add nothing. Corner cutting
// treats a shared edge the same from either side, so neighbouring regions
// still meet.
const (
	smoothRounds  = 2
	simplifyCells = 0.1
)

// smoothRing smooths a closed ring of [lon, lat] points (first == last).
func smoothRing(ring [][2]float64, cell float64) [][2]float64 {
	pts := ring[:len(ring)-1]
	for range smoothRounds {
		next := make([][2]float64, 0, 2*len(pts))
		for i := range pts {
			a, b := pts[i], pts[(i+1)%len(pts)]
			next = append(next, lerp(a, b, 0.25), lerp(a, b, 0.75))
		}
		pts = next
	}
	r := make(orb.Ring, 0, len(pts)+1)
	for _, p := range pts {
		r = append(r, orb.Point(p))
	}
	r = append(r, r[0])
	r = simplify.DouglasPeucker(cell * simplifyCells).Ring(r)
	return fromOrb(orb.LineString(r))
}

// smoothLine smooths an open polyline, keeping its two ends where they are
// (they meet other borders or the country's edge).
func smoothLine(line [][2]float64, cell float64) [][2]float64 {
	pts := line
	for range smoothRounds {
		if len(pts) < 3 {
			break
		}
		next := [][2]float64{pts[0]}
		for i := 0; i+1 < len(pts); i++ {
			a, b := pts[i], pts[i+1]
			if i > 0 {
				next = append(next, lerp(a, b, 0.25))
			}
			if i+2 < len(pts) {
				next = append(next, lerp(a, b, 0.75))
			}
		}
		pts = append(next, pts[len(pts)-1])
	}
	ls := make(orb.LineString, len(pts))
	for i, p := range pts {
		ls[i] = orb.Point(p)
	}
	return fromOrb(simplify.DouglasPeucker(cell * simplifyCells).LineString(ls))
}

func lerp(a, b [2]float64, t float64) [2]float64 {
	return [2]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t}
}

func fromOrb(ls orb.LineString) [][2]float64 {
	out := make([][2]float64, len(ls))
	for i, p := range ls {
		out[i] = [2]float64{round6(p[0]), round6(p[1])}
	}
	return out
}

// chainSegments joins segments that meet end to end into polylines: a
// chain runs until a point where other than two segments meet.
func chainSegments(segs [][][2]float64) [][][2]float64 {
	type key [2]int64
	k := func(p [2]float64) key { return key{int64(math.Round(p[0] * 1e6)), int64(math.Round(p[1] * 1e6))} }
	ends := map[key][]int{}
	for i, s := range segs {
		ends[k(s[0])] = append(ends[k(s[0])], i)
		ends[k(s[len(s)-1])] = append(ends[k(s[len(s)-1])], i)
	}
	used := make([]bool, len(segs))
	// follow extends a chain from point p through segments not yet used,
	// as long as p is where exactly two segments meet.
	follow := func(chain [][2]float64) [][2]float64 {
		for {
			p := chain[len(chain)-1]
			at := ends[k(p)]
			if len(at) != 2 {
				return chain
			}
			next := -1
			for _, j := range at {
				if !used[j] {
					next = j
				}
			}
			if next < 0 {
				return chain
			}
			used[next] = true
			s := segs[next]
			if k(s[0]) != k(p) {
				s = reversed(s)
			}
			chain = append(chain, s[1:]...)
		}
	}
	var out [][][2]float64
	// Chains between junctions first, then closed loops.
	for pass := 0; pass < 2; pass++ {
		for i, s := range segs {
			if used[i] || (pass == 0 && len(ends[k(s[0])]) == 2 && len(ends[k(s[len(s)-1])]) == 2) {
				continue
			}
			used[i] = true
			start := s
			if pass == 0 && len(ends[k(s[0])]) == 2 {
				start = reversed(s) // begin at the junction end
			}
			chain := follow(append([][2]float64(nil), start...))
			out = append(out, chain)
		}
	}
	return out
}

func reversed(s [][2]float64) [][2]float64 {
	out := make([][2]float64, len(s))
	for i, p := range s {
		out[len(s)-1-i] = p
	}
	return out
}
