package geoparse

// Names found only under another spelling, and acronyms: the evidence that a
// token is more likely something else than a place.

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// countryAcronyms are the country abbreviations news writes in capitals;
// other ISO codes in capitals ("MAC", "UGA") are acronyms of something else.
var countryAcronyms = set("us", "usa", "uk", "uae", "drc", "prc", "rok", "dprk", "ksa", "car", "eu")

// isCountryCode: "US", "UK", "DRC" name countries; other acronyms do not.
func (r *recognizer) isCountryCode(sp span) bool {
	if !countryAcronyms[strings.ReplaceAll(gazetteer.Key(r.toks[sp.first].text), " ", "")] { // "U.S." is "us"
		return false
	}
	best := r.ix.Lookup(gazetteer.Query{Name: r.toks[sp.first].text, Limit: 1, Exact: true})
	return len(best) > 0 && best[0].Level() == geo.LevelCountry
}

// onlyByVariant: a one-word name found only under a place's alternate
// name or a spelling variant, written as a token that is more likely
// something else: an English word ("Soul", "Will"), a first name, or a
// short word ("Jin", "Lu", "Neo"). A person would not read it as a place.
func (r *recognizer) onlyByVariant(sp span) bool {
	if sp.admin1 != "" || sp.demonym || !r.wordLike(sp) {
		return false
	}
	exact := r.ask(sp.key, askTopExact)
	if sp.first != sp.last && !r.allWords(sp) {
		return len(exact) == 0 // a name of several words: any name of exactly these words will do
	}
	firstName := sp.first == sp.last && r.lex.isFirstName(r.toks[sp.first].text) && !r.lex.isWord(r.lower(sp.first))
	for _, c := range exact {
		if gazetteer.Key(c.Name) == sp.key || gazetteer.Key(c.ASCIIName) == sp.key {
			return false
		}
		if c.Level() <= geo.LevelAdmin1 && !firstName && hasAlternate(&c.Place, sp.key) {
			return false // a country's or region's other name: "Burma" (but "Alan" is not Åland)
		}
	}
	return true
}

// allWords: every word of the span is an English word or a connector ("The
// City", "Church & State"): such a phrase names a place only by its own name.
func (r *recognizer) allWords(sp span) bool {
	for i := sp.first; i <= sp.last; i++ {
		if low := r.lower(i); !r.lex.isWord(low) && !connectors[low] {
			return false
		}
	}
	return true
}

// wordLike: a token of the span is an English word, a first name or a word
// of three letters or fewer ("Tri-State", "Gulf", "Jin").
func (r *recognizer) wordLike(sp span) bool {
	for i := sp.first; i <= sp.last; i++ {
		low := r.lower(i)
		if r.lex.isWord(low) || r.lex.isFirstName(r.toks[i].text) || len(low) <= 3 && !connectors[low] {
			return true
		}
	}
	return false
}

// hasAlternate: one of p's alternate names has this key (and not only the
// name stripped of its designator: "Gulf Province" is not "Gulf").
func hasAlternate(p *geo.Place, key string) bool {
	for _, n := range p.AlternateNames {
		if gazetteer.Key(n) == key {
			return true
		}
	}
	return false
}
