package gazetteer

import (
	"iter"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

// Open returns an index over a packed gazetteer (Pack), such as the one
// the binary embeds. The packed data is read where it lies and must not
// change; entries put on top of it (user entries, imported rows) are held
// as Load holds them.
func Open(b []byte) (*Index, error) {
	pk, err := openPacked(b)
	if err != nil {
		return nil, err
	}
	ix := New()
	ix.base, ix.nBase = pk, pk.n
	return ix, nil
}

// The helpers below answer for base and overlay slots alike; the caller
// holds the lock.

// place is the entry in slot with its alternate names; a removed entry
// has ID 0.
func (ix *Index) place(slot int32) geo.Place { return ix.decoded(slot, decodeAll) }

// peek is place without the alternate names, for ranking and filtering.
func (ix *Index) peek(slot int32) geo.Place { return ix.decoded(slot, decodeNames) }

// head is the entry's ids, codes, population and point, for ranking.
func (ix *Index) head(slot int32) geo.Place { return ix.decoded(slot, decodeHead) }

// decoded is the entry in slot as far as depth says (packed.go); entries
// put on top are whole, but peek's come without their alternate names.
func (ix *Index) decoded(slot int32, depth int) geo.Place {
	if slot >= ix.nBase {
		p := ix.places[slot-ix.nBase]
		if depth == decodeNames {
			p.AlternateNames = nil
		}
		return p
	}
	if ix.dead[slot] {
		return geo.Place{}
	}
	return ix.base.place(slot, depth)
}

// slotOf returns the slot of the live entry with this id.
func (ix *Index) slotOf(id int64) (int32, bool) {
	if s, ok := ix.byID[id]; ok {
		return s, true
	}
	if ix.base == nil {
		return 0, false
	}
	s, ok := ix.base.slotOf(id)
	if !ok || ix.dead[s] {
		return 0, false
	}
	return s, true
}

func (ix *Index) countrySlot(code string) (int32, bool) {
	return ix.adminSlot(ix.country, "c", code)
}

func (ix *Index) admin1Slot(key string) (int32, bool) {
	return ix.adminSlot(ix.admin1, "1", key)
}

func (ix *Index) admin2Slot(key string) (int32, bool) {
	return ix.adminSlot(ix.admin2, "2", key)
}

// adminSlot looks a division code up on top, then in the base. A removed
// division keeps its code, as in an index loaded from text.
func (ix *Index) adminSlot(top map[string]int32, tag, code string) (int32, bool) {
	if s, ok := top[code]; ok {
		return s, true
	}
	if ix.base == nil {
		return 0, false
	}
	return ix.base.admin(tag + code)
}

// exactSlots returns the live slots under a key, ascending.
func (ix *Index) exactSlots(key string) []int32 {
	top := ix.exact.get(key)
	if ix.base == nil {
		return top
	}
	return append(ix.liveBase(ix.base.exact(key)), top...)
}

// looseSlots returns the live slots under a loose key, ascending; none
// while a bulk PutAll rebuilds the loose index.
func (ix *Index) looseSlots(loose string) []int32 {
	if ix.loose == nil {
		return nil
	}
	top := ix.loose.get(loose)
	if ix.base == nil {
		return top
	}
	return append(ix.liveBase(ix.base.looseSlots(loose)), top...)
}

// liveBase drops the removed slots from a list of base slots it owns.
func (ix *Index) liveBase(slots []int32) []int32 {
	if len(ix.dead) == 0 {
		return slots
	}
	return slices.DeleteFunc(slots, func(s int32) bool { return ix.dead[s] })
}

// removeBase removes a base entry: its slot is marked, and every lookup
// skips it.
func (ix *Index) removeBase(slot int32) {
	if ix.dead == nil {
		ix.dead = map[int32]bool{}
	}
	ix.dead[slot] = true
}

// eachLive calls fn for the slot of every live entry.
func (ix *Index) eachLive(fn func(slot int32)) {
	for s := range ix.nBase {
		if !ix.dead[s] {
			fn(s)
		}
	}
	for _, s := range ix.byID {
		fn(s)
	}
}

// All yields every live entry with its alternate names: the bundled ones
// in the order of the gazetteer file, then those put on top in the order
// they were put. It holds the read lock throughout, so the loop must not
// change the index. Reading the whole packed index decodes all of it:
// a caller that wants the entries once should Open an index of its own
// and let it go.
func (ix *Index) All() iter.Seq[geo.Place] {
	return func(yield func(geo.Place) bool) {
		ix.mu.RLock()
		defer ix.mu.RUnlock()
		for s := range ix.nBase + int32(len(ix.places)) {
			if p := ix.place(s); p.ID != 0 && !yield(p) {
				return
			}
		}
	}
}
