package incident

// clauseBreaks are punctuation tokens that end a clause.
var clauseBreaks = setOf(",", ";", ":", "—", "–", "(", ")")

// clauseOpeners start a new clause when they stand inside a sentence.
var clauseOpeners = setOf("as", "while", "whereas", "but", "although", "though")

// splitClauses cuts a sentence's tokens into clauses: token ranges
// [from, to) separated by commas, semicolons, dashes, brackets and
// conjunctions that open a new clause ("... drones as Kremlin warns ...").
// A bracket holding only names ("Sake (Masisi, North Kivu)", as analysts
// write a place's districts) is part of the clause around it.
func splitClauses(toks []token) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		switch {
		case tk.low == "(":
			if end := nameBracketEnd(toks, i); end > 0 {
				i = end
				continue
			}
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + 1
		case clauseBreaks[tk.low]:
			if i > start {
				out = append(out, [2]int{start, i})
			}
			start = i + 1
		case clauseOpeners[tk.low] && i > start && !(tk.low == "as" && i+1 < len(toks) && toks[i+1].low == "well"):
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	if start < len(toks) || len(out) == 0 {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// nameBracketEnd returns the index of the ")" closing the bracket opened at
// toks[open] when everything inside is capitalised names, commas and
// designators ("(Lubero, North Kivu)", "(Sahel region)"), else 0.
func nameBracketEnd(toks []token, open int) int {
	for k := open + 1; k < len(toks) && k <= open+12; k++ {
		w := toks[k]
		switch {
		case w.low == ")":
			if k == open+1 {
				return 0
			}
			return k
		case w.low == "," || w.upper || placeDesignators[w.low] || w.low == "-" || w.low == "'s":
		default:
			return 0
		}
	}
	return 0
}

// placeDesignators may follow a name inside a bracket of names.
var placeDesignators = setOf("region", "province", "state", "district", "oblast", "county",
	"governorate", "department", "territory", "township", "raion", "division", "city", "area", "of", "de", "del", "la", "el", "al")
