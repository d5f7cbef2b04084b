package mapdata

import (
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// Region is the approximate shape of one admin1 region: the cells of a
// regular grid whose nearest settlement lies in that region, traced into
// rings. Rings holds outer rings and holes alike; draw them with the
// even-odd rule.
type Region struct {
	Country string
	Admin1  string
	Name    string
	Rings   [][][2]float64 // [lon, lat] points, each ring closed
}

// RegionShapes is a country's admin1 regions and the lines between them.
type RegionShapes struct {
	Country  string
	CellDeg  float64
	Regions  []Region
	Borders  [][][2]float64 // lines between two regions of the country
	Complete bool           // false when the country has no settlements
}

// maxCells bounds the grid of one country.
const maxCells = 120_000

// RegionShapes computes the admin1 regions of a country on a grid fine
// enough for the map (0.05° where the country is small enough). shape is
// the country's polygons, so cells at sea or abroad stay empty; nil keeps
// every cell near a settlement.
func (m *Map) RegionShapes(country string, shape orb.MultiPolygon) RegionShapes {
	out := RegionShapes{Country: country}
	var own []Place
	w, s, e, n := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range m.places {
		if p.Country != country || p.Admin1 == "" || p.Admin1 == "00" {
			continue
		}
		own = append(own, p)
		w, e = min(w, p.Lon), max(e, p.Lon)
		s, n = min(s, p.Lat), max(n, p.Lat)
	}
	if len(own) == 0 {
		return out
	}
	w, s, e, n = w-0.3, s-0.3, e+0.3, n+0.3
	cell := 0.05
	for (e-w)/cell*(n-s)/cell > maxCells {
		cell *= 2
	}
	out.CellDeg = cell
	cols, rows := int(math.Ceil((e-w)/cell)), int(math.Ceil((n-s)/cell))
	g := newPointGrid(own)
	limit := max(40, cell*111*3)
	ids := map[string]int{}
	var keys []string
	grid := make([]int, cols*rows) // 0: no region; else index+1 into keys
	for r := 0; r < rows; r++ {
		lat := s + (float64(r)+0.5)*cell
		xs := crossings(shape, lat)
		west := 0 // crossings west of the cell
		for c := 0; c < cols; c++ {
			lon := w + (float64(c)+0.5)*cell
			for west < len(xs) && xs[west] < lon {
				west++
			}
			if shape != nil && west%2 == 0 {
				continue
			}
			p, _, ok := g.nearest(lat, lon, limit)
			if !ok {
				continue
			}
			id, seen := ids[p.Admin1]
			if !seen {
				keys = append(keys, p.Admin1)
				id = len(keys)
				ids[p.Admin1] = id
			}
			grid[r*cols+c] = id
		}
	}
	at := func(r, c int) int {
		if r < 0 || c < 0 || r >= rows || c >= cols {
			return 0
		}
		return grid[r*cols+c]
	}
	pt := func(r, c int) [2]float64 {
		return [2]float64{round6(w + float64(c)*cell), round6(s + float64(r)*cell)}
	}
	for i, code := range keys {
		rings := traceRings(rows, cols, func(r, c int) bool { return at(r, c) == i+1 }, pt)
		for j, ring := range rings {
			rings[j] = smoothRing(ring, cell)
		}
		out.Regions = append(out.Regions, Region{Country: country, Admin1: code, Name: m.Admin1Name(country, code), Rings: rings})
	}
	sort.Slice(out.Regions, func(i, j int) bool { return out.Regions[i].Admin1 < out.Regions[j].Admin1 })
	for _, line := range chainSegments(innerBorders(rows, cols, at, pt)) {
		out.Borders = append(out.Borders, smoothLine(line, cell))
	}
	out.Complete = true
	return out
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// innerBorders are the cell edges between two different regions, joined
// into straight runs.
func innerBorders(rows, cols int, at func(r, c int) int, pt func(r, c int) [2]float64) [][][2]float64 {
	var out [][][2]float64
	// Horizontal edges: between row r-1 and row r.
	for r := 1; r < rows; r++ {
		start := -1
		for c := 0; c <= cols; c++ {
			a, b := at(r-1, c), at(r, c)
			diff := c < cols && a != 0 && b != 0 && a != b
			if diff && start < 0 {
				start = c
			}
			if !diff && start >= 0 {
				out = append(out, [][2]float64{pt(r, start), pt(r, c)})
				start = -1
			}
		}
	}
	// Vertical edges: between column c-1 and column c.
	for c := 1; c < cols; c++ {
		start := -1
		for r := 0; r <= rows; r++ {
			a, b := at(r, c-1), at(r, c)
			diff := r < rows && a != 0 && b != 0 && a != b
			if diff && start < 0 {
				start = r
			}
			if !diff && start >= 0 {
				out = append(out, [][2]float64{pt(start, c), pt(r, c)})
				start = -1
			}
		}
	}
	return out
}
