package incident

import "strings"

// figures are the numbers an event's clauses state.
type figures struct {
	count      *int
	unit       string
	countTok   int // token index of the count
	fatalities *int
	injured    *int
	claimFrom  int // tokens [claimFrom, claimTo) name the side that claimed the fatalities
	claimTo    int
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
		"citizens", "inmates", "prisoners", "herders", "traders", "mourners", "jihadists", "terrorists",
		"combatants", "militiamen", "vigilantes", "bandits", "assailants", "policeman", "journalist", "student",
		"farmer", "commander", "driver", "resident", "villagers", "members", "protester", "servicemen", "recruits",
		"volunteers", "shepherds", "fishermen", "youths", "cadets", "peacekeepers", "labourers", "laborers")
	headNouns  = personNouns
	numberMods = setOf("at", "least", "more", "than", "over", "about", "around", "nearly", "almost", "some", "up", "to", "as", "many", "approximately", "roughly", "an", "estimated", "the", "another", "further", "additional")
	killVerbs  = setOf("killed", "killing", "kills", "kill", "executed", "executing", "massacred", "massacring",
		"murdered", "murdering", "beheaded", "lynched", "lynching")
	// tollVerbs before "to N" raise a toll told earlier in the sentence:
	// "the number of people killed ... rose to 17".
	tollVerbs    = setOf("rose", "risen", "climbed", "increased", "reached", "jumped", "hit", "rises", "climbs")
	injureVerbs  = setOf("wounded", "wounding", "injuring", "injured", "injures", "wounds", "hurt", "hurting", "poisoning")
	killedWords  = setOf("killed", "dead", "died", "perished", "slain", "deaths", "dies", "die", "death", "executed", "lynched")
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
		lastKind, lastEnd := byte(0), -1
		for i := r[0]; i < r[1]; i++ {
			q, ok := readQuantity(toks, i)
			if !ok || !countable(toks, q, r[0], r[1]) {
				continue
			}
			unit, inherited, end := countUnit(toks, q, r[1], lastUnit)
			if unit != "" && !inherited {
				lastUnit = unit
			}
			kind := casualtyKind(toks, q, end, r[0], r[1], unit, inherited)
			switch kind {
			case 'k':
				if lastKind == 'k' && joined(toks, lastEnd, q.start) {
					v := *f.fatalities + q.value
					f.fatalities = &v
				} else {
					f.fatalities = maxOf(f.fatalities, q.value)
				}
				if f.claimTo == 0 {
					if a, b, ok := claimant(toks, r[0], r[1]); ok {
						f.claimFrom, f.claimTo = a, b
					}
				}
			case 'i':
				if lastKind == 'i' && joined(toks, lastEnd, q.start) {
					v := *f.injured + q.value
					f.injured = &v
				} else {
					f.injured = maxOf(f.injured, q.value)
				}
			default:
				if f.count == nil && !q.article && !partOfCasualties(toks, q, r[0]) {
					v := q.value
					f.count, f.unit, f.countTok = &v, unit, q.start
				}
			}
			lastKind, lastEnd = kind, end
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
		case toks[j].low == "dead" && j > from && toks[j-1].low == "shot":
			return 'k'
		case tollVerbs[toks[j].low]:
			if k := tollKind(toks, from, j); k != 0 {
				return k
			}
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
	for k := end; k < to && k < end+9; k++ {
		w := toks[k].low
		switch {
		case killedWords[w]:
			return 'k'
		case injuredWords[w]:
			return 'i'
		case w == "to" && k+1 < to && toks[k+1].low == "death":
			return 'k'
		case verbFillers[w]:
		case w == "and" && k+1 < to && (startsQuantity(toks, k+1) || skipCasualtyPhrase(toks, k+1, to) > k+1):
			k = skipCasualtyPhrase(toks, k+1, to) - 1
		default:
			return 0
		}
	}
	return 0
}

// startsQuantity reports whether a number opens at toks[k].
func startsQuantity(toks []token, k int) bool {
	_, ok := readQuantity(toks, k)
	return ok
}

// skipCasualtyPhrase returns the index after the list member starting at
// toks[k] ("10 attackers", "volunteer fighters"): the number and the nouns
// and modifiers after it, up to a verb.
func skipCasualtyPhrase(toks []token, k, to int) int {
	if q, ok := readQuantity(toks, k); ok {
		k = q.end
	}
	for limit := k + 4; k < to && k < limit; {
		w := toks[k].low
		if !(personNouns[w] || toks[k].upper || edAdjectives[w] || w == "other" || w == "suspected" ||
			w == "volunteer" || w == "gang" || w == "russian" || w == "ukrainian") {
			break
		}
		k++
	}
	return k
}

// joined reports whether two casualty figures add up: a list joined by
// "and" or a comma ("8 soldiers and 10 attackers"), not a part of the
// first ("12 people, including five children").
func joined(toks []token, prevEnd, start int) bool {
	if prevEnd < 0 || start-prevEnd > 6 {
		return false
	}
	and := false
	for k := prevEnd; k < start; k++ {
		switch toks[k].low {
		case "and", ",":
			and = true
		case "including", "among", "of", "them", "whom", "mostly", "all":
			return false
		}
	}
	return and
}

// tollKind reads "the number of people killed ... rose to 17": a toll
// verb before "to N" counts the killed (or the injured) named earlier.
func tollKind(toks []token, from, j int) byte {
	for b := j - 1; b >= from; b-- {
		switch {
		case killedWords[toks[b].low] || killVerbs[toks[b].low] || toks[b].low == "toll":
			return 'k'
		case injuredWords[toks[b].low]:
			return 'i'
		}
	}
	return 0
}

// partOfCasualties reports whether a number describes the people of a
// casualty figure ("including two children", "members of one family")
// rather than a count of its own.
func partOfCasualties(toks []token, q quantity, from int) bool {
	if q.start > from {
		switch toks[q.start-1].low {
		case "including", "of", "among", "mostly":
			return true
		}
	}
	return false
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
