package gazetteer

import "github.com/incidentmap/incidentmap/geo"

// Put adds or replaces an entry at run time: a user entry, or a row from an
// imported GeoNames dump. An entry whose GeonameID matches another entry's
// id stands in for it, so a user can correct a bundled place; the bundled
// entry comes back when the correction is removed.
func (ix *Index) Put(p geo.Place) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if slot, ok := ix.byID[p.ID]; ok {
		ix.remove(slot)
	}
	if p.GeonameID != 0 && p.GeonameID != p.ID {
		if slot, ok := ix.byID[p.GeonameID]; ok {
			if ix.hidden == nil {
				ix.hidden = map[int64]geo.Place{}
			}
			ix.hidden[p.GeonameID] = ix.places[slot]
			ix.remove(slot)
		}
	}
	if p.FeatureClass == "" {
		p.FeatureClass = featureClass(p.FeatureCode)
	}
	ix.add(p)
}

// Remove drops the entry with this id, restoring the entry it corrected if
// any; it reports whether there was one.
func (ix *Index) Remove(id int64) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	slot, ok := ix.byID[id]
	if !ok {
		return false
	}
	gid := ix.places[slot].GeonameID
	ix.remove(slot)
	if orig, ok := ix.hidden[gid]; ok && gid != id {
		delete(ix.hidden, gid)
		ix.add(orig)
	}
	return true
}
