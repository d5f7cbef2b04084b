package geoparse

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// designatorAfter is the level named by the word right after token i
// ("Rostov region", "Morozovsk district"), or LevelUnknown.
func (r *recognizer) designatorAfter(i int) geo.Level {
	if i+1 >= len(r.toks) || r.toks[i].punctAfter || r.toks[i].commaAfter || r.toks[i].possessive {
		return geo.LevelUnknown
	}
	l, _ := gazetteer.DesignatorLevel(r.toks[i+1].text)
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
	l, _ := gazetteer.DesignatorLevel(r.toks[i-2].text)
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
		if l := r.designatorAfter(sp.last); l != geo.LevelUnknown {
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
// marks as places: "the village of Kalynove", "Kalynove village". They are
// resolved later to the region that contains them, if the text names one.
func (r *recognizer) cueNames(known []span) []span {
	taken := map[int]bool{}
	for _, sp := range known {
		for i := sp.first; i <= sp.last; i++ {
			taken[i] = true
		}
	}
	var out []span
	for i, t := range r.toks {
		if !t.cap || taken[i] || t.sentStart || t.allCaps {
			continue
		}
		l := r.designatorBefore(i)
		after := r.designatorAfter(i)
		if l == geo.LevelUnknown && after == geo.LevelPlace && !isPlural(r.toks[i+1].text) {
			l = after
		}
		if l != geo.LevelPlace || r.persons[t.text] || calendar[strings.ToLower(t.text)] {
			continue
		}
		out = append(out, span{first: i, last: i, end: t.end, level: l, fromCue: true})
	}
	return out
}
