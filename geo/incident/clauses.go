package incident

// clauseBreaks are punctuation tokens that end a clause.
var clauseBreaks = setOf(",", ";", ":", "—", "–", "(", ")")

// clauseOpeners start a new clause when they stand inside a sentence.
var clauseOpeners = setOf("as", "while", "whereas", "but", "although", "though")

// splitClauses cuts a sentence's tokens into clauses: token ranges
// [from, to) separated by commas, semicolons, dashes, brackets and
// conjunctions that open a new clause ("... drones as Kremlin warns ...").
func splitClauses(toks []token) [][2]int {
	var out [][2]int
	start := 0
	for i, tk := range toks {
		switch {
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
