package incident

import "github.com/incidentmap/incidentmap/geo"

// Events on water. A name the text uses as a body of water is an event
// location only when the geoparser resolved it to the water body itself
// (the gazetteer's seas, gulfs and straits), never to a land region that
// shares the sea's name ("Red Sea", Sudan's state). "Off the coast of
// Odesa" and "off Hodeidah" place the event near the coast (geo-precision 2).

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
	return !geo.IsWater(r.m.FeatureCode) // the sea itself may stay: the event is drawn at sea
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
