package incident

import "strings"

// Events on water. The bundled gazetteer has no seas, so a land region
// that shares a sea's name ("Red Sea", Sudan's state) would draw a ship
// attack on land. A name the text uses as a body of water is never an
// event location; "off the coast of Odesa" and "off Hodeidah" place the
// event near the coast (geo-precision 2).

// waterWords end or open the name of a body of water.
var waterWords = setOf("sea", "gulf", "strait", "straits", "ocean", "bay", "channel", "lagoon")

// landAfter words after a water name make it a land division: "Red Sea
// state", "Gulf province".
var landAfter = setOf("state", "province", "region", "governorate", "oblast", "district", "county", "city", "port")

// onWater reports whether the mention r names a body of water in the text.
func onWater(toks []token, r placeRef) bool {
	first, last := toks[r.first].low, toks[r.last].low
	if !waterWords[last] && !(waterWords[first] && r.last > r.first && toks[r.first+1].low == "of") {
		return false
	}
	if r.last+1 < len(toks) && landAfter[toks[r.last+1].low] {
		return false
	}
	return !strings.HasPrefix(r.m.FeatureCode, "H") // a GeoNames hydrographic entry may stay
}

// offCoast reports whether the place is reached with "off" ("off the
// coast of Odesa", "off Hodeidah"): the event was at sea near it.
func offCoast(toks []token, r placeRef) bool {
	for k := r.first - 1; k >= 0 && k >= r.first-5; k-- {
		switch toks[k].low {
		case "off":
			return true
		case "the", "coast", "coasts", "shores", "shore", "of", "port":
		default:
			return false
		}
	}
	return false
}
