package geoparse

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// span is a recognised place name: tokens [first, last] are the name;
// the mention's text may also cover a singular designator right after it.
type span struct {
	first, last int
	end         int // byte end of the mention text (name, or name + designator)
	level       geo.Level
	known       bool // the name is in the gazetteer
	fromCue     bool // unknown name taken from a designator cue ("the village of X")
}

// maxNameTokens bounds the length of a multiword name.
const maxNameTokens = 6

// recognizer holds one document's tokens while its names are found.
type recognizer struct {
	ix      *gazetteer.Index
	text    string
	toks    []token
	persons map[string]bool // surnames of people named in the document
}

func (r *recognizer) lower(i int) string { return strings.ToLower(r.toks[i].text) }

// run finds the place names in the document, left to right, longest first.
func (r *recognizer) run() []span {
	r.persons = r.findPersons()
	var spans []span
	for i := 0; i < len(r.toks); i++ {
		if !r.toks[i].cap {
			continue
		}
		sp, ok := r.matchAt(i)
		if !ok {
			continue
		}
		if r.accept(sp) {
			spans = append(spans, sp)
		}
		i = sp.last
	}
	spans = append(spans, r.cueNames(spans)...)
	r.applyDesignators(spans)
	return spans
}

// matchAt returns the longest gazetteer name starting at token i.
func (r *recognizer) matchAt(i int) (span, bool) {
	for n := maxNameTokens; n >= 1; n-- {
		j := i + n - 1
		if j >= len(r.toks) || !r.nameShape(i, j) {
			continue
		}
		key := gazetteer.Key(r.text[r.toks[i].start:r.toks[j].end])
		if r.ix.HasKey(key) {
			return span{first: i, last: j, end: r.toks[j].end, known: true}, true
		}
	}
	// An adjectival or variant spelling counts when a designator vouches
	// for it: "Rostovskaya oblast", "Zaporozhye region".
	if i+1 < len(r.toks) {
		if _, ok := gazetteer.DesignatorLevel(r.toks[i+1].text); ok && !r.toks[i].punctAfter && !r.toks[i].commaAfter && !commonWords[r.lower(i)] {
			if len(r.ix.Lookup(gazetteer.Query{Name: r.text[r.toks[i].start:r.toks[i+1].end], Limit: 1})) > 0 {
				return span{first: i, last: i, end: r.toks[i].end, known: true}, true
			}
		}
	}
	return span{}, false
}

// nameShape says whether tokens i..j may form one name: capitalised at both
// ends, only connectors or capitalised words inside, no break between.
func (r *recognizer) nameShape(i, j int) bool {
	if !r.toks[j].cap {
		return false
	}
	for k := i; k <= j; k++ {
		t := r.toks[k]
		if k < j && (t.punctAfter || t.commaAfter || t.possessive) {
			return false
		}
		if k > i && k < j && !t.cap && !connectors[strings.ToLower(t.text)] {
			return false
		}
		if k > i && t.sentStart {
			return false
		}
	}
	return true
}

// accept applies the filters that tell a place from a word that only
// looks like one.
func (r *recognizer) accept(sp span) bool {
	name := strings.ToLower(r.text[r.toks[sp.first].start:r.toks[sp.last].end])
	designated := r.designatorAfter(sp.last) != geo.LevelUnknown || r.designatorBefore(sp.first) != geo.LevelUnknown
	switch {
	case calendar[name] && !designated, institutions[name] && !designated:
		return false
	case titles[name] || connectors[name]:
		return false
	case sp.first == sp.last && r.persons[r.toks[sp.first].text]:
		return false
	case r.afterTitle(sp.first):
		return false
	case r.inPersonRun(sp):
		return false
	case r.isModifier(sp) && !designated:
		return false
	case r.toks[sp.first].allCaps && sp.first == sp.last && !r.isCountryCode(sp):
		return false
	case r.toks[sp.first].sentStart && sp.first == sp.last && (commonWords[name] || r.lowerElsewhere(name)):
		return false
	case sp.first == sp.last && r.isDemonym(sp.first):
		return false
	case sp.first > 0 && (r.lower(sp.first-1) == "a" || r.lower(sp.first-1) == "an") && !designated:
		return false // "an Iskander", "a Toyota": a thing of that name, not a place
	}
	return true
}

// lowerElsewhere: the word also appears in lower case in the document, so a
// capitalised copy at a sentence start is most likely that word ("Drone
// strikes hit...", "Farmers blocked...").
func (r *recognizer) lowerElsewhere(word string) bool {
	for _, t := range r.toks {
		if !t.cap && t.text == word {
			return true
		}
	}
	return false
}

// demonymSuffixes turn a country name into its adjective: Chad-ian,
// Somal(ia)-i, Sudan-ese, Israel-i.
var demonymSuffixes = []string{"ian", "ean", "an", "ese", "ish", "i", "n"}

// isDemonym: a word that is a country's adjective followed by an actor
// noun ("Somali forces", "Chadian troops") names an actor, not a place.
func (r *recognizer) isDemonym(i int) bool {
	if i+1 >= len(r.toks) || !actorNouns[r.lower(i+1)] {
		return false
	}
	w := r.lower(i)
	for _, suf := range demonymSuffixes {
		if !strings.HasSuffix(w, suf) || len(w)-len(suf) < 3 {
			continue
		}
		stem := w[:len(w)-len(suf)]
		for _, name := range []string{stem, stem + "a", stem + "ia", stem + "e"} {
			best := r.ix.Lookup(gazetteer.Query{Name: name, Limit: 1})
			if len(best) > 0 && best[0].Level() == geo.LevelCountry && gazetteer.Key(best[0].Name) != w {
				return true
			}
		}
	}
	return false
}

// afterTitle: "governor Vasily Golubev", "Gen. Victoria".
func (r *recognizer) afterTitle(i int) bool {
	if i == 0 {
		return false
	}
	prev := r.toks[i-1]
	return titles[strings.ToLower(prev.text)] && !prev.commaAfter && !prev.punctAfter && !prev.possessive
}

// inPersonRun: the name sits in a run of capitalised words that it does not
// explain, such as "Antony Blinken" or "Kyiv Independent". Titles and
// designators next to a place are fine ("US President", "Kherson Oblast").
func (r *recognizer) inPersonRun(sp span) bool {
	if sp.first > 0 {
		prev := r.toks[sp.first-1]
		if prev.cap && !prev.punctAfter && !prev.commaAfter && !prev.possessive && !r.explained(sp.first-1) {
			return true
		}
	}
	if sp.last+1 < len(r.toks) {
		cur, next := r.toks[sp.last], r.toks[sp.last+1]
		if next.cap && !cur.punctAfter && !cur.commaAfter && !cur.possessive && !next.sentStart && !r.explained(sp.last+1) {
			return !next.hyphenPrev || !modifierSuffixes[strings.ToLower(next.text)]
		}
	}
	return false
}

// explained: a capitalised neighbour that does not make a run a person's
// or an organisation's name.
func (r *recognizer) explained(i int) bool {
	w := r.lower(i)
	if titles[w] || connectors[w] {
		return true
	}
	if _, ok := gazetteer.DesignatorLevel(w); ok {
		return true
	}
	if !r.toks[i].sentStart {
		return false
	}
	// At a sentence start a capitalised adjective or participle is still an
	// ordinary word: "Neighbouring Poland", "Southern Lebanon".
	return commonWords[w] || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") ||
		strings.HasSuffix(w, "ern") || strings.HasSuffix(w, "ly")
}

// isModifier: "Shahed-type drones", "Iskander missiles".
func (r *recognizer) isModifier(sp span) bool {
	if sp.last+1 >= len(r.toks) || r.toks[sp.last].punctAfter || r.toks[sp.last].commaAfter {
		return false
	}
	next := r.toks[sp.last+1]
	w := strings.ToLower(next.text)
	if next.hyphenPrev && modifierSuffixes[w] {
		return true
	}
	if !weaponWords[w] || next.hyphenPrev {
		return false
	}
	best := r.ix.Lookup(gazetteer.Query{Name: r.text[r.toks[sp.first].start:r.toks[sp.last].end], Limit: 1})
	return len(best) == 0 || best[0].Level() == geo.LevelPlace && best[0].Population < 100000
}

// isCountryCode: "US", "UK", "DRC" name countries; other acronyms do not.
func (r *recognizer) isCountryCode(sp span) bool {
	best := r.ix.Lookup(gazetteer.Query{Name: r.toks[sp.first].text, Limit: 1})
	return len(best) > 0 && best[0].Level() == geo.LevelCountry
}

// findPersons collects the surnames of people in the document: the last
// word of a capitalised run after a title ("spokesman Dmitry Peskov") or of
// a two- or three-word run none of whose words is a known place name, set
// off by a comma or followed by a speech verb ("Vasily Golubev, the
// governor", "Jens Stoltenberg says").
func (r *recognizer) findPersons() map[string]bool {
	persons := map[string]bool{}
	for i := 0; i < len(r.toks); i++ {
		if !r.toks[i].cap {
			continue
		}
		j := i
		for j+1 < len(r.toks) && r.toks[j+1].cap && !r.toks[j].punctAfter && !r.toks[j].commaAfter && !r.toks[j].possessive && !r.toks[j+1].sentStart {
			j++
		}
		if r.afterTitle(i) || r.titledRun(i, j) || (j > i && j-i < 3 && r.personShaped(i, j)) {
			persons[r.toks[j].text] = true
		}
		i = j
	}
	return persons
}

// titledRun: a run that starts with titles and ends in other words is a
// titled person ("Lieutenant Colonel Adrian Sydney").
func (r *recognizer) titledRun(i, j int) bool {
	if !titles[r.lower(i)] {
		return false
	}
	return !titles[r.lower(j)]
}

var speechVerbs = set("said", "says", "told", "added", "wrote", "confirmed", "warned", "stated", "announced", "claimed", "denied", "tweeted", "posted")

func (r *recognizer) personShaped(i, j int) bool {
	if r.ix.HasKey(gazetteer.Key(r.text[r.toks[i].start:r.toks[j].end])) {
		return false
	}
	for k := i; k <= j; k++ {
		if w := r.lower(k); titles[w] || connectors[w] || commonWords[w] || calendar[w] || institutions[w] {
			return false
		}
		if _, ok := gazetteer.DesignatorLevel(r.toks[k].text); ok {
			return false
		}
	}
	if r.toks[j].commaAfter || r.toks[j].possessive {
		return true
	}
	return j+1 < len(r.toks) && speechVerbs[r.lower(j+1)]
}
