package geoparse

// Whether the text puts a name somewhere: the evidence that lets an English
// word or a first name be a place.

import (
	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// locativePreps put what follows them somewhere: "in Buffalo", "from Reading".
var locativePreps = set("in", "at", "from", "near", "to", "outside", "into", "across", "throughout",
	"toward", "towards", "via", "around", "between", "within", "inside", "across", "nearby", "downtown")

// locative: the span follows a locative preposition or sits in a
// "Town, State" pair.
func (r *recognizer) locative(sp span) bool {
	if sp.first > 0 && locativePreps[r.lower(sp.first-1)] {
		return true
	}
	if r.firstNameAsModifier(sp) {
		return true
	}
	if sp.first > 1 && r.lower(sp.first-1) == "the" && locativePreps[r.lower(sp.first-2)] {
		return false // "in the Council chamber": the article makes it a thing
	}
	if r.describedAsPlace(sp.last) || r.listedWithPlace(sp) {
		return true
	}
	if r.toks[sp.last].commaAfter && sp.last+1 < len(r.toks) && r.toks[sp.last+1].cap {
		if _, ok := r.stateAbbrevAt(sp.last + 1); ok {
			return true
		}
		best, ok := r.best(r.nameKey(sp.last+1, sp.last+1), askBestExact)
		return ok && best.Level() <= geo.LevelAdmin1
	}
	return false
}

// firstNameAsModifier: "the Augusta hospital", "the Jackson area": a first
// name (that is no English word) after "the" and before a lower-case noun
// qualifies the noun, as a place does; people are not written so.
func (r *recognizer) firstNameAsModifier(sp span) bool {
	i := sp.first
	return sp.first == sp.last && i > 0 && r.lower(i-1) == "the" && !r.lex.isWord(r.lower(i)) &&
		i+1 < len(r.toks) && !r.toks[i+1].cap && !r.toks[i].punctAfter && !r.toks[i].commaAfter && !r.toks[i].possessive
}

// listedWithPlace: the span is listed with a name that can only be a
// place: "hit Tera and Ayorou", "Ayorou, Tera".
func (r *recognizer) listedWithPlace(sp span) bool {
	placeAt := func(i int) bool {
		return i >= 0 && i < len(r.toks) && r.toks[i].cap && !r.toks[i].sentStart &&
			!r.wordOrFirstName(i) && r.ix.HasKey(r.nameKey(i, i))
	}
	and := func(i int) bool { return i >= 0 && i < len(r.toks) && (r.lower(i) == "and" || r.lower(i) == "or") }
	switch {
	case and(sp.last+1) && placeAt(sp.last+2), and(sp.first-1) && placeAt(sp.first-2):
		return true
	case r.toks[sp.last].commaAfter && placeAt(sp.last+1):
		return true
	}
	return sp.first > 0 && r.toks[sp.first-1].commaAfter && placeAt(sp.first-1)
}

// describedAsPlace: an appositive after token i says what kind of place it
// is: "Sake, the last major town on the road", "Krynky, a village".
func (r *recognizer) describedAsPlace(i int) bool {
	if !r.toks[i].commaAfter || i+2 >= len(r.toks) {
		return false
	}
	if a := r.lower(i + 1); a != "a" && a != "an" && a != "the" {
		return false
	}
	for j := i + 2; j < len(r.toks) && j <= i+5; j++ {
		if l, ok := gazetteer.DesignatorLevel(r.toks[j].low); ok && l == geo.LevelPlace {
			return true
		}
		if r.toks[j].punctAfter || r.toks[j].commaAfter {
			break
		}
	}
	return false
}

// wordOrFirstName: token i is a common English word or first name.
func (r *recognizer) wordOrFirstName(i int) bool {
	return r.lex.isWord(r.lower(i)) || r.lex.isFirstName(r.toks[i].text)
}

// minorPlace: the name is not a country's or a region's, nor the own name
// (not an alternate one) of a town of 100,000 people or more.
func (r *recognizer) minorPlace(sp span) bool {
	for _, c := range r.ask(sp.key, askTopExact) {
		own := gazetteer.Key(c.Name) == sp.key || gazetteer.Key(c.ASCIIName) == sp.key
		if (c.Level() < geo.LevelAdmin2 || geo.IsWater(c.FeatureCode)) && (own || hasAlternate(&c.Place, sp.key)) {
			return false // a country's or region's name (not its name stripped of "District")
		}
		if own && c.Population >= 100000 {
			return false
		}
	}
	return true
}
