package incident

import (
	"sort"

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
		"southwest", "north-east", "north-west", "south-east", "south-west", "outskirts")
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
		ok := prep != "from" && !venue(toks, head, prepAt, clauses, clauseHasCue)
		near := prep == "near" || prep == "outside" || (prep == "of" && prepAt > 0 && directions[toks[prepAt-1].low])
		end := g
		for end < len(refs) && refs[end].group == head.group {
			r := &refs[end]
			level := geo.LevelOf(r.m.FeatureCode)
			r.eligible = ok && (level > geo.LevelCountry || locatives[prep])
			r.near = near
			end++
		}
		g = end
	}
}

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
