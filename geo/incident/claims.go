package incident

// partyWords name a side of a conflict, whose figures are claims.
var partyWords = setOf("military", "army", "ministry", "staff", "forces", "rebels", "group", "militants",
	"command", "spokesman", "spokeswoman", "kremlin", "insurgents", "movement", "militia", "junta",
	"jihadists", "al-shabaab", "rsf", "m23", "hamas", "hezbollah", "houthis", "taliban")

// claimant finds who claimed a casualty figure in toks[from:to]: the
// subject of "claimed" ("the Ukrainian General Staff claimed 120 Russian
// soldiers were killed"), or a party after "according to". It returns the
// token range [a, b) of the name, or ok false when the figure is not a
// side's claim.
func claimant(toks []token, from, to int) (a, b int, ok bool) {
	for i := from; i < to; i++ {
		switch toks[i].low {
		case "claimed", "claims", "claim", "claiming":
			if a := phraseStart(toks, from, i); a < i {
				return a, i, true
			}
		case "according":
			if i+1 < to && toks[i+1].low == "to" {
				a, b := i+2, i+2
				if a < to && toks[a].low == "the" {
					a, b = a+1, a+1
				}
				party := false
				for b < to && b < a+6 && toks[b].word {
					party = party || partyWords[toks[b].low]
					b++
				}
				if party {
					return a, b, true
				}
			}
		}
	}
	return 0, 0, false
}

// phraseStart is where the noun phrase ending before toks[i] begins: up to
// five words back, stopping at punctuation, an article or a conjunction.
func phraseStart(toks []token, from, i int) int {
	a := i
	for k := i - 1; k >= from && k >= i-5; k-- {
		w := toks[k]
		if !w.word || w.low == "and" || w.low == "that" || w.low == "which" || w.low == "the" || w.low == "a" {
			break
		}
		a = k
	}
	return a
}
