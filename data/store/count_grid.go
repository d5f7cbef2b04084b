package store

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// How a box's numberMatched is counted without visiting every match: the
// store keeps, in memory, the number of incidents in each cell of a grid
// of 1/256 degree (about 430 m) cells. A box count sums the cells wholly
// inside the box, a few binary searches per row of cells, and counts
// exactly, through the R*Tree, only the incidents in the four strips along
// its edges that cells do not cover. The result is exact.
//
// The grid is built from one scan of the points in the background, the
// first time a count finds it missing or older than the store's Version,
// and at most once every gridRebuildEvery: while the store changes, counts
// go through the R*Tree and the (lon, lat) index as before. Its memory is
// 16 bytes per non-empty cell: at most 16 MB per million incidents, far
// less when they cluster. Counts with dates are not served by the grid.

// cellsPerDegree is the grid's resolution: a power of two, so that the
// cell of a coordinate, floor(x * 256), is computed exactly.
const cellsPerDegree = 256

// gridRebuildEvery spaces rebuilds while the store keeps changing.
const gridRebuildEvery = 5 * time.Second

// gridCells is the grid at one store version: the non-empty cells' keys
// (row, then column) sorted, and the running total of their counts.
type gridCells struct {
	gen  int64
	keys []int64
	cum  []int64 // cum[i] is the number of incidents in cells keys[:i]
	// The box of all the points, read in the same scan, for Extent.
	west, south, east, north float64
}

// countGrid holds the latest grid and builds the next.
type countGrid struct {
	mu       sync.Mutex
	cells    *gridCells
	building bool
	started  time.Time
}

// cellOf is the grid cell index of a coordinate.
func cellOf(x float64) int64 { return int64(math.Floor(x * cellsPerDegree)) }

// cellKey orders cells by row (latitude), then column (longitude).
func cellKey(row, col int64) int64 {
	return (row+90*cellsPerDegree)<<20 | (col + 180*cellsPerDegree)
}

// current returns the grid if it was built at version gen; otherwise it
// starts a rebuild when none runs and the last began long enough ago.
func (g *countGrid) current(gen int64, build func() (*gridCells, error)) *gridCells {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cells != nil && g.cells.gen == gen {
		return g.cells
	}
	if !g.building && time.Since(g.started) >= gridRebuildEvery {
		g.building, g.started = true, time.Now()
		go func() {
			cells, err := build()
			g.mu.Lock()
			defer g.mu.Unlock()
			g.building = false
			if err == nil {
				g.install(cells)
			}
		}()
	}
	return nil
}

// install keeps cells unless a newer grid is already there. The caller
// holds g.mu.
func (g *countGrid) install(cells *gridCells) {
	if g.cells == nil || cells.gen > g.cells.gen {
		g.cells = cells
	}
}

// built returns the grid if it is current at gen, without starting a
// build.
func (g *countGrid) built(gen int64) *gridCells {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cells != nil && g.cells.gen == gen {
		return g.cells
	}
	return nil
}

// WarmUp builds the count grid now, so that the first page of a server
// that has just started counts its matches through the grid and
// /collections reads its extent from it. serve runs it in the background
// after it starts listening.
func (s *Store) WarmUp(ctx context.Context) error {
	cells, err := s.buildGrid(ctx)
	if err != nil {
		return err
	}
	s.grid.mu.Lock()
	s.grid.install(cells)
	s.grid.mu.Unlock()
	return nil
}

// buildGrid counts the incidents per cell at the current version.
func (s *Store) buildGrid(ctx context.Context) (*gridCells, error) {
	gen, err := s.Version(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, "SELECT lon, lat FROM incidents")
	if err != nil {
		return nil, fmt.Errorf("store: count grid: %w", err)
	}
	defer rows.Close()
	counts := map[int64]int64{}
	var lon, lat float64
	west, south, east, north := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for rows.Next() {
		if err := rows.Scan(&lon, &lat); err != nil {
			return nil, fmt.Errorf("store: count grid: %w", err)
		}
		counts[cellKey(cellOf(lat), cellOf(lon))]++
		west, east = min(west, lon), max(east, lon)
		south, north = min(south, lat), max(north, lat)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: count grid: %w", err)
	}
	g := &gridCells{gen: gen, keys: make([]int64, 0, len(counts)), cum: make([]int64, 1, len(counts)+1),
		west: west, south: south, east: east, north: north}
	for k := range counts {
		g.keys = append(g.keys, k)
	}
	slices.Sort(g.keys)
	for _, k := range g.keys {
		g.cum = append(g.cum, g.cum[len(g.cum)-1]+counts[k])
	}
	return g, nil
}

// total is the number of incidents the grid counts.
func (g *gridCells) total() int { return int(g.cum[len(g.cum)-1]) }

// sum is the number of incidents in the cells of rows r0..r1 and columns
// c0..c1, inclusive.
func (g *gridCells) sum(r0, r1, c0, c1 int64) int64 {
	var n int64
	for r := r0; r <= r1; r++ {
		lo, _ := slices.BinarySearchFunc(g.keys, cellKey(r, c0), cmp.Compare)
		hi, _ := slices.BinarySearchFunc(g.keys, cellKey(r, c1)+1, cmp.Compare)
		n += g.cum[hi] - g.cum[lo]
	}
	return n
}

// gridCount counts the incidents in b (not crossing the antimeridian) with
// the grid: the whole cells inside b, plus exact counts of the strips
// along b's edges. ok is false when b holds no whole cell.
func gridCount(ctx context.Context, q queryer, g *gridCells, b geo.BBox) (n int, ok bool, err error) {
	// Whole cells: columns c0..c1 cover [c0/256, (c1+1)/256), inside
	// [West, East]; rows likewise.
	c0, c1 := int64(math.Ceil(b.West*cellsPerDegree)), int64(math.Floor(b.East*cellsPerDegree))-1
	r0, r1 := int64(math.Ceil(b.South*cellsPerDegree)), int64(math.Floor(b.North*cellsPerDegree))-1
	if c0 > c1 || r0 > r1 {
		return 0, false, nil
	}
	x0, x1 := float64(c0)/cellsPerDegree, float64(c1+1)/cellsPerDegree
	y0, y1 := float64(r0)/cellsPerDegree, float64(r1+1)/cellsPerDegree
	below := func(x float64) float64 { return math.Nextafter(x, math.Inf(-1)) }
	// The strips: west and east over the full height, south and north
	// between them; an upper bound left open is the number just below.
	strips := []geo.BBox{
		{West: b.West, South: b.South, East: below(x0), North: b.North},
		{West: x1, South: b.South, East: b.East, North: b.North},
		{West: x0, South: b.South, East: below(x1), North: below(y0)},
		{West: x0, South: y1, East: below(x1), North: b.North},
	}
	total := g.sum(r0, r1, c0, c1)
	for _, s := range strips {
		if s.West > s.East || s.South > s.North {
			continue
		}
		m, err := treeRangeCount(ctx, q, treeRange{box: s, lo: tMin, hi: tMax}, treeCountCap)
		if err != nil {
			return 0, false, err
		}
		total += int64(m)
	}
	return int(total), true, nil
}

// boxCount is the exact number of incidents in a box and date interval,
// through the grid when it is current and no dates are given.
func (s *Store) boxCount(ctx context.Context, q queryer, gen int64, b geo.BBox, from, to *time.Time) (int, error) {
	if from != nil || to != nil {
		return rangeCount(ctx, q, b, from, to)
	}
	g := s.grid.current(gen, func() (*gridCells, error) { return s.buildGrid(context.Background()) })
	if g == nil {
		return rangeCount(ctx, q, b, from, to)
	}
	total := 0
	for _, r := range treeRanges(b, nil, nil) {
		n, ok, err := gridCount(ctx, q, g, r.box)
		if err != nil {
			return 0, err
		}
		if !ok {
			if n, err = treeRangeCount(ctx, q, r, treeCountCap); err != nil {
				return 0, err
			}
		}
		total += n
	}
	return total, nil
}
