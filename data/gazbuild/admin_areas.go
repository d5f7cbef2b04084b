package main

import (
	"container/heap"
	"math"
	"sort"
	"strings"
)

// placeAdmin1ByArea moves each first-level division's point to the centre
// of the box that holds its land, where GeoNames (and so the gold points
// of geoparsing corpora) puts a region. Its land is approximated by the
// cells of a grid over the country's polygons whose nearest settlement
// lies in the division. The box of its towns alone, which buildAdmins
// starts from, falls short where a region's towns keep to one edge:
// Ontario's lie in its south, its north is forest up to Hudson Bay, and
// the towns' box put its centre 200 km south of GeoNames' point.
// Divisions of countries without polygons, and those too small to cover
// minAreaCells cells, keep the point of their towns.
func placeAdmin1ByArea(admins, places []row, shapes map[string][]polygon) {
	byCountry := map[string][]int{}
	for i, a := range admins {
		if a.Code == "ADM1" {
			byCountry[a.Country] = append(byCountry[a.Country], i)
		}
	}
	towns := map[string][]row{}
	for _, p := range places {
		if strings.HasPrefix(p.Code, "PPL") && p.A1 != "" && p.A1 != "00" {
			towns[p.Country] = append(towns[p.Country], p)
		}
	}
	for country, idx := range byCountry {
		boxes := areaBoxes(shapes[country], towns[country])
		for _, i := range idx {
			if b, ok := boxes[admins[i].A1]; ok && b.cells >= minAreaCells {
				lat, lon := b.centre()
				admins[i].Lat, admins[i].Lon = round5(lat), round5(wrapLon(lon))
			}
		}
	}
}

// minAreaCells is the fewest grid cells a division must cover for its
// area to say more than its towns do.
const minAreaCells = 16

// maxGridCells bounds the grid of one country.
const maxGridCells = 200_000

// areaBox is the range of the cells given to one division.
type areaBox struct {
	lats, lons []float64
	cells      int
}

// centre is the middle of the box of the division's cells, leaving out
// isolated outliers (a remote island) as buildAdmins does for towns.
func (b *areaBox) centre() (lat, lon float64) {
	lo1, hi1 := trimmedRange(b.lats)
	lo2, hi2 := trimmedRange(b.lons)
	return (lo1 + hi1) / 2, (lo2 + hi2) / 2
}

// areaBoxes gives every land cell of a grid over the country's polygons
// to the division of the town nearest over land (a multi-source shortest
// path over the cells, east-west steps shortened by the cosine of the
// latitude) and returns the cells' ranges by admin1 code. Longitudes run
// from the country's mainland the nearer way round, so Russia's and
// Alaska's land across the antimeridian stays in one piece.
func areaBoxes(polys []polygon, towns []row) map[string]*areaBox {
	out := map[string]*areaBox{}
	if len(polys) == 0 || len(towns) == 0 {
		return out
	}
	_, lon0, _ := countryPoint(polys)
	near := func(lon float64) float64 { return lon0 + wrapLon(lon-lon0) }
	rings, w, s, e, n := shiftedRings(polys, near)
	cell := 0.05
	for (e-w)/cell*(n-s)/cell > maxGridCells {
		cell *= 2
	}
	cols, rows := int(math.Ceil((e-w)/cell)), int(math.Ceil((n-s)/cell))
	land := make([]bool, rows*cols)
	for r := 0; r < rows; r++ {
		lat := s + (float64(r)+0.5)*cell
		xs := ringCrossings(rings, lat)
		for k := 0; k+1 < len(xs); k += 2 { // inside between each pair of crossings
			c0 := max(0, int(math.Ceil((xs[k]-w)/cell-0.5)))
			for c := c0; c < cols && w+(float64(c)+0.5)*cell < xs[k+1]; c++ {
				land[r*cols+c] = true
			}
		}
	}
	owner := make([]int32, rows*cols) // index+1 into codes; 0: nobody yet
	dist := make([]float64, rows*cols)
	var codes []string
	ids := map[string]int32{}
	q := &cellQueue{}
	for _, t := range towns {
		r, c := int((t.Lat-s)/cell), int((near(t.Lon)-w)/cell)
		if r < 0 || r >= rows || c < 0 || c >= cols {
			continue
		}
		id, ok := ids[t.A1]
		if !ok {
			codes = append(codes, t.A1)
			id = int32(len(codes))
			ids[t.A1] = id
		}
		if k := r*cols + c; owner[k] == 0 {
			owner[k] = id
			heap.Push(q, cellDist{k, 0})
		}
	}
	for q.Len() > 0 {
		cd := heap.Pop(q).(cellDist)
		if cd.d > dist[cd.k] {
			continue
		}
		r, c := cd.k/cols, cd.k%cols
		cos := math.Max(math.Cos((s+(float64(r)+0.5)*cell)*math.Pi/180), 0.05)
		for _, step := range [4][3]float64{{-1, 0, 1}, {1, 0, 1}, {0, -1, 0}, {0, 1, 0}} {
			nr, nc := r+int(step[0]), c+int(step[1])
			if nr < 0 || nr >= rows || nc < 0 || nc >= cols || !land[nr*cols+nc] {
				continue
			}
			d := cd.d + step[2] + (1-step[2])*cos // a north-south step is 1, east-west cos
			if k := nr*cols + nc; owner[k] == 0 || d < dist[k] {
				owner[k], dist[k] = owner[cd.k], d
				heap.Push(q, cellDist{k, d})
			}
		}
	}
	for k, id := range owner {
		if id == 0 || !land[k] {
			continue
		}
		code := codes[id-1]
		b := out[code]
		if b == nil {
			b = &areaBox{}
			out[code] = b
		}
		b.lats = append(b.lats, s+(float64(k/cols)+0.5)*cell)
		b.lons = append(b.lons, w+(float64(k%cols)+0.5)*cell)
		b.cells++
	}
	return out
}

// shiftedRings are the polygons' rings moved by whole turns next to the
// mainland (near), with their bounding box.
func shiftedRings(polys []polygon, near func(float64) float64) (rings []ring, w, s, e, n float64) {
	w, s, e, n = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range polys {
		for _, r := range p {
			r = unwrap(r)
			if len(r) == 0 {
				continue
			}
			shift := near(r[0][0]) - r[0][0]
			moved := make(ring, len(r))
			for i, pt := range r {
				moved[i] = [2]float64{pt[0] + shift, pt[1]}
				w, e = math.Min(w, moved[i][0]), math.Max(e, moved[i][0])
				s, n = math.Min(s, pt[1]), math.Max(n, pt[1])
			}
			rings = append(rings, moved)
		}
	}
	return rings, w, s, e, n
}

// ringCrossings are the sorted longitudes where the rings cross a
// parallel: a point lies inside between the first and second, the third
// and fourth, and so on (even-odd rule, so holes stay out).
func ringCrossings(rings []ring, lat float64) []float64 {
	var xs []float64
	for _, r := range rings {
		for i := 0; i+1 < len(r); i++ {
			a, b := r[i], r[i+1]
			if (a[1] > lat) == (b[1] > lat) {
				continue
			}
			xs = append(xs, a[0]+(lat-a[1])/(b[1]-a[1])*(b[0]-a[0]))
		}
	}
	sort.Float64s(xs)
	return xs
}

// cellDist is a grid cell and its distance from the nearest town so far.
type cellDist struct {
	k int
	d float64
}

// cellQueue is a min-heap of cells by distance.
type cellQueue []cellDist

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].d < q[j].d }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(cellDist)) }
func (q *cellQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}
