package geoparse

import (
	"github.com/incidentmap/incidentmap/geo"
)

// stateAbbrevs maps the abbreviations news style gives US states (AP)
// and Canadian provinces (Canadian Press), by their gazetteer key, to the
// GeoNames admin1 key: "Alexandria, La.", "CHARLESTON, W.Va.", "Hull,
// Que.". Abbreviations that are also words or names ("Ga", "Ind", "Man",
// "Wash") count only after "Town," and before a dot.
var stateAbbrevs = map[string]string{
	"ont": "CA.08", "que": "CA.10", "alta": "CA.01", "b c": "CA.02", "man": "CA.03", "sask": "CA.11",
	"n s": "CA.07", "n b": "CA.04", "nfld": "CA.05", "p e i": "CA.09",
}

// standaloneAbbrevs are abbreviations of divisions that name nothing
// else and stand alone in running text: "cases in NSW".
var standaloneAbbrevs = map[string]string{"nsw": "AU.02", "qld": "AU.04"}

var usStates = map[string]string{
	"ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
	"del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS",
	"ky": "KY", "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS",
	"mo": "MO", "mont": "MT", "neb": "NE", "nebr": "NE", "nev": "NV", "n h": "NH", "n j": "NJ",
	"n m": "NM", "n y": "NY", "n c": "NC", "n d": "ND", "okla": "OK", "ore": "OR", "pa": "PA",
	"r i": "RI", "s c": "SC", "s d": "SD", "tenn": "TN", "tex": "TX", "vt": "VT", "va": "VA",
	"wash": "WA", "w va": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY", "d c": "DC",
}

// stateAbbrevAt recognises a state abbreviation at token i: a dotted one
// with two or more groups anywhere ("N.Y.", "W.Va.", "D.C."), a short one
// only after "Town," ("Athens, Ga.").
func (r *recognizer) stateAbbrevAt(i int) (span, bool) {
	if sp, ok := r.spacedStateAbbrevAt(i); ok {
		return sp, true
	}
	t := r.toks[i]
	if len(t.text) > 6 {
		return span{}, false // no abbreviation is longer than "W.Va."
	}
	key := r.nameKey(i, i)
	admin1, ok := stateAbbrevs[key]
	if code, us := usStates[key]; us {
		admin1, ok = "US."+code, true
	}
	if _, alone := standaloneAbbrevs[key]; !ok && !alone {
		return span{}, false
	}
	if code, ok := standaloneAbbrevs[key]; ok {
		return span{first: i, last: i, key: key, end: t.end, level: geo.LevelAdmin1, known: true, admin1: code}, true
	}
	dotted := t.abbrev && len(key) >= 3 && key[1] == ' '
	afterTown := i > 0 && r.toks[i-1].cap && r.toks[i-1].commaAfter
	end := t.end
	if !dotted {
		if !afterTown || end >= len(r.text) || r.text[end] != '.' && !t.abbrev {
			return span{}, false
		}
		if !t.abbrev {
			end++ // the dot belongs to the abbreviation
		}
	}
	return span{first: i, last: i, key: key, end: end, level: geo.LevelAdmin1, known: true, admin1: admin1}, true
}

// spacedStateAbbrevAt recognises a dotted abbreviation written with a space
// after "Town,": "Wood County, W. Va.", "Durham, N. C.".
func (r *recognizer) spacedStateAbbrevAt(i int) (span, bool) {
	if i == 0 || i+1 >= len(r.toks) || !r.toks[i-1].cap || !r.toks[i-1].commaAfter {
		return span{}, false
	}
	t, next := r.toks[i], r.toks[i+1]
	if !t.abbrev || len(t.text) != 1 || !next.cap || len(next.text) > 3 || r.text[t.end:next.start] != ". " {
		return span{}, false
	}
	key := r.nameKey(i, i) + " " + r.nameKey(i+1, i+1)
	admin1, ok := stateAbbrevs[key]
	if code, us := usStates[key]; us {
		admin1, ok = "US."+code, true
	}
	if !ok {
		return span{}, false
	}
	end := next.end
	if !next.abbrev && end < len(r.text) && r.text[end] == '.' {
		end++ // the dot belongs to the abbreviation
	}
	return span{first: i, last: i + 1, key: key, end: end, level: geo.LevelAdmin1, known: true, admin1: admin1}, true
}
