package geoparse

import (
	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

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
		switch {
		case r.afterTitle(i) || r.titledRun(i, j):
			persons[r.toks[j].text] = true
		case (j > i && j-i < 3 && (r.personShaped(i, j) || r.firstNameRun(i, j)) || r.initialed(i, j)) && r.couldBeSurname(j):
			persons[r.toks[j].text] = true
		}
		if i == j && r.speakerAt(i) {
			persons[r.toks[i].text] = true
		}
		i = j
	}
	return persons
}

// couldBeSurname: without a title to say so, a word is not taken for a
// surname (and every mention of it for a person) when it is joined to the
// word before by a hyphen ("the Washington-Moscow route") or names a
// country, a region, a capital or a city of 400,000 or more ("Metropolitan
// Atlanta,"): a person named like a big place needs a title. (A bound of
// 100,000 with every regional seat found as much and lost precision.)
func (r *recognizer) couldBeSurname(j int) bool {
	if r.toks[j].hyphenPrev {
		return false
	}
	best, ok := r.best(r.nameKey(j, j), askBestExact)
	return !ok || !bigPlace(&best.Place)
}

// bigPlace: a country, a first-level region, a capital or a city of
// 400,000 people or more.
func bigPlace(p *geo.Place) bool {
	return p.Level() <= geo.LevelAdmin1 || p.FeatureCode == "PPLC" ||
		p.Level() == geo.LevelPlace && p.Population >= 400000
}

// titledRun: a run whose last title is followed by other words names a
// titled person ("Lieutenant Colonel Adrian Sydney", "The Rev. Roy Jones",
// "State Public Service Commissioner Lauren Hale").
func (r *recognizer) titledRun(i, j int) bool {
	for k := j - 1; k >= i; k-- {
		if titles[r.lower(k)] {
			return !titles[r.lower(j)]
		}
	}
	return false
}

// firstNameRun: "Kristina Meredith", "Bill Johnson": a common first name
// then one or two capitalised words, the whole not a place's name.
func (r *recognizer) firstNameRun(i, j int) bool {
	if !r.lex.isFirstName(r.toks[i].text) || r.toks[i].allCaps || adjectives[r.lower(i)] {
		return false
	}
	if r.ix.HasKey(gazetteer.Key(r.text[r.toks[i].start:r.toks[j].end])) {
		return false
	}
	_, designated := gazetteer.DesignatorLevel(r.toks[j].low)
	return !designated && !connectors[r.lower(j)]
}

// initialed: "Kijuan D. McDonald": a name, a middle initial, a name.
func (r *recognizer) initialed(i, j int) bool {
	if j-i != 2 {
		return false
	}
	mid := r.toks[i+1]
	return mid.abbrev && len(mid.text) == 1 && isUpperASCII(mid.text[0])
}

// speakerAt: a lone capitalised word followed by a speech verb ("Johnson
// said") is a person, unless it is a country, region or city, whose
// government speaks for it ("Moscow said").
func (r *recognizer) speakerAt(i int) bool {
	if i+1 >= len(r.toks) || !speechVerbs[r.lower(i+1)] || r.toks[i].commaAfter || r.toks[i].punctAfter {
		return false
	}
	if i > 0 && r.toks[i-1].cap && !r.toks[i-1].punctAfter && !r.toks[i-1].commaAfter {
		return false // part of a longer run, judged as a whole
	}
	if i > 0 && locativePreps[r.lower(i-1)] {
		return false // "leaders in Toribio said": the speakers are in the place
	}
	best, ok := r.best(r.nameKey(i, i), askBestExact)
	return !ok || best.Level() == geo.LevelAdmin2 || best.Level() == geo.LevelPlace && best.Population < 100000
}

var speechVerbs = set("said", "says", "told", "added", "wrote", "confirmed", "warned", "stated", "announced", "claimed", "denied", "tweeted", "posted")

func (r *recognizer) personShaped(i, j int) bool {
	if r.toks[i].sentStart && r.explained(i) {
		return false // "Neighbouring Poland, ...": an ordinary word opens the sentence
	}
	if r.ix.HasKey(gazetteer.Key(r.text[r.toks[i].start:r.toks[j].end])) {
		return false
	}
	for k := i; k <= j; k++ {
		if w := r.lower(k); titles[w] || connectors[w] || commonWords[w] || calendar[w] || institutions[w] || adjectives[w] {
			return false
		}
		if _, ok := gazetteer.DesignatorLevel(r.toks[k].low); ok {
			return false
		}
	}
	if r.toks[j].commaAfter || r.toks[j].possessive {
		return true
	}
	return j+1 < len(r.toks) && speechVerbs[r.lower(j+1)]
}
