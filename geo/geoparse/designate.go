package geoparse

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// designatorAfter is the level named by the word right after token i
// ("Rostov region", "Morozovsk district"), or LevelUnknown.
func (r *recognizer) designatorAfter(i int) geo.Level {
	if i+1 >= len(r.toks) || r.toks[i].punctAfter || r.toks[i].commaAfter || r.toks[i].possessive || r.toks[i+1].hyphenPrev {
		return geo.LevelUnknown // "Tri-State": a compound word, not a designated name
	}
	l, _ := gazetteer.DesignatorLevel(r.toks[i+1].low)
	return l
}

// designatorBefore is the level named by "the village of X", "the
// regions of X", or LevelUnknown.
// "The governor of X" also names a region: governors run regions.
func (r *recognizer) designatorBefore(i int) geo.Level {
	if i < 2 || r.lower(i-1) != "of" {
		return geo.LevelUnknown
	}
	if r.lower(i-2) == "governor" {
		return geo.LevelAdmin1
	}
	// In "the Bryansk region of Russia" the designator belongs to Bryansk.
	if i >= 3 && r.toks[i-3].cap && !r.toks[i-3].sentStart {
		return geo.LevelUnknown
	}
	l, _ := gazetteer.DesignatorLevel(r.toks[i-2].low)
	return l
}

func isPlural(word string) bool {
	w := strings.ToLower(word)
	return strings.HasSuffix(w, "s") && w != "ss" || w == "oblasti" || w == "cities"
}

// applyDesignators fixes the level of each span from the designators next
// to it. A singular designator right after a name joins the mention's
// text ("Saratov region"); a plural one after a list names the level of
// every member ("the Kursk, Belgorod and Krasnodar regions"), as does one
// before "of" ("the southern regions of Zaporizhia, Odesa and
// Dnipropetrovsk").
func (r *recognizer) applyDesignators(spans []span) {
	for k := range spans {
		sp := &spans[k]
		if l := r.designatorAfter(sp.last); l != geo.LevelUnknown && !r.organisationAfterCountry(*sp) {
			sp.level = l
			d := r.toks[sp.last+1]
			if !isPlural(d.text) {
				sp.end = d.end
			} else {
				r.spreadBack(spans, k, l)
			}
		}
		if l := r.designatorBefore(sp.first); l != geo.LevelUnknown {
			sp.level = l
			if isPlural(r.toks[sp.first-2].text) {
				r.spreadForward(spans, k, l)
			}
		}
	}
}

// organisationAfterCountry: a country's name, then a designator word and
// "of Something" start an organisation's name ("United States Department
// of Agriculture"), not a division's ("the Est region" stays a region).
func (r *recognizer) organisationAfterCountry(sp span) bool {
	k := sp.last + 2
	if k+1 >= len(r.toks) || r.lower(k) != "of" || !r.toks[k+1].cap {
		return false
	}
	return r.namesCountry(sp)
}

// namesCountry: the span's best entry of exactly its name is a country.
func (r *recognizer) namesCountry(sp span) bool {
	if sp.demonym || sp.admin1 != "" || !sp.known {
		return false
	}
	best, ok := r.best(sp.key, askBestExact)
	return ok && best.Level() == geo.LevelCountry
}

// listed reports whether spans a and b (a before b) are neighbours in a
// list: only a comma, "and" or "or" between them.
func (r *recognizer) listed(a, b span) bool {
	if b.first == a.last+1 {
		return r.toks[a.last].commaAfter
	}
	if b.first == a.last+2 {
		w := r.lower(a.last + 1)
		return w == "and" || w == "or"
	}
	return false
}

func (r *recognizer) spreadBack(spans []span, k int, l geo.Level) {
	for j := k; j > 0 && r.listed(spans[j-1], spans[j]); j-- {
		if spans[j-1].level == geo.LevelUnknown {
			spans[j-1].level = l
		}
	}
}

func (r *recognizer) spreadForward(spans []span, k int, l geo.Level) {
	for j := k; j+1 < len(spans) && r.listed(spans[j], spans[j+1]); j++ {
		if spans[j+1].level == geo.LevelUnknown {
			spans[j+1].level = l
		}
	}
}

// cueNames finds capitalised names the gazetteer does not know but the text
// marks as places: "the village of Kalynove", "Kalynove village",
// "Kalynove, a village in ...", and names set right before a region:
// "Novobakhmutivka and Ocheretyne in the Donetsk region". They are
// resolved later to the region that contains them.
func (r *recognizer) cueNames(known []span) []span {
	taken := map[int]bool{}
	for _, sp := range known {
		for i := sp.first; i <= sp.last; i++ {
			taken[i] = true
		}
	}
	var out []span
	add := func(first, last int) {
		for i := first; i <= last; i++ {
			if taken[i] {
				return
			}
		}
		for i := first; i <= last; i++ {
			taken[i] = true
		}
		out = append(out, span{first: first, last: last, key: r.nameKey(first, last), end: r.toks[last].end, level: geo.LevelPlace, fromCue: true})
	}
	for i := range r.toks {
		if !r.unknownName(i, taken) {
			continue
		}
		if r.designatorBefore(i) == geo.LevelPlace || r.villageAfter(i) || r.appositive(i) || r.locatedBeforeKnown(i, known) {
			add(i, i)
		}
	}
	for _, sp := range known {
		r.namesBeforeRegion(sp, taken, add)
	}
	return out
}

// locatedBeforeKnown: "shelled near Kalynove, Kharkiv": an unknown word
// after a locative preposition and before ", <known place>", the pattern
// "Town, Region" of news writing.
func (r *recognizer) locatedBeforeKnown(i int, known []span) bool {
	if i == 0 || !locativePreps[r.lower(i-1)] || !r.toks[i].commaAfter {
		return false
	}
	for _, sp := range known {
		if sp.first == i+1 {
			return true
		}
	}
	return false
}

// unknownName: a capitalised word that may be an unknown place's name.
func (r *recognizer) unknownName(i int, taken map[int]bool) bool {
	t := r.toks[i]
	w := t.low
	return t.cap && !taken[i] && !t.sentStart && !t.allCaps && len(t.text) >= 4 && !r.persons[t.text] &&
		!calendar[w] && !institutions[w] && !titles[w] && !commonWords[w]
}

// villageAfter: "Kalynove village".
func (r *recognizer) villageAfter(i int) bool {
	return r.designatorAfter(i) == geo.LevelPlace && !isPlural(r.toks[i+1].text)
}

// appositive: "Krynky, a village on the left bank".
func (r *recognizer) appositive(i int) bool {
	t := r.toks
	if !t[i].commaAfter || i+2 >= len(t) {
		return false
	}
	a := t[i+1].low
	l, ok := gazetteer.DesignatorLevel(t[i+2].low)
	return (a == "a" || a == "an" || a == "the") && ok && l == geo.LevelPlace
}

// namesBeforeRegion walks back from a designated region over a container
// gap ("in the", ",") and a list of capitalised names joined by commas,
// "and" or "or", adding each name of one to three words.
func (r *recognizer) namesBeforeRegion(region span, taken map[int]bool, add func(int, int)) {
	if region.level != geo.LevelAdmin1 && region.level != geo.LevelAdmin2 {
		return
	}
	j := region.first - 1
	for j >= 0 && !r.toks[j].cap && j > region.first-4 {
		j--
	}
	if j < 0 || !isContainerGap(r.text[r.toks[j].end:r.toks[region.first].start]) {
		return
	}
	for j >= 0 {
		last := j
		for j >= 0 && j > last-3 && r.unknownName(j, taken) && !r.toks[j].commaAfter || j == last && j >= 0 && r.unknownName(j, taken) {
			j--
		}
		if j == last {
			return
		}
		add(j+1, last)
		switch {
		case j >= 0 && r.toks[j].commaAfter && r.toks[j].cap:
		case j >= 1 && (r.lower(j) == "and" || r.lower(j) == "or"):
			j--
		default:
			return
		}
	}
}
