package incident

import "github.com/incidentmap/incidentmap/geo"

// mostSpecific keeps the places that are not containers of another place
// in the list: a country gives way to any place below it (rule: a country
// makes an incident only when nothing more specific is given), a region to
// a district or settlement inside it, a district to a settlement inside it.
// Repeats of one place are dropped.
func mostSpecific(refs []placeRef) []placeRef {
	anyBelowCountry := false
	for _, r := range refs {
		anyBelowCountry = anyBelowCountry || geo.LevelOf(r.m.FeatureCode) > geo.LevelCountry
	}
	var out []placeRef
	for i, r := range refs {
		level := geo.LevelOf(r.m.FeatureCode)
		if level <= geo.LevelCountry && anyBelowCountry {
			continue
		}
		if containsAnother(r, refs) || repeated(r, refs[:i]) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func containsAnother(r placeRef, refs []placeRef) bool {
	level := geo.LevelOf(r.m.FeatureCode)
	for _, o := range refs {
		ol := geo.LevelOf(o.m.FeatureCode)
		if ol <= level || o.m.Country != r.m.Country {
			continue
		}
		if contains(r.m, level, o.m) {
			return true
		}
	}
	return false
}

// contains reports whether the place a (at level) holds the narrower b.
func contains(a geo.Mention, level geo.Level, b geo.Mention) bool {
	switch level {
	case geo.LevelCountry, geo.LevelContinent:
		return a.Country == b.Country
	case geo.LevelAdmin1:
		return a.Admin1 != "" && a.Admin1 == b.Admin1
	case geo.LevelAdmin2:
		return a.Admin1 == b.Admin1 && (a.Admin2 == "" || b.Admin2 == "" || a.Admin2 == b.Admin2)
	}
	return false
}

func repeated(r placeRef, before []placeRef) bool {
	for _, o := range before {
		if samePlace(o.m, r.m) {
			return true
		}
	}
	return false
}

func samePlace(a, b geo.Mention) bool {
	if a.GeonameID != 0 || b.GeonameID != 0 {
		return a.GeonameID == b.GeonameID
	}
	return a.Name == b.Name && a.Country == b.Country && a.Admin1 == b.Admin1 && a.FeatureCode == b.FeatureCode
}
