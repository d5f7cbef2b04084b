package gazetteer

import "github.com/incidentmap/incidentmap/geo"

// Put adds or replaces an entry at run time: a user entry, or a row from an
// imported GeoNames dump. An entry whose GeonameID matches a bundled entry
// stands in for it, so a user can correct a bundled place.
func (ix *Index) Put(p geo.Place) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if slot, ok := ix.byID[p.ID]; ok {
		ix.remove(slot)
	}
	if p.GeonameID != 0 && p.GeonameID != p.ID {
		if slot, ok := ix.byID[p.GeonameID]; ok {
			ix.remove(slot)
		}
	}
	if p.FeatureClass == "" {
		p.FeatureClass = featureClass(p.FeatureCode)
	}
	ix.add(p)
}

// Remove drops the entry with this id; it reports whether there was one.
func (ix *Index) Remove(id int64) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	slot, ok := ix.byID[id]
	if ok {
		ix.remove(slot)
	}
	return ok
}
