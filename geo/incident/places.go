package incident

import (
	"sort"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// placeRef is a mention inside a sentence, with the tokens it covers and
// what the sentence does with it.
type placeRef struct {
	m           geo.Mention
	first, last int // token indices, inclusive
	clause      int
	group       int  // mentions listed together ("Kursk, Belgorod and Krasnodar") share a group
	eligible    bool // may be the location of an event
	near        bool // "north of X", "near X": geo-precision at least 2
}

var (
	// listGlue may stand between the members of a list of places.
	listGlue = setOf(",", "and", "or", "the", "region", "regions", "province", "provinces", "oblast",
		"oblasts", "state", "states", "district", "districts", "governorate", "governorates", "as", "well", "&")
	// placeMods may stand between a preposition and a place.
	placeMods = setOf("the", "a", "an", "northern", "southern", "eastern", "western", "central",
		"north-eastern", "north-western", "south-eastern", "south-western", "northeastern",
		"northwestern", "southeastern", "southwestern", "occupied", "war-torn", "besieged",
		"embattled", "nearby", "neighbouring", "neighboring", "frontline", "front-line", "restive",
		"its", "their", "his", "her", "town", "city", "village", "settlement", "region", "province",
		"district", "state", "area", "of", "capital", "port", "border", "key", "strategic")
	// locatives tie a country to an event ("in Sudan", "over Ukraine").
	locatives  = setOf("in", "inside", "across", "throughout", "within", "over", "into", "on", "near", "around")
	directions = setOf("north", "south", "east", "west", "northeast", "northwest", "southeast",
		"southwest", "north-east", "north-west", "south-east", "south-west", "outskirts", "edge",
		"vicinity", "suburbs", "environs", "periphery")
	// motionWords before "to" or "towards" make the place a destination
	// ("many residents fled towards Goma"), not where the event happened.
	motionWords = setOf("fled", "flee", "fleeing", "flees", "moved", "headed", "heading", "evacuated",
		"relocated", "displaced", "returned", "escaped", "retreated", "withdrew", "travelled", "traveled", "taken", "transferred")
	destinationPreps = setOf("to", "towards", "toward", "into")
	// seatNouns before "in" make the place the seat of an actor ("the
	// junta in Bamako retook Kidal"), not the event's location.
	seatNouns = setOf("junta", "government", "regime", "authorities", "leadership", "administration", "parliament", "embassy")
	// speechWords before a place in a clause without an event make it the
	// venue of a statement, not a location ("speaking in Brussels").
	speechWords = setOf("said", "says", "say", "told", "telling", "speaking", "spoke", "warned",
		"warns", "stated", "announced", "according", "claimed", "claims", "summit", "meeting",
		"conference", "talks", "visit", "visiting", "celebrations", "ceremony", "briefing",
		"interview", "statement", "addressed", "remarks", "reporters", "speech", "met", "meets", "hosted")
)

// sentencePlaces maps the mentions inside the sentence [from, to) to
// tokens, clauses and list groups. ms is sorted by Start.
func sentencePlaces(ms []geo.Mention, toks []token, clauses [][2]int, from, to int) []placeRef {
	lo := sort.Search(len(ms), func(k int) bool { return ms[k].Start >= from })
	var refs []placeRef
	for _, m := range ms[lo:] {
		if m.Start >= to {
			break
		}
		first := sort.Search(len(toks), func(k int) bool { return toks[k].end > m.Start })
		if first >= len(toks) || toks[first].start >= m.End {
			continue
		}
		last := first
		for last+1 < len(toks) && toks[last+1].start < m.End {
			last++
		}
		ref := placeRef{m: m, first: first, last: last, clause: clauseOf(clauses, first)}
		if n := len(refs); n > 0 && listed(toks, refs[n-1].last, first) {
			ref.group, ref.clause = refs[n-1].group, refs[n-1].clause
		} else {
			ref.group = n
		}
		refs = append(refs, ref)
	}
	return refs
}

func clauseOf(clauses [][2]int, tok int) int {
	for c, r := range clauses {
		if tok < r[1] {
			return c
		}
	}
	return len(clauses) - 1
}

// listed reports whether only list glue stands between two mentions.
func listed(toks []token, prevLast, first int) bool {
	if first-prevLast-1 > 4 || first-prevLast-1 < 1 {
		return false
	}
	for k := prevLast + 1; k < first; k++ {
		if !listGlue[toks[k].low] {
			return false
		}
	}
	return true
}

// markEligible decides for each list group whether it may locate an event:
// not an origin ("from occupied Crimea"), not the venue of a statement,
// and a country only with a locative preposition ("in Sudan").
func markEligible(refs []placeRef, toks []token, clauses [][2]int, clauseHasCue []bool) {
	for g := 0; g < len(refs); {
		head := refs[g]
		prep, prepAt := precedingPrep(toks, head.first, clauses[head.clause][0])
		ok := prep != "from" && !venue(toks, head, prepAt, clauses, clauseHasCue) && !appositive(toks, head.first) &&
			!destination(toks, prep, prepAt) && !seat(toks, prep, prepAt, head)
		near := prep == "near" || prep == "outside" || (prep == "of" && prepAt > 0 && directions[toks[prepAt-1].low])
		end := g
		for end < len(refs) && refs[end].group == head.group {
			r := &refs[end]
			level := geo.LevelOf(r.m.FeatureCode)
			r.eligible = ok && (level > geo.LevelCountry || locatives[prep]) && !onWater(toks, *r)
			r.near = near || offCoast(toks, *r)
			end++
		}
		g = end
	}
}

// facilityNouns after a name make it a site inside the place named next:
// "Lido beach in Mogadishu".
var facilityNouns = setOf("beach", "market", "hospital", "camp", "mosque", "church", "school", "university",
	"airport", "bridge", "square", "street", "road", "prison", "stadium", "hotel", "base", "neighbourhood",
	"neighborhood", "quarter", "compound", "checkpoint", "junction", "roundabout", "port", "mall", "park")

// partNouns after a name make it a part of the place named next ("Hodan
// district of Mogadishu"); the part yields to the town only when the two
// resolved to different countries, as a homonym abroad does.
var partNouns = setOf("district", "neighbourhood", "neighborhood", "suburb", "quarter", "area", "sector")

// markSites makes a named site ineligible when the place it lies in is
// named right after it ("at Lido beach in Mogadishu"): the site's name
// may resolve to a homonym elsewhere, the town cannot.
func markSites(refs []placeRef, toks []token) {
	for i := 0; i+1 < len(refs); i++ {
		k := refs[i].last + 1
		if k+1 >= len(toks) || (toks[k+1].low != "in" && toks[k+1].low != "of") || refs[i+1].first > k+3 || refs[i+1].first <= k {
			continue
		}
		if facilityNouns[toks[k].low] || partNouns[toks[k].low] && refs[i].m.Country != refs[i+1].m.Country {
			refs[i].eligible = false
		}
	}
}

// appositive reports whether the place is named as what holds the place
// before it: "Goma, the capital of North Kivu".
func appositive(toks []token, first int) bool {
	for k := first - 1; k >= 1 && k >= first-4; k-- {
		if toks[k].low == "of" && (toks[k-1].low == "capital" || toks[k-1].low == "part") {
			return true
		}
		if !placeMods[toks[k].low] {
			return false
		}
	}
	return false
}

// destination reports whether the preposition before a place makes it
// where people went: "fled towards Goma".
func destination(toks []token, prep string, prepAt int) bool {
	if !destinationPreps[prep] {
		return false
	}
	for k := prepAt - 1; k >= 0 && k >= prepAt-4; k-- {
		if motionWords[toks[k].low] {
			return true
		}
	}
	return false
}

// seat reports whether the place follows an actor as its seat and the
// actor's verb follows the place: "The junta in Bamako retook Kidal".
func seat(toks []token, prep string, prepAt int, r placeRef) bool {
	if prep != "in" || prepAt < 1 || !seatNouns[toks[prepAt-1].low] || r.last+1 >= len(toks) {
		return false
	}
	next := toks[r.last+1]
	return next.word && !speechWords[next.low] && (strings.HasSuffix(next.low, "ed") || pastVerbs[next.low])
}

// pastVerbs are irregular past tenses that report what an actor did.
var pastVerbs = setOf("took", "retook", "overran", "fought", "shot", "hit", "struck", "sent", "began", "won",
	"lost", "has", "had", "have", "seized", "made", "led", "ordered")

// precedingPrep returns the first token before tok that is not a modifier
// of the place (within its clause) and its index, or "" and -1.
func precedingPrep(toks []token, tok, clauseStart int) (string, int) {
	for k := tok - 1; k >= clauseStart && k >= tok-5; k-- {
		w := toks[k].low
		if w == "of" && k > clauseStart && directions[toks[k-1].low] {
			return w, k
		}
		if !placeMods[w] {
			return w, k
		}
	}
	return "", -1
}

// venue reports whether the place is where someone spoke rather than where
// something happened.
func venue(toks []token, r placeRef, prepAt int, clauses [][2]int, clauseHasCue []bool) bool {
	if prepAt >= 0 && (toks[prepAt].low == "in" || toks[prepAt].low == "at") {
		for k := prepAt - 1; k >= 0 && k >= prepAt-3; k-- {
			if speechWords[toks[k].low] {
				return true
			}
		}
	}
	if clauseHasCue[r.clause] {
		return false
	}
	for k := clauses[r.clause][0]; k < r.first; k++ {
		if speechWords[toks[k].low] {
			return true
		}
	}
	return false
}

// geoPrecision is the mention's precision, or one derived from its level,
// widened to 2 when the text places the event near the place.
func geoPrecision(r placeRef) int {
	p := r.m.Precision
	if p < geo.PrecisionExact || p > geo.PrecisionRegion {
		switch geo.LevelOf(r.m.FeatureCode) {
		case geo.LevelPlace:
			p = geo.PrecisionExact
		case geo.LevelAdmin2:
			p = geo.PrecisionNear
		default:
			p = geo.PrecisionRegion
		}
	}
	if r.near && p < geo.PrecisionNear {
		p = geo.PrecisionNear
	}
	return p
}

// cleanMentions drops mentions whose offsets do not fit the text,
// demonyms (a people names an actor, never where an event happened) and
// overlapping ones, and sorts the rest by Start.
func cleanMentions(text string, mentions []geo.Mention) []geo.Mention {
	ms := make([]geo.Mention, 0, len(mentions))
	for _, m := range mentions {
		if m.Start >= 0 && m.End <= len(text) && m.Start < m.End && m.Kind != geo.KindDemonym {
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 && m.Start < out[n-1].End {
			continue
		}
		out = append(out, m)
	}
	return out
}
