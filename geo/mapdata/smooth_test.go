package mapdata

import "testing"

func TestChainSegmentsJoinsAtTwoAndStopsAtJunctions(t *testing.T) {
	p := func(x, y float64) [2]float64 { return [2]float64{x, y} }
	// An L of two segments, and a T: three arms meeting at (5,0).
	segs := [][][2]float64{
		{p(0, 0), p(1, 0)}, {p(1, 1), p(1, 0)},
		{p(4, 0), p(5, 0)}, {p(5, 0), p(6, 0)}, {p(5, 0), p(5, 1)},
	}
	chains := chainSegments(segs)
	if len(chains) != 4 {
		t.Fatalf("chains = %v, want the L joined and the T's three arms apart", chains)
	}
	joined := false
	for _, c := range chains {
		joined = joined || len(c) == 3
	}
	if !joined {
		t.Fatalf("the L was not joined: %v", chains)
	}
}

func TestSmoothingKeepsLineEndsAndRingsClosed(t *testing.T) {
	stairs := [][2]float64{{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}, {3, 2}}
	line := smoothLine(stairs, 1)
	if line[0] != stairs[0] || line[len(line)-1] != stairs[len(stairs)-1] {
		t.Fatalf("ends moved: %v", line)
	}
	ring := smoothRing([][2]float64{{0, 0}, {2, 0}, {2, 2}, {0, 2}, {0, 0}}, 1)
	if ring[0] != ring[len(ring)-1] || len(ring) < 5 {
		t.Fatalf("ring = %v", ring)
	}
	for _, q := range ring {
		if q[0] < 0 || q[0] > 2 || q[1] < 0 || q[1] > 2 {
			t.Fatalf("smoothed ring leaves the square: %v", q)
		}
	}
}
