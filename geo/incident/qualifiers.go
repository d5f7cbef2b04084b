package incident

import "github.com/incidentmap/incidentmap/geo"

// markQualifiers handles the bracket analysts put after a place to name
// its district and region: "Djenne (Mopti)", "Sake (Masisi, North Kivu)".
// The names in the bracket locate the place before it; they are not event
// locations of their own. When the place before the bracket is not known
// (an unknown village), the narrowest bracketed name stands for it, as a
// place near which the event happened.
func markQualifiers(refs []placeRef, toks []token) {
	for i := range refs {
		open := bracketOpen(toks, refs[i].first)
		if open < 0 {
			continue
		}
		if i > 0 && refs[i-1].first > open {
			// "(Igabi, Kaduna)": the later name qualifies the first.
			refs[i].eligible = false
			continue
		}
		if k := placeBefore(refs, toks, open); k >= 0 {
			if inside(refs[k].m, refs[i].m) {
				refs[i].eligible = false
				continue
			}
			// The name before the bracket resolved to a homonym outside the
			// region the analyst named: the bracket is the better place.
			refs[k].eligible = false
		}
		refs[i].near = true
	}
}

// bracketOpen returns the index of the "(" that the token tok stands in,
// when only names and commas lie between them, else -1.
func bracketOpen(toks []token, tok int) int {
	for k := tok - 1; k >= 0 && k >= tok-12; k-- {
		switch toks[k].low {
		case "(":
			if nameBracketEnd(toks, k) > 0 {
				return k
			}
			return -1
		case ")":
			return -1
		}
	}
	return -1
}

// placeBefore returns the index of the known place ending just before the
// bracket opening at open (allowing a designator: "Bokkos district
// (Plateau)"), or -1.
func placeBefore(refs []placeRef, toks []token, open int) int {
	end := open - 1
	if end >= 0 && placeDesignators[toks[end].low] {
		end--
	}
	for k, r := range refs {
		if r.last == end && r.eligible {
			return k
		}
	}
	return -1
}

// inside reports whether place p lies in the qualifier q: the same
// country, and the same first-level region when q is one or below.
func inside(p, q geo.Mention) bool {
	if p.Country != q.Country {
		return false
	}
	if geo.LevelOf(q.FeatureCode) >= geo.LevelAdmin1 && q.Admin1 != "" && p.Admin1 != "" {
		return p.Admin1 == q.Admin1
	}
	return true
}
