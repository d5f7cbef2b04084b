package incident

import (
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// Rules for sentences that name no place of their own. Such a sentence
// may continue the place of the sentence before ("Air defences shot down
// 11 drones."), but not when it turns to another place the gazetteer does
// not know, reports a total for several regions, or only describes the
// fighting already told.

// separateOpeners start a sentence about another event elsewhere.
var separateOpeners = [][]string{{"separately"}, {"elsewhere"}, {"in", "a", "separate"}, {"in", "another"},
	{"meanwhile"}, {"in", "other"}}

// unknownDesignators follow or precede a name the text marks as a place.
var unknownDesignators = setOf("region", "province", "district", "village", "town", "city", "state",
	"county", "oblast", "governorate", "area", "neighbourhood", "neighborhood", "camp", "settlement")

// anaphoricActors refer back to the side of the event just told ("the
// attackers fired mortars ...").
var anaphoricActors = setOf("attackers", "assailants", "gunmen", "militants", "rebels", "insurgents", "raiders")

// genericFighting are armed-clash words that, without a place, describe
// the fighting already told or a general state ("The junta said it was
// fighting terrorists").
var genericFighting = setOf("fighting", "fight", "fought", "clashes", "clash", "battle", "battles", "offensive")

// carryable reports whether the events of sentence i may take the places
// of an earlier sentence.
func (b *builder) carryable(i int) bool {
	s := b.sents[i]
	for _, ph := range separateOpeners {
		if hasWords(s.toks, 0, ph) {
			return false
		}
	}
	if namesUnknownPlace(s) {
		return false
	}
	if statesCount(s) && (b.multiRegion(i) || actorCountrySubject(s)) {
		return false // "Russia launched 82 missiles and drones": a total, not one place's
	}
	if b.prevEvent >= 0 && (i-b.prevEvent <= 2 && describesFighting(s) || i-b.prevEvent <= 3 && refersToAttackers(s)) {
		return false
	}
	return true
}

// namesUnknownPlace reports whether the sentence names a place that was
// not resolved: a capitalised name next to a designator ("the Lower
// Shabelle region", "the village of Kalynove") outside every mention.
func namesUnknownPlace(s sentence) bool {
	covered := func(k int) bool {
		for _, r := range s.places {
			if k >= r.first && k <= r.last {
				return true
			}
		}
		return false
	}
	for k, tk := range s.toks {
		if !unknownDesignators[tk.low] {
			continue
		}
		if k > 0 && s.toks[k-1].upper && !covered(k-1) && k-1 > 0 {
			return true
		}
		if k+2 < len(s.toks) && s.toks[k+1].low == "of" && s.toks[k+2].upper && !covered(k+2) {
			return true
		}
	}
	return false
}

// multiRegion reports whether the sentences up to i name event places in
// more than one first-level region.
func (b *builder) multiRegion(i int) bool {
	seen := map[string]bool{}
	for k := 0; k <= i && k < len(b.sents); k++ {
		for _, r := range b.sents[k].places {
			if r.eligible && geo.LevelOf(r.m.FeatureCode) > geo.LevelCountry {
				seen[r.m.Country+"."+r.m.Admin1] = true
			}
		}
	}
	return len(seen) > 1
}

// turnsElsewhere reports whether a sentence without events must not lend
// its figures to the incidents before it: it opens on another event
// ("Separately, ...") or names a place of its own.
func turnsElsewhere(s sentence, prev []geo.Incident) bool {
	for _, ph := range separateOpeners {
		if hasWords(s.toks, 0, ph) {
			return true
		}
	}
	if namesUnknownPlace(s) {
		return true
	}
	for _, r := range s.places {
		if !r.eligible || geo.LevelOf(r.m.FeatureCode) <= geo.LevelCountry {
			continue
		}
		same := false
		for _, in := range prev {
			same = same || in.Location == r.m.Name || (in.Country == r.m.Country && in.Admin1 == r.m.Admin1 && geo.LevelOf(r.m.FeatureCode) <= geo.LevelAdmin1)
		}
		if !same {
			return true
		}
	}
	return false
}

// statesCount reports whether the sentence counts weapons or attacks.
func statesCount(s sentence) bool {
	for i := range s.toks {
		if q, ok := readQuantity(s.toks, i); ok && !q.article && countable(s.toks, q, 0, len(s.toks)) {
			unit, _, _ := countUnit(s.toks, q, len(s.toks), "")
			if unit != "" && !personNouns[lastWord(unit)] {
				return true
			}
		}
	}
	return false
}

// actorCountrySubject reports whether a country is the subject of the
// sentence's event ("Russia launched ..."), which then concerns the whole
// war rather than the place before.
func actorCountrySubject(s sentence) bool {
	for _, r := range s.places {
		if geo.LevelOf(r.m.FeatureCode) == geo.LevelCountry && !r.eligible {
			for _, ev := range s.events {
				if ev.cueTok > r.last && ev.cueTok-r.last <= 3 {
					return true
				}
			}
		}
	}
	return false
}

func describesFighting(s sentence) bool {
	for _, ev := range s.events {
		if ev.sub == geo.SubArmedClash && ev.cueTok < len(s.toks) && genericFighting[s.toks[ev.cueTok].low] {
			return true
		}
	}
	return false
}

func refersToAttackers(s sentence) bool {
	for k := 1; k < len(s.toks); k++ {
		if anaphoricActors[s.toks[k].low] && (s.toks[k-1].low == "the" || s.toks[k-1].low == "these") {
			return true
		}
	}
	return false
}

func lastWord(unit string) string {
	for k := len(unit) - 1; k >= 0; k-- {
		if unit[k] == ' ' {
			return unit[k+1:]
		}
	}
	return unit
}

// background reports whether a dated sentence tells of a time well before
// the report ("The junta retook Kidal in November"): more than 45 days
// before the article was published.
func background(s sentence, published time.Time) bool {
	if !s.dated || published.IsZero() {
		return false
	}
	return published.Sub(s.date.day) > 45*24*time.Hour
}
