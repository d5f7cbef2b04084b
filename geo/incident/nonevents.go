package incident

import "strings"

// Rules for words that report something other than an event that took
// place: intentions, threats, warnings, hypotheticals, denials, charges,
// anniversaries and background. Each rule has its test in
// nonevents_test.go.

var (
	// modalWords shortly before a cue make it an intention, a threat, a
	// possibility or a denial: "could strike", "not captured", "was
	// preparing an assault".
	modalWords = setOf("would", "could", "might", "may", "will", "threatened", "threatens", "threatening",
		"vowed", "vows", "plans", "plan", "planned", "planning", "intends", "intended", "intend", "not", "never",
		"no", "failed", "ready", "prepared", "preparing", "prepares", "prepare", "poised", "aims", "aiming",
		"seeks", "seeking", "possible", "potential", "imminent", "impending", "feared", "fears", "threat",
		"threats", "risk", "avert", "prevent", "prevented", "call", "calls", "called", "urged", "urges",
		"demanding", "demanded", "condemned", "condemning")
	// futureAfter shortly after a cue say it has not happened yet: "an
	// attack on El Fasher would endanger", "talks are scheduled".
	futureAfter = setOf("would", "will", "could", "might", "planned", "scheduled", "expected", "feared")
	// warnWords introduce what someone fears or threatens, when followed
	// by "that", "of" or "against".
	warnWords = setOf("warned", "warns", "warning", "warnings", "threatened", "threatens", "feared", "fears",
		"alarmed", "concerned", "worried", "cautioned")
	// chargeWords make a cue the crime someone is charged with, not an
	// event of this report: "detained a man suspected of spotting targets
	// for missile strikes".
	chargeWords = [][]string{{"suspected", "of"}, {"accused", "of"}, {"charged", "with"}, {"suspects", "in"},
		{"convicted", "of"}, {"sentenced", "for"}, {"blamed", "for"}, {"suspicion", "of"}, {"involvement", "in"},
		{"responsible", "for"}, {"charges", "of"}}
	// meansWords before a weapon name the means of an event already told:
	// "the attackers used explosive devices".
	meansWords = setOf("used", "using", "uses", "equipped", "carrying")
	// habitualPhrases make a sentence background, not an event report.
	habitualPhrases = [][]string{{"continue", "to"}, {"continues", "to"}, {"continued", "to"}, {"regularly"},
		{"routinely"}, {"frequently"}, {"often"}, {"repeatedly"}, {"every", "day"}, {"has", "been", "fighting"},
		{"have", "been", "fighting"}, {"stepped", "up"}, {"anniversary"}, {"commemorate"}, {"commemorated"},
		{"commemorating"}, {"commemoration"}, {"remembrance"}, {"in", "recent", "years"}, {"in", "recent", "months"}}
	durationUnits = setOf("weeks", "months", "years", "decades")
	sinceOpeners  = setOf("early", "late", "mid", "the", "last", "its", "start", "beginning")
	// denyWords followed by "that" or "reports" deny the event itself.
	denyWords = setOf("denied", "denies", "deny", "denying", "refuted", "dismissed", "rejected")
	denyObjs  = setOf("that", "reports", "claims", "allegations", "accusations", "it", "any")
	// recapOpeners begin a sentence that describes the event just told
	// ("It was the first large missile attack on Kyiv in 44 days").
	recapOpeners = [][]string{{"it", "was"}, {"it", "is"}, {"this", "was"}, {"that", "was"}, {"it", "marked"},
		{"this", "is"}, {"the", "attack", "was"}, {"the", "strike", "was"}}
)

// negated reports whether a modal or negation stands in the four tokens
// before toks[i] within the clause starting at from.
func negated(toks []token, from, i int) bool {
	for j := i - 1; j >= from && j >= i-4; j-- {
		if modalWords[toks[j].low] {
			return true
		}
	}
	return false
}

// plannedAfter reports whether the cue is followed closely by a future or
// planning verb, so it names something that has not happened.
func plannedAfter(toks []token, i, to int) bool {
	for j := i + 1; j < to && j <= i+5; j++ {
		if futureAfter[toks[j].low] {
			return true
		}
	}
	return false
}

// notThisEvent reports whether the cue at toks[i] stands after a warning
// ("warned that an attack ..."), a denial ("denied that its troops
// shelled ..."), a charge ("suspected of spotting targets for missile
// strikes"), or names the means of an event already told ("used
// explosive devices").
func notThisEvent(toks []token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		w := toks[j].low
		next := ""
		if j+1 < len(toks) {
			next = toks[j+1].low
		}
		if (warnWords[w] && (next == "that" || next == "of" || next == "against" || next == "about")) ||
			(denyWords[w] && denyObjs[next]) {
			return true
		}
		if i-j <= 8 {
			for _, ph := range chargeWords {
				if hasWords(toks, j, ph) {
					return true
				}
			}
		}
		if i-j <= 3 && meansWords[w] {
			return i-j <= 1 || !toks[j+1].upper
		}
	}
	return false
}

// habitual reports whether the sentence is background rather than the
// report of one event: a pattern ("continue to", "regularly"), a duration
// ("for more than 15 years", "since 2009", "since early April"), an
// anniversary, or a recap of the event just told ("It was the first ...").
func habitual(toks []token) bool {
	for _, ph := range recapOpeners {
		if hasWords(toks, 0, ph) {
			return true
		}
	}
	for i := range toks {
		w := toks[i].low
		if w == "since" && i+1 < len(toks) && (isYearAfter(toks, i) || monthNames[toks[i+1].low] > 0 || sinceOpeners[toks[i+1].low]) {
			return true
		}
		if w == "began" && i+1 < len(toks) && toks[i+1].low == "in" && isYearAfter(toks, i) {
			return true
		}
		if w == "for" && durationAfter(toks, i) {
			return true
		}
		for _, ph := range habitualPhrases {
			if ph[0] == w && hasWords(toks, i, ph) {
				return true
			}
		}
	}
	return false
}

// durationAfter reports whether "for" at toks[i] opens a duration of days
// or more: "for months", "for more than 15 years", "for the past two weeks".
// "for several hours" is part of one event and does not count.
func durationAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+5; j++ {
		w := toks[j].low
		if durationUnits[w] {
			return true
		}
		if !toks[j].word || (!numberMods[w] && !isDigits(w) && numberWords[w] == 0 && !strings.HasSuffix(w, "ral") && w != "past" && w != "last") {
			return false
		}
	}
	return false
}

// isYearAfter reports whether a four-digit year follows toks[i] within two
// tokens.
func isYearAfter(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && j <= i+2; j++ {
		if w := toks[j].low; len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
			return true
		}
	}
	return false
}
