// Package boxgrid counts the incidents in a box without visiting every
// match, for both stores: it keeps, in memory, the number of incidents in
// each cell of a grid of 1/256 degree (about 430 m) cells. A box count sums
// the cells wholly inside the box, a few binary searches per row of cells,
// and has the store count exactly only the incidents in the four strips
// along its edges that cells do not cover. The result is exact.
//
// A grid belongs to one store version. It is built from one scan of the
// points, in the background, the first time a count finds it missing or
// older than the store, and at most once every RebuildEvery: while the
// store keeps changing, counts are the store's own. Its memory is 16 bytes
// per non-empty cell: at most 16 MB per million incidents, far less when
// they cluster; 20 bytes per distinct point (points.go), and, when the
// store lists them, 8 bytes per incident for pages (newest.go).
package boxgrid

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// CellsPerDegree is the grid's resolution: a power of two, so that the
// cell of a coordinate, floor(x * 256), is computed exactly.
const CellsPerDegree = 256

// RebuildEvery spaces rebuilds while the store keeps changing.
const RebuildEvery = 5 * time.Second

// Cells is the grid at one store version: the non-empty cells' keys (row,
// then column) sorted, and the running total of their counts.
type Cells struct {
	gen  int64
	keys []int64
	cum  []int64 // cum[i] is the number of incidents in cells keys[:i]
	// bounds is the box of all the points, read in the same scan (a store's
	// extent).
	bounds geo.BBox
	// aggs, aligned with keys, are the cells' sums for Clusters, and types
	// the event types their counts refer to; nil when not gathered.
	aggs  []cellAgg
	types []string
	// points are the cells' distinct points, for counting strips; nil when
	// there were too many to keep.
	points *cellPoints
	// newest lists each point's incidents newest first, for pages; nil
	// until a store gives them (see newest.go), which it may do after the
	// cells serve counts.
	newest atomic.Pointer[newest]
}

// Gen is the store version the cells were counted at.
func (c *Cells) Gen() int64 { return c.gen }

// Total is the number of points counted.
func (c *Cells) Total() int { return int(c.cum[len(c.cum)-1]) }

// Bounds is the box of all the points counted (zero when there are none).
func (c *Cells) Bounds() geo.BBox { return c.bounds }

// Grid holds the latest cells of a store and builds the next.
type Grid struct {
	mu       sync.Mutex
	cells    *Cells
	building bool
	started  time.Time
	// warming is closed when the build Warm runs ends; nil when none runs.
	warming chan struct{}
}

// WarmWait is how long a count waits for the build Warm runs (a server
// that has just started) rather than count its box the slow way beside it.
const WarmWait = 3 * time.Second

// Current returns the cells if they were built at version gen; otherwise it
// starts build in the background, when no build runs and the last began
// long enough ago, and returns nil. While Warm builds the first cells it
// waits for them, up to WarmWait: counting beside that scan costs more than
// waiting for it.
func (g *Grid) Current(gen int64, build func() (*Cells, error)) *Cells {
	g.mu.Lock()
	if w := g.warming; w != nil {
		g.mu.Unlock()
		select {
		case <-w:
		case <-time.After(WarmWait):
		}
		g.mu.Lock()
	}
	defer g.mu.Unlock()
	if g.cells != nil && g.cells.gen == gen {
		return g.cells
	}
	if !g.building && time.Since(g.started) >= RebuildEvery {
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

// Warming reports whether the build Warm runs is still going.
func (g *Grid) Warming() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.warming != nil
}

// Warm builds cells now, for a store that has just opened (serve calls it
// as it starts), unless a build already runs; counts wait for it (Current).
func (g *Grid) Warm(build func() (*Cells, error)) error {
	g.mu.Lock()
	if g.building {
		g.mu.Unlock()
		return nil
	}
	done := make(chan struct{})
	g.building, g.started, g.warming = true, time.Now(), done
	g.mu.Unlock()
	cells, err := build()
	g.mu.Lock()
	defer g.mu.Unlock()
	g.building, g.warming = false, nil
	close(done)
	if err != nil {
		return err
	}
	g.install(cells)
	return nil
}

// install keeps cells unless newer ones are there. The caller holds g.mu.
func (g *Grid) install(c *Cells) {
	if g.cells == nil || c.gen >= g.cells.gen {
		g.cells = c
	}
}

// Set puts cells in place at once, as a finished background build would
// (a store warming up, tests and benchmarks), unless newer cells are there.
func (g *Grid) Set(c *Cells) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.install(c)
}

// Built returns the cells if they were built at version gen, without
// starting a build.
func (g *Grid) Built(gen int64) *Cells {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cells != nil && g.cells.gen == gen {
		return g.cells
	}
	return nil
}

// Latest returns the newest cells built, whatever their version, or nil:
// a reader that checks the version itself, in the same snapshot as the
// rows it reads, can use them without asking for the version first.
func (g *Grid) Latest() *Cells {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.cells
}

// cellOf is the grid cell index of a coordinate.
func cellOf(x float64) int64 { return int64(math.Floor(x * CellsPerDegree)) }

// CellKey orders cells by row (latitude), then column (longitude).
func CellKey(row, col int64) int64 {
	return (row+90*CellsPerDegree)<<20 | (col + 180*CellsPerDegree)
}

// Builder counts points per cell, and with AddIncident also their sums of
// coordinates and their event types (for Clusters).
type Builder struct {
	gen    int64
	counts map[int64]int64
	bounds geo.BBox
	aggs   map[int64]*cellAgg // nil until AddIncident; dropped past maxTypes types
	types  []string
	typeOf map[string]int
	plain  bool // a point came through Add: no aggregates
	// points are the distinct points so far, noPoints set once there
	// were too many (see points.go).
	points   []point
	noPoints bool
}

// NewBuilder starts cells for store version gen, which must be read before
// the points are.
func NewBuilder(gen int64) *Builder { return &Builder{gen: gen, counts: map[int64]int64{}} }

// Add counts one incident's point.
func (b *Builder) Add(lon, lat float64) {
	b.plain = true
	b.add(lon, lat, 1)
}

// AddN counts n incidents at one point: a store that reads its points
// grouped (PostgreSQL, whose rows come in no useful order) gives each once.
func (b *Builder) AddN(lon, lat float64, n int64) {
	b.plain = true
	if n > 0 {
		b.add(lon, lat, n)
	}
}

func (b *Builder) add(lon, lat float64, n int64) int64 {
	if len(b.counts) == 0 {
		b.bounds = geo.BBox{West: lon, South: lat, East: lon, North: lat}
	}
	k := CellKey(cellOf(lat), cellOf(lon))
	b.counts[k] += n
	b.addPoint(k, lon, lat, n)
	b.bounds.West, b.bounds.East = min(b.bounds.West, lon), max(b.bounds.East, lon)
	b.bounds.South, b.bounds.North = min(b.bounds.South, lat), max(b.bounds.North, lat)
	return k
}

// AddIncident counts one incident's point and keeps, per cell, the sums of
// its members' coordinates and their count by event type.
func (b *Builder) AddIncident(lon, lat float64, eventType string) {
	k := b.add(lon, lat, 1)
	if b.aggs == nil {
		b.aggs, b.typeOf = map[int64]*cellAgg{}, map[string]int{}
	}
	t, ok := b.typeOf[eventType]
	if !ok {
		t = len(b.types)
		b.types = append(b.types, eventType)
		b.typeOf[eventType] = t
	}
	a := b.aggs[k]
	if a == nil {
		a = &cellAgg{}
		b.aggs[k] = a
	}
	a.lat += lat
	a.lon += lon
	if t < maxTypes {
		a.types[t]++
	}
}

// Cells is what was counted.
func (b *Builder) Cells() *Cells {
	c := &Cells{gen: b.gen, keys: make([]int64, 0, len(b.counts)), cum: make([]int64, 1, len(b.counts)+1), bounds: b.bounds}
	for k := range b.counts {
		c.keys = append(c.keys, k)
	}
	slices.Sort(c.keys)
	for _, k := range c.keys {
		c.cum = append(c.cum, c.cum[len(c.cum)-1]+b.counts[k])
	}
	c.points = b.cellPoints(c.keys)
	if b.aggs != nil && !b.plain && len(b.types) <= maxTypes {
		c.types = b.types
		c.aggs = make([]cellAgg, len(c.keys))
		for i, k := range c.keys {
			c.aggs[i] = *b.aggs[k]
		}
	}
	return c
}

// sum is the number of incidents in the cells of rows r0..r1 and columns
// c0..c1, inclusive.
func (c *Cells) sum(r0, r1, c0, c1 int64) int64 {
	var n int64
	for r := r0; r <= r1; r++ {
		lo, _ := slices.BinarySearchFunc(c.keys, CellKey(r, c0), cmp.Compare)
		hi, _ := slices.BinarySearchFunc(c.keys, CellKey(r, c1)+1, cmp.Compare)
		n += c.cum[hi] - c.cum[lo]
	}
	return n
}

// Count counts the incidents in b (not crossing the antimeridian): the
// whole cells inside b, plus the strips along b's edges, which do not
// overlap: counted from the cells' points when they are kept, else by
// exact, the store, in one call for them all. ok is false when b holds no
// whole cell.
func (c *Cells) Count(b geo.BBox, exact func(strips []geo.BBox) (int, error)) (n int, ok bool, err error) {
	r0, r1, c0, c1, strips, ok := wholeCells(b)
	if !ok {
		return 0, false, nil
	}
	total := c.sum(r0, r1, c0, c1)
	if c.points != nil {
		return int(total) + c.countStrips(strips), true, nil
	}
	if len(strips) > 0 {
		m, err := exact(strips)
		if err != nil {
			return 0, false, err
		}
		total += int64(m)
	}
	return int(total), true, nil
}

// wholeCells are the rows r0..r1 and columns c0..c1 of the cells wholly
// inside b (not crossing the antimeridian), and the strips along b's edges
// they leave; ok is false when b holds no whole cell.
func wholeCells(b geo.BBox) (r0, r1, c0, c1 int64, strips []geo.BBox, ok bool) {
	// Columns c0..c1 cover [c0/256, (c1+1)/256), inside [West, East]; rows
	// likewise.
	c0, c1 = int64(math.Ceil(b.West*CellsPerDegree)), int64(math.Floor(b.East*CellsPerDegree))-1
	r0, r1 = int64(math.Ceil(b.South*CellsPerDegree)), int64(math.Floor(b.North*CellsPerDegree))-1
	if c0 > c1 || r0 > r1 {
		return 0, 0, 0, 0, nil, false
	}
	x0, x1 := float64(c0)/CellsPerDegree, float64(c1+1)/CellsPerDegree
	y0, y1 := float64(r0)/CellsPerDegree, float64(r1+1)/CellsPerDegree
	below := func(x float64) float64 { return math.Nextafter(x, math.Inf(-1)) }
	// The strips: west and east over the full height, south and north
	// between them; an upper bound left open is the number just below.
	for _, s := range []geo.BBox{
		{West: b.West, South: b.South, East: below(x0), North: b.North},
		{West: x1, South: b.South, East: b.East, North: b.North},
		{West: x0, South: b.South, East: below(x1), North: below(y0)},
		{West: x0, South: y1, East: below(x1), North: b.North},
	} {
		if s.West <= s.East && s.South <= s.North {
			strips = append(strips, s)
		}
	}
	return r0, r1, c0, c1, strips, true
}
