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
	key         string // gazetteer key of the name tokens
	end         int    // byte end of the mention text (name, or name + designator)
	level       geo.Level
	known       bool   // the name is in the gazetteer
	fromCue     bool   // unknown name taken from a designator cue ("the village of X")
	admin1      string // COUNTRY.CODE when the name is an abbreviation of that division
	demonym     bool   // a people's name or adjective: "Sudanese", "Palestinians"
}

// maxNameTokens bounds the length of a multiword name.
const maxNameTokens = 6

// recognizer holds one document's tokens while its names are found.
type recognizer struct {
	ix      *gazetteer.Index
	lex     *Lexicon
	answers *answers // the parser's remembered gazetteer answers
	// countryPrefixes are the first three letters of countries' name keys.
	countryPrefixes map[string]bool
	text            string
	toks            []token
	persons         map[string]bool // surnames of people named in the document
	keys            []string        // gazetteer.Key of each token, computed once
}

// nameKey is the gazetteer key of tokens i..j: the tokens' keys joined by
// spaces, which is what Key gives the text between them, since only spaces
// and hyphens may separate the words of a name.
func (r *recognizer) nameKey(i, j int) string {
	if len(r.keys) != len(r.toks) {
		r.keys = make([]string, len(r.toks))
	}
	for k := i; k <= j; k++ {
		if r.keys[k] == "" {
			if t := &r.toks[k]; isPlainWord(t.text) {
				r.keys[k] = t.low // what Key makes of letters and digits
			} else {
				r.keys[k] = gazetteer.Key(t.text)
			}
		}
	}
	if i == j {
		return r.keys[i]
	}
	return strings.Join(r.keys[i:j+1], " ")
}

func (r *recognizer) lower(i int) string { return r.toks[i].low }

// run finds the place names in the document, left to right, longest first.
func (r *recognizer) run() []span {
	r.persons = r.findPersons()
	var spans []span
	for i := 0; i < len(r.toks); i++ {
		if !r.toks[i].cap {
			continue
		}
		sp, ok := r.matchAt(i)
		if d, isDemonym := r.demonymAt(i); isDemonym && (!ok || sp.last <= d.last) {
			// A people's name, unless a longer place name starts with it:
			// "British Columbia", "Dominican Republic".
			spans = append(spans, d)
			i = d.last
			continue
		}
		if !ok {
			continue
		}
		if r.accept(sp) {
			spans = append(spans, sp)
		}
		i = sp.last
	}
	r.applyDesignators(spans) // cue names need the regions' levels
	cues := r.cueNames(spans)
	r.applyDesignators(cues)
	spans = append(spans, cues...)
	return spans
}

// matchAt returns the longest gazetteer name starting at token i.
func (r *recognizer) matchAt(i int) (span, bool) {
	if sp, ok := r.stateAbbrevAt(i); ok {
		return sp, true
	}
	// A possessive that belongs to the name: "Cox's Bazar".
	if t := r.toks[i]; t.possessive && i+1 < len(r.toks) && r.toks[i+1].cap && !t.punctAfter {
		if key := gazetteer.Key(r.text[t.start:r.toks[i+1].end]); r.ix.HasKey(key) {
			return span{first: i, last: i + 1, key: key, end: r.toks[i+1].end, known: true}, true
		}
	}
	longest := maxNameTokens
	if !r.ix.StartsName(r.nameKey(i, i)) {
		longest = 1
	}
	for n := longest; n >= 1; n-- {
		j := i + n - 1
		if j >= len(r.toks) || !r.nameShape(i, j) {
			continue
		}
		if key := r.nameKey(i, j); r.ix.HasKey(key) {
			return span{first: i, last: j, key: key, end: r.toks[j].end, known: true}, true
		}
	}
	// An adjectival or variant spelling counts when a designator vouches
	// for it: "Rostovskaya oblast", "Zaporozhye region".
	if i+1 < len(r.toks) {
		if _, ok := gazetteer.DesignatorLevel(r.toks[i+1].low); ok && !r.toks[i].punctAfter && !r.toks[i].commaAfter && !r.toks[i+1].hyphenPrev && !commonWords[r.lower(i)] {
			if len(r.ix.Lookup(gazetteer.Query{Name: r.text[r.toks[i].start:r.toks[i+1].end], Limit: 1})) > 0 {
				return span{first: i, last: i, key: r.nameKey(i, i), end: r.toks[i].end, known: true}, true
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
		if k > i && k < j && !t.cap && !connectors[t.low] {
			return false
		}
		if k > i && t.sentStart {
			return false
		}
	}
	return true
}
