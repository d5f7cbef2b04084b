package incident

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
		if placeBefore(refs, toks, open) {
			refs[i].eligible = false
			continue
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

// placeBefore reports whether a known place ends just before the bracket
// opening at open (allowing a designator: "Bokkos district (Plateau)").
func placeBefore(refs []placeRef, toks []token, open int) bool {
	end := open - 1
	if end >= 0 && placeDesignators[toks[end].low] {
		end--
	}
	for _, r := range refs {
		if r.last == end && r.eligible {
			return true
		}
	}
	return false
}
