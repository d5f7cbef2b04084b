package geoparse

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// accept applies the filters that tell a place from a word that only
// looks like one.
func (r *recognizer) accept(sp span) bool {
	if sp.admin1 != "" {
		return true // a state's abbreviation in its place: "Alexandria, La."
	}
	var name string
	if t := &r.toks[sp.first]; sp.first == sp.last && !t.abbrev {
		name = t.low // the word's own lower case, made once
	} else {
		name = strings.ToLower(r.text[t.start:r.toks[sp.last].end])
	}
	designated := r.designatorAfter(sp.last) != geo.LevelUnknown || r.designatorBefore(sp.first) != geo.LevelUnknown
	// Every case rejects, so the order is only cost: the cheap tests first.
	switch {
	case calendar[name] && !designated, institutions[name] && !designated:
		return false
	case titles[name] || connectors[name] || adjectives[name] && !designated:
		return false
	case manyCountries(name) && !designated:
		return false // "Arab", "Kurdish": peoples of many countries
	case sp.first == sp.last && r.persons[r.toks[sp.first].text]:
		return false
	case sp.first == sp.last && len(r.toks[sp.first].text) == 1:
		return false // a single letter: "influenza B"
	case r.afterTitle(sp.first):
		return false
	case r.namesCurrency(sp):
		return false // "US$1 million", "$US 15 billion", "A$20": a currency
	case sp.first > 0 && (r.lower(sp.first-1) == "a" || r.lower(sp.first-1) == "an") && !designated && !r.modifiesNoun(sp):
		return false // "an Iskander", "a Toyota": a thing of that name, not a place
	case r.inPersonRun(sp):
		return false
	case sp.first == sp.last && r.headsAdministration(sp):
		return false // "the Obama administration", "the Bush campaign"
	case r.headsOrganisation(sp):
		return false // "the Center for Disease Control": an organisation's name
	case r.isModifier(sp) && !designated:
		return false
	case r.toks[sp.first].allCaps && sp.first == sp.last && !r.isDateline(sp) && !r.isCountryCode(sp):
		return false
	case r.toks[sp.first].sentStart && sp.first == sp.last && (commonWords[name] || r.lowerElsewhere(name)):
		return false
	case r.onlyByVariant(sp) && (!designated || r.allWords(sp)):
		return false // a designator does not make a variant of English words a place: "State Department"
	case sp.first == sp.last && !designated && r.wordOrFirstName(sp.first) && !r.locative(sp) && r.minorPlace(sp):
		return false // "Council", "Pack", "Bell", "Thomas": a word or a first name naming only a small place
	}
	return true
}

// namesCurrency: a country's abbreviation written against a dollar sign
// marks a currency, not a place: "US$1 million", "$US 15 billion", "NZ$".
func (r *recognizer) namesCurrency(sp span) bool {
	if sp.first != sp.last || !r.toks[sp.first].allCaps && len(r.toks[sp.first].text) > 2 {
		return false
	}
	start, end := r.toks[sp.first].start, r.toks[sp.last].end
	return end < len(r.text) && r.text[end] == '$' || start > 0 && r.text[start-1] == '$'
}

// headsOrganisation: an English word that opens "X for Y" with Y
// capitalised names an organisation, not a place: "Center for Disease
// Control", "Campaign for Nuclear Disarmament".
func (r *recognizer) headsOrganisation(sp span) bool {
	i := sp.last + 1
	if sp.first != sp.last || i+1 >= len(r.toks) || r.lower(i) != "for" || !r.toks[i+1].cap ||
		r.toks[sp.last].punctAfter || r.toks[sp.last].commaAfter || r.toks[i].punctAfter || r.toks[i].commaAfter {
		return false
	}
	return r.lex.isWord(r.lower(sp.first))
}

// modifiesNoun: the name stands before the noun it describes, as a place
// does in "a Gainesville restaurant", "an Atlanta man", "a Texas-based
// company".
func (r *recognizer) modifiesNoun(sp span) bool {
	if sp.last+1 >= len(r.toks) || r.toks[sp.last].punctAfter || r.toks[sp.last].commaAfter || r.toks[sp.last].possessive {
		return false
	}
	next := r.toks[sp.last+1]
	return !next.cap && next.low != "" && next.low[0] >= 'a' && next.low[0] <= 'z' && !notNounHeads[next.low]
}

// isDateline: an all-caps place name opening a line and followed by a
// comma, a dash or a bracket, as wire copy starts: "CHARLESTON, W.Va. —",
// "KHARKIV, March 3 (Reuters) -", "BEIRUT (AP) —".
func (r *recognizer) isDateline(sp span) bool {
	if !r.toks[sp.first].allCaps {
		return false
	}
	end := r.toks[sp.last].end
	rest := strings.TrimLeft(r.text[end:min(len(r.text), end+8)], " ")
	dash := strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–")
	if !r.toks[sp.first].sentStart {
		// After a byline on the same line: "March 15, 2009 NEWARK --".
		return dash && len(r.toks[sp.first].text) >= 4
	}
	return dash || strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, ":")
}

// lowerElsewhere: the word, or another form of it, also appears in lower
// case in the document, so a capitalised copy at a sentence start is most
// likely that word ("Drone strikes hit...", "Marches took place ... as
// thousands marched").
func (r *recognizer) lowerElsewhere(word string) bool {
	// Asked of a few words a document: a scan is cheaper than a set of
	// every lower-case stem.
	stem := wordStem(word)
	if stem == "" {
		return false
	}
	for i := range r.toks {
		// The first letter and the length rule out most words before the
		// stem is worked out.
		if t := &r.toks[i]; !t.cap && t.text[0] == stem[0] && len(t.text) >= len(stem) && wordStem(t.text) == stem {
			return true
		}
	}
	return false
}

// wordStem strips the common English endings, enough to tell that
// "marches" and "marched" are one word.
func wordStem(w string) string {
	for _, suf := range []string{"ing", "es", "ed", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// afterTitle: "governor Vasily Golubev", "Gen. Victoria".
func (r *recognizer) afterTitle(i int) bool {
	if i == 0 {
		return false
	}
	prev := r.toks[i-1]
	return titles[prev.low] && !prev.commaAfter && !prev.punctAfter && !prev.possessive
}

// inPersonRun: the name sits in a run of capitalised words that it does not
// explain, such as "Antony Blinken" or "Kyiv Independent". Titles and
// designators next to a place are fine ("US President", "Kherson Oblast").
func (r *recognizer) inPersonRun(sp span) bool {
	p := sp.first - 1
	for p > 0 && adjectives[r.lower(p)] && r.toks[p].cap && !r.toks[p-1].punctAfter && !r.toks[p-1].commaAfter {
		p-- // "Islamic State West Africa Province": look past the compass word
	}
	if p >= 0 {
		prev := r.toks[p]
		walked := p < sp.first-1 // a capitalised word before the compass word starts a longer name
		if prev.cap && !prev.punctAfter && !prev.commaAfter && !prev.possessive && (walked || !r.explained(p) || r.endsLongerName(p)) &&
			!r.countryInOrganisation(sp, p) {
			return true
		}
	}
	if sp.last+1 < len(r.toks) {
		cur, next := r.toks[sp.last], r.toks[sp.last+1]
		if next.cap && !cur.punctAfter && !cur.commaAfter && !cur.possessive && !next.sentStart && !r.explained(sp.last+1) {
			if r.namesAnOffice(sp.last+1) && !(sp.first == sp.last && r.lex.isWord(r.lower(sp.first)) && r.minorPlace(sp)) {
				return false // "Texas Fire Service", "British Columbia Finance Minister": a place's office
			}
			return !next.hyphenPrev || !modifierSuffixes[next.low]
		}
	}
	return false
}

// countryInOrganisation: a country after an English word (no first name
// or title) still names the country: "Environment Canada", "Team Canada",
// "Air Canada" (but "Michael Jordan" is a person, and a group's own name,
// "Tehreek-e-Taliban Pakistan", is not one).
func (r *recognizer) countryInOrganisation(sp span, p int) bool {
	if !r.lex.isWord(r.lower(p)) || r.lex.isFirstName(r.toks[p].text) || titles[r.lower(p)] {
		return false
	}
	best, ok := r.best(sp.key, askBestExact)
	return ok && best.Level() == geo.LevelCountry
}

// namesAnOffice: the capitalised words from i on are ordinary English words
// ending a run ("Fire Service", "Public Utilities", "Finance Minister"),
// so the place before them names whose office it is; a run that goes on
// into a name ("Kyiv Independent Media") is not one, nor an armed force's
// name ("Israel Defense Forces"), which is an organisation's.
func (r *recognizer) namesAnOffice(i int) bool {
	n, first, last := 0, i, i
	for ; i < len(r.toks) && r.toks[i].cap && !r.toks[i].sentStart; i++ {
		if !r.lex.isWord(r.lower(i)) && !titles[r.lower(i)] && !institutions[r.lower(i)] {
			return false
		}
		n, last = n+1, i
		if r.toks[i].punctAfter || r.toks[i].commaAfter || r.toks[i].possessive {
			break
		}
	}
	if r.lower(last) == "forces" {
		return false
	}
	return n >= 2 || n == 1 && officeNouns[r.lower(first)]
}

// officeNouns name a place's own service: "Gainesville Police".
var officeNouns = set("police", "council", "department", "university", "college", "hospital", "schools",
	"fire", "sheriff", "courthouse", "airport", "library", "zoo", "museum", "authority")

// endsLongerName: token p is a designator word closing a capitalised name
// before it ("Islamic State West Africa Province"): the name after it
// continues that name, it is not a place of its own.
func (r *recognizer) endsLongerName(p int) bool {
	if _, ok := gazetteer.DesignatorLevel(r.toks[p].low); !ok || p == 0 {
		return false
	}
	before := r.toks[p-1]
	return before.cap && !before.punctAfter && !before.commaAfter
}

// explained: a capitalised neighbour that does not make a run a person's
// or an organisation's name.
func (r *recognizer) explained(i int) bool {
	w := r.lower(i)
	if titles[w] || connectors[w] || adjectives[w] {
		return true // "Governor", "of", "North Texas"
	}
	if _, ok := gazetteer.DesignatorLevel(w); ok {
		return true
	}
	if !r.toks[i].sentStart {
		return false
	}
	// At a sentence start a capitalised adjective, participle or other
	// English word that is not a first name is still an ordinary word:
	// "Neighbouring Poland", "Southern Lebanon", "Although Edmonton's".
	return commonWords[w] || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") ||
		strings.HasSuffix(w, "ern") || strings.HasSuffix(w, "ly") ||
		r.lex.isWord(w) && !r.lex.isFirstName(r.toks[i].text)
}

// isModifier: "Shahed-type drones", "Iskander missiles".
func (r *recognizer) isModifier(sp span) bool {
	if sp.last+1 >= len(r.toks) || r.toks[sp.last].punctAfter || r.toks[sp.last].commaAfter {
		return false
	}
	next := r.toks[sp.last+1]
	w := next.low
	if next.hyphenPrev && modifierSuffixes[w] {
		return true
	}
	if !weaponWords[w] && !groupWords[w] || next.hyphenPrev {
		return false
	}
	best := r.ix.Lookup(gazetteer.Query{Name: r.text[r.toks[sp.first].start:r.toks[sp.last].end], Limit: 1})
	return len(best) == 0 || best[0].Level() == geo.LevelPlace && best[0].Population < 100000
}

// headsAdministration: a name before "administration" or "campaign" is a
// person's, unless it names a country, a region or a large town.
func (r *recognizer) headsAdministration(sp span) bool {
	if sp.last+1 >= len(r.toks) || r.toks[sp.last].punctAfter || r.toks[sp.last].commaAfter {
		return false
	}
	if w := r.lower(sp.last + 1); w != "administration" && w != "campaign" {
		return false
	}
	return r.minorPlace(sp)
}
