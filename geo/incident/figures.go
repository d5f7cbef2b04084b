package incident

import "strings"

// figures are the numbers an event's clauses state.
type figures struct {
	count      *int
	unit       string
	countTok   int // token index of the count
	fatalities *int
	injured    *int
}

var (
	// notCountUnits follow numbers that measure time, distance or size.
	notCountUnits = setOf("km", "kilometres", "kilometers", "miles", "mile", "metres", "meters",
		"m", "am", "pm", "a.m", "p.m", "hours", "hour", "minutes", "minute", "days", "day",
		"weeks", "week", "months", "month", "years", "year", "percent", "per", "%", "times",
		"kg", "tonnes", "tons", "degrees", "o'clock", "gmt", "utc", "year-old", "years-old", ":")
	// unitStops end the noun phrase after a number.
	unitStops = setOf("the", "a", "an", "of", "in", "on", "at", "to", "by", "from", "with", "that",
		"which", "who", "as", "and", "or", "were", "was", "are", "is", "have", "has", "had", "been",
		"be", "over", "after", "before", "said", "says", "while", "but", "near", "into", "across",
		"during", "since", "for", "when", "than", "including", "dead", "died", "more", "other")
	edAdjectives = setOf("armed", "unmanned", "suspected", "improvised", "guided")
	personNouns  = setOf("people", "persons", "person", "civilians", "civilian", "soldiers", "soldier",
		"children", "child", "women", "woman", "men", "man", "fighters", "militants", "troops",
		"protesters", "protestors", "demonstrators", "residents", "villagers", "police", "policemen",
		"officers", "workers", "others", "personnel", "servicemen", "students", "worshippers", "pupils",
		"farmers", "miners", "passengers", "members", "journalists", "refugees", "migrants", "rebels",
		"insurgents", "attackers", "gunmen", "bystanders", "pilgrims", "guards", "staff", "relatives",
		"teenagers", "boys", "girls", "infants", "patients", "doctors", "officials", "individuals",
		"citizens", "inmates", "prisoners", "herders", "traders", "mourners", "jihadists", "terrorists")
	headNouns    = personNouns
	numberMods   = setOf("at", "least", "more", "than", "over", "about", "around", "nearly", "almost", "some", "up", "to", "as", "many", "approximately", "roughly", "an", "estimated", "the", "another", "further", "additional")
	killVerbs    = setOf("killed", "killing", "kills", "kill")
	injureVerbs  = setOf("wounded", "wounding", "injuring", "injured", "injures", "wounds", "hurt", "hurting", "poisoning")
	killedWords  = setOf("killed", "dead", "died", "perished", "slain", "deaths", "dies", "die")
	injuredWords = setOf("wounded", "injured", "hurt", "poisoned", "hospitalised", "hospitalized", "injuries")
	verbFillers  = setOf("were", "was", "have", "has", "had", "been", "reportedly", "also", "later", "confirmed", "\"", "“", "”", "'", "‘", "’", "being", "are", "is", "seriously", "critically", "badly", "slightly", "all")
	zeroOpeners  = setOf("no", "nobody", "without")
	zeroFatal    = setOf("casualties", "casualty", "deaths", "fatalities", "killed", "dead", "died", "victims")
	zeroInjured  = setOf("injuries", "injured", "hurt", "wounded")
	pronounsOf   = setOf("them", "those", "these", "which", "whom")
)

// readFigures reads the count, fatalities and injuries from the clauses
// (token ranges, in the order they should be searched). lastUnit is the
// most recent counted noun in the article, for "44 of them".
func readFigures(toks []token, ranges [][2]int, lastUnit string) figures {
	var f figures
	for _, r := range ranges {
		for i := r[0]; i < r[1]; i++ {
			q, ok := readQuantity(toks, i)
			if !ok || !countable(toks, q, r[0], r[1]) {
				continue
			}
			unit, inherited, end := countUnit(toks, q, r[1], lastUnit)
			if unit != "" && !inherited {
				lastUnit = unit
			}
			switch casualtyKind(toks, q, end, r[0], r[1], unit, inherited) {
			case 'k':
				f.fatalities = maxOf(f.fatalities, q.value)
			case 'i':
				f.injured = maxOf(f.injured, q.value)
			default:
				if f.count == nil {
					v := q.value
					f.count, f.unit, f.countTok = &v, unit, q.start
				}
			}
			i = q.end - 1
		}
	}
	fatal0, injured0 := zeroCasualties(toks, ranges)
	if fatal0 && f.fatalities == nil {
		f.fatalities = new(int)
	}
	if injured0 && f.injured == nil {
		f.injured = new(int)
	}
	return f
}

func maxOf(p *int, v int) *int {
	if p != nil && *p >= v {
		return p
	}
	return &v
}

// countable rejects years, clock times, distances, dates and pronoun "one".
func countable(toks []token, q quantity, from, to int) bool {
	first := toks[q.start].low
	if q.start > from && (toks[q.start-1].low == "no" || toks[q.start-1].low == ":" || monthNames[toks[q.start-1].low] > 0) {
		return false
	}
	if q.end < to && (notCountUnits[toks[q.end].low] || monthNames[toks[q.end].low] > 0) {
		return false
	}
	if len(first) == 4 && isDigits(first) && !strings.ContainsAny(first, ",.") && first >= "1900" && first <= "2100" {
		return false
	}
	if first == "one" && (q.end >= to || !toks[q.end].word || toks[q.end].low == "another") {
		return false
	}
	return true
}

// countUnit returns the noun counted by q: "drones" in "53 Ukrainian
// drones", "airborne targets", or lastUnit for "44 of them".
func countUnit(toks []token, q quantity, to int, lastUnit string) (unit string, inherited bool, end int) {
	k := q.end
	if k+1 < to && toks[k].low == "of" && pronounsOf[toks[k+1].low] {
		return lastUnit, true, k + 2
	}
	if q.vague && k < to && toks[k].low == "of" {
		k++
		if k < to && toks[k].low == "the" {
			k++
		}
	}
	var words []string
	for ; k < to && len(words) < 3; k++ {
		tk := toks[k]
		if !tk.word || unitStops[tk.low] || tk.low == "'s" {
			break
		}
		if tk.upper {
			continue // a name or demonym qualifying the noun: "53 Ukrainian drones"
		}
		if strings.HasSuffix(tk.low, "ed") && !edAdjectives[tk.low] {
			break
		}
		words = append(words, tk.low)
		if headNouns[tk.low] || pluralLooking(tk.low) {
			k++
			break
		}
	}
	return strings.Join(words, " "), false, k
}

func pluralLooking(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// casualtyKind says whether q counts the killed ('k'), the injured ('i') or
// something else (0). end is the token after q's noun phrase.
func casualtyKind(toks []token, q quantity, end, from, to int, unit string, inherited bool) byte {
	j := q.start - 1
	for j >= from && numberMods[toks[j].low] {
		j--
	}
	if j >= from {
		switch {
		case killVerbs[toks[j].low]:
			return 'k'
		case injureVerbs[toks[j].low]:
			return 'i'
		}
		for b := j; b >= from && b >= j-3; b-- {
			if toks[b].low == "toll" {
				return 'k'
			}
		}
	}
	last := unit
	if sp := strings.LastIndexByte(unit, ' '); sp >= 0 {
		last = unit[sp+1:]
	}
	if unit != "" && !personNouns[last] && !inherited {
		return 0
	}
	for k := end; k < to && k < end+5; k++ {
		w := toks[k].low
		switch {
		case killedWords[w]:
			return 'k'
		case injuredWords[w]:
			return 'i'
		case !verbFillers[w]:
			return 0
		}
	}
	return 0
}

// zeroCasualties finds "no casualties", "no one was killed or injured".
func zeroCasualties(toks []token, ranges [][2]int) (fatal, injured bool) {
	for _, r := range ranges {
		for i := r[0]; i < r[1]; i++ {
			if !zeroOpeners[toks[i].low] {
				continue
			}
			for k := i + 1; k < r[1] && k <= i+5; k++ {
				fatal = fatal || zeroFatal[toks[k].low]
				injured = injured || zeroInjured[toks[k].low]
			}
		}
	}
	return fatal, injured
}
