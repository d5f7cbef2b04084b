package gazetteer

import "github.com/incidentmap/incidentmap/geo"

// The overlay of run-time entries on the bundled data, precisely:
//
//   - Base entries have ids below geo.UserIDBase: the bundled places, and
//     rows of an imported GeoNames dump, which replace the bundled entry
//     with the same id.
//   - User entries have ids from geo.UserIDBase and are always visible.
//   - A user entry whose GeonameID names a base id corrects that place:
//     while at least one user entry carries the id, the base entry is
//     hidden. Two corrections of one place are both visible.
//   - Deleting (or re-pointing) a user entry restores the base entry it
//     corrected only when no other user entry still carries that id.
//   - A GeonameID in the user id range corrects nothing (one user entry
//     never hides another).
//
// The result depends only on the set of entries, not on the order in
// which they were put, so an index rebuilt at start-up shows exactly what
// the running one did.

// correctedID is the base id a user entry corrects, or 0.
func correctedID(p geo.Place) int64 {
	if p.ID < geo.UserIDBase || p.GeonameID <= 0 || p.GeonameID >= geo.UserIDBase {
		return 0
	}
	return p.GeonameID
}

// Put adds or replaces an entry at run time: a user entry, or a row from an
// imported GeoNames dump, with the overlay rules above.
func (ix *Index) Put(p geo.Place) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if p.FeatureClass == "" {
		p.FeatureClass = featureClass(p.FeatureCode)
	}
	if slot, ok := ix.slotOf(p.ID); ok {
		old := ix.place(slot)
		ix.remove(slot)
		ix.uncorrect(old)
	}
	if p.ID < geo.UserIDBase {
		if len(ix.correctors[p.ID]) > 0 {
			ix.hidden[p.ID] = p // still corrected: keep it for when it is not
			return
		}
		delete(ix.hidden, p.ID)
		ix.add(p)
		return
	}
	if gid := correctedID(p); gid != 0 {
		if ix.correctors == nil {
			ix.correctors = map[int64]map[int64]bool{}
			ix.hidden = map[int64]geo.Place{}
		}
		if ix.correctors[gid] == nil {
			ix.correctors[gid] = map[int64]bool{}
		}
		ix.correctors[gid][p.ID] = true
		if slot, ok := ix.slotOf(gid); ok {
			ix.hidden[gid] = ix.place(slot)
			ix.remove(slot)
		}
	}
	ix.add(p)
}

// Remove drops the entry with this id, restoring the entry it corrected
// when no other user entry corrects it; it reports whether there was one.
func (ix *Index) Remove(id int64) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	slot, ok := ix.slotOf(id)
	if !ok {
		return false
	}
	old := ix.place(slot)
	ix.remove(slot)
	ix.uncorrect(old)
	return true
}

// uncorrect forgets that old corrected a base entry and brings that entry
// back when nothing corrects it any more. The caller holds the write lock.
func (ix *Index) uncorrect(old geo.Place) {
	gid := correctedID(old)
	if gid == 0 || ix.correctors[gid] == nil {
		return
	}
	delete(ix.correctors[gid], old.ID)
	if len(ix.correctors[gid]) > 0 {
		return
	}
	delete(ix.correctors, gid)
	if orig, ok := ix.hidden[gid]; ok {
		delete(ix.hidden, gid)
		ix.add(orig)
	}
}

// bulkPut is the number of entries from which PutAll rebuilds the loose
// and prefix indexes once instead of updating them entry by entry.
const bulkPut = 1000

// PutAll puts every entry as Put does: the overlay of the store's entries
// on the bundled data at start-up. A large batch (an imported GeoNames
// dump) rebuilds the loose and prefix indexes once at the end.
func (ix *Index) PutAll(ps []geo.Place) {
	if len(ps) < bulkPut {
		for _, p := range ps {
			ix.Put(p)
		}
		return
	}
	ix.mu.Lock()
	hadPrefix := ix.prefix != nil
	seed := ix.loose.seed
	ix.loose, ix.prefix = nil, nil
	ix.mu.Unlock()
	for _, p := range ps {
		ix.Put(p)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.buildLoose(seed)
	if hadPrefix {
		ix.buildPrefix()
	}
}
