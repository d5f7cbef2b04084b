package incident

import (
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// cueTable is the compiled form of a []Cue, indexed by the first word of
// each pattern so a clause is matched in one pass over its tokens.
type cueTable struct {
	cues    []Cue
	require []map[string]bool // per cue; nil when the cue needs nothing
	byFirst map[string][]compiledPattern
}

type compiledPattern struct {
	cue   int
	steps []patternStep
}

type patternStep struct {
	words map[string]bool
	gap   int // tokens allowed before this step
}

func compileCues(cues []Cue) *cueTable {
	t := &cueTable{cues: cues, require: make([]map[string]bool, len(cues)), byFirst: map[string][]compiledPattern{}}
	for ci, c := range cues {
		if len(c.Requires) > 0 {
			t.require[ci] = setOf(c.Requires...)
		}
		for _, p := range c.Patterns {
			cp := compiledPattern{cue: ci, steps: parsePattern(p)}
			if len(cp.steps) == 0 {
				continue
			}
			for w := range cp.steps[0].words {
				t.byFirst[w] = append(t.byFirst[w], cp)
			}
		}
	}
	return t
}

func parsePattern(p string) []patternStep {
	var steps []patternStep
	gap := 0
	for _, f := range strings.Fields(p) {
		if strings.HasPrefix(f, "~") {
			gap, _ = strconv.Atoi(f[1:])
			continue
		}
		steps = append(steps, patternStep{words: setOf(strings.Split(f, "|")...), gap: gap})
		gap = 0
	}
	return steps
}

// cueHit is the best cue found in a clause.
type cueHit struct {
	sub      string
	priority int
	tok      int // index of the first matched token
}

// bestCue returns the highest-priority cue matching inside toks[from:to].
// Cues preceded by a modal or negation ("could strike", "not captured") are
// ignored; hasPlace says whether the sentence names a sub-country place.
func (t *cueTable) bestCue(toks []token, from, to int, hasPlace bool) (cueHit, bool) {
	var best cueHit
	found := false
	for i := from; i < to; i++ {
		for _, cp := range t.byFirst[toks[i].low] {
			c := t.cues[cp.cue]
			if found && c.Priority <= best.priority {
				continue
			}
			if notAsCue(toks, i) || !matchSteps(toks, i, to, cp.steps) || !t.requirementMet(cp.cue, toks, hasPlace) || negated(toks, from, i) || plannedAfter(toks, i, to) || notThisEvent(toks, i) {
				continue
			}
			best, found = cueHit{sub: c.Sub, priority: c.Priority, tok: i}, true
		}
	}
	return best, found
}

func matchSteps(toks []token, i, to int, steps []patternStep) bool {
	pos := i
	for k := 1; k < len(steps); k++ {
		st := steps[k]
		next := -1
		for j := pos + 1; j <= pos+1+st.gap && j < to; j++ {
			if st.words[toks[j].low] {
				next = j
				break
			}
		}
		if next < 0 {
			return false
		}
		pos = next
	}
	return true
}

func (t *cueTable) requirementMet(ci int, toks []token, hasPlace bool) bool {
	req := t.require[ci]
	if req == nil {
		return true
	}
	if hasPlace && req["@place"] {
		return true
	}
	for _, tk := range toks {
		if tk.word && inSetOrParts(req, tk.low) {
			return true
		}
	}
	return false
}

// refineProtest turns a peaceful protest into one with intervention or
// excessive force when the sentence says so.
func refineProtest(sub string, toks []token, fatalities *int) string {
	if sub != geo.SubPeacefulProtest {
		return sub
	}
	if fatalities != nil && *fatalities > 0 {
		return geo.SubExcessiveForce
	}
	force, interv := false, false
	for _, tk := range toks {
		force = force || excessiveForce[tk.low]
		interv = interv || intervention[tk.low]
	}
	switch {
	case force:
		return geo.SubExcessiveForce
	case interv:
		return geo.SubProtestIntervention
	}
	return sub
}

// notAsCue lists words that are no cue before certain others: "riot
// police" are not rioters.
func notAsCue(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	switch toks[i].low {
	case "riot":
		switch toks[i+1].low {
		case "police", "gear", "squad", "squads", "officers", "units", "shields", "control":
			return true
		}
	}
	return false
}
