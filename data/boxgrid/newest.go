package boxgrid

import (
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

// A page of a box, newest first, is chosen from the cells' points: each
// kept point lists its incidents newest first, and a page merges the lists
// of the points inside the box. SQLite searched its R*Tree a window of days
// at a time and sorted each window, most of the cost of a new box's page
// of 1,000. An incident costs 8 bytes here: its day and id in one key.

// Key bits: the id below idBits, the day (offset by dayBias) above.
const (
	idBits  = 40
	dayBias = 1 << 22
)

// MaxID is the largest incident id a page key holds.
const MaxID = 1<<idBits - 1

// PageKey orders incidents as a page does, by day, then id; larger is
// newer. ok is false when the day or id is out of the key's range.
func PageKey(day, id int64) (key uint64, ok bool) {
	d := day + dayBias
	if id < 0 || id >= 1<<idBits || d < 0 || d >= 1<<(63-idBits) {
		return 0, false
	}
	return uint64(d)<<idBits | uint64(id), true
}

// KeyID is the incident id of a page key.
func KeyID(k uint64) int64 { return int64(k & (1<<idBits - 1)) }

// newest are the point lists: point j's keys are keys[start[j]:start[j+1]],
// largest first.
type newest struct {
	start []int32
	keys  []uint64
}

// NewestBuilder fills the point lists from the incidents in page order.
type NewestBuilder struct {
	c     *Cells
	at    map[[2]float64]int32 // point -> its index
	lists newest
	next  []int32 // next free slot of each point's list
	bad   bool
}

// NewestBuilder starts the lists; nil when the cells keep no points.
func (c *Cells) NewestBuilder() *NewestBuilder {
	cp := c.points
	if cp == nil {
		return nil
	}
	b := &NewestBuilder{c: c, at: make(map[[2]float64]int32, len(cp.lon)),
		lists: newest{start: make([]int32, len(cp.lon)+1)}, next: make([]int32, len(cp.lon))}
	var total int32
	for j := range cp.lon {
		b.at[[2]float64{cp.lon[j], cp.lat[j]}] = int32(j)
		b.lists.start[j], b.next[j] = total, total
		total += cp.n[j]
	}
	b.lists.start[len(cp.lon)] = total
	b.lists.keys = make([]uint64, total)
	return b
}

// Add puts one incident in its point's list. Incidents must come newest
// first (page order) and be the ones the cells counted; anything else
// leaves the cells without lists.
func (b *NewestBuilder) Add(lon, lat float64, day, id int64) {
	if b.bad {
		return
	}
	k, ok := PageKey(day, id)
	j, found := b.at[[2]float64{lon, lat}]
	if !ok || !found || b.next[j] >= b.lists.start[j+1] || (b.next[j] > b.lists.start[j] && b.lists.keys[b.next[j]-1] <= k) {
		b.bad = true
		return
	}
	b.lists.keys[b.next[j]] = k
	b.next[j]++
}

// Done gives the cells their lists if every counted incident came in page
// order, and reports whether it did.
func (b *NewestBuilder) Done() bool {
	for j, n := range b.next {
		if n != b.lists.start[j+1] {
			b.bad = true
		}
	}
	if !b.bad {
		b.c.newest.Store(&b.lists)
	}
	return !b.bad
}

// MaxPagePoints bounds the points a page merges: past it the store's own
// query is the better way.
const MaxPagePoints = 50_000

// Newest returns the ids of the newest want incidents in b (not crossing
// the antimeridian) with keys in [lo, hi], in page order. ok is false when
// the cells keep no lists or b holds too many points.
func (c *Cells) Newest(b geo.BBox, lo, hi uint64, want int) (ids []int64, ok bool) {
	nl := c.newest.Load()
	if nl == nil || c.points == nil {
		return nil, false
	}
	var h pageHeap
	cp := c.points
	c0, c1 := cellOf(b.West), cellOf(b.East)
	for r := cellOf(b.South); r <= cellOf(b.North); r++ {
		i, _ := slices.BinarySearch(c.keys, CellKey(r, c0))
		for ; i < len(c.keys) && c.keys[i] <= CellKey(r, c1); i++ {
			for j := cp.start[i]; j < cp.start[i+1]; j++ {
				if x, y := cp.lon[j], cp.lat[j]; x < b.West || x > b.East || y < b.South || y > b.North {
					continue
				}
				list := nl.keys[nl.start[j]:nl.start[j+1]]
				// The list is largest first: skip what is above hi.
				k, _ := slices.BinarySearchFunc(list, hi, func(e, t uint64) int {
					if e > t {
						return -1
					}
					return 1
				})
				if k < len(list) && list[k] >= lo {
					if len(h) >= MaxPagePoints {
						return nil, false
					}
					h = append(h, cursor{list[k:]})
				}
			}
		}
	}
	h.init()
	for len(ids) < want && len(h) > 0 {
		top := &h[0]
		ids = append(ids, KeyID(top.keys[0]))
		if top.keys = top.keys[1:]; len(top.keys) == 0 || top.keys[0] < lo {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		h.down(0)
	}
	return ids, true
}

// cursor is what is left of one point's list.
type cursor struct{ keys []uint64 }

// pageHeap is a max-heap of cursors by their first key.
type pageHeap []cursor

func (h pageHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h pageHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].keys[0] > h[l].keys[0] {
			m = r
		}
		if h[m].keys[0] <= h[i].keys[0] {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}
