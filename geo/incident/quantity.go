package incident

import (
	"strconv"
	"strings"
)

// numberWords are the spelled-out numbers read as counts.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// multipliers scale the number before them ("two hundred", "1.5 million").
var multipliers = map[string]int{"hundred": 100, "thousand": 1000, "million": 1_000_000}

// vagueQuantities gives the number stored for a vague quantity. The rule,
// for counts and casualties alike, is the conservative reading an analyst
// codes: the smallest number the words surely mean. "dozens" is 12,
// "hundreds" 100, "thousands" 1,000, "tens of thousands" 10,000,
// "several" 3, "a few" 2; "at least 10", "more than 10" and "over 10" are
// 10; a range ("10 to 15", "10-15", "between 10 and 15") is its lower
// bound. "a dozen" is exact (12). The table is matched before single words.
var vagueQuantities = []struct {
	words []string
	value int
}{
	{[]string{"tens", "of", "thousands"}, 10000},
	{[]string{"a", "dozen"}, 12},
	{[]string{"a", "few"}, 2},
	{[]string{"a", "handful"}, 3},
	{[]string{"a", "hundred"}, 100},
	{[]string{"a", "thousand"}, 1000},
	{[]string{"dozens"}, 12},
	{[]string{"dozen"}, 12},
	{[]string{"several"}, 3},
	{[]string{"scores"}, 20},
	{[]string{"hundreds"}, 100},
	{[]string{"thousands"}, 1000},
}

// singularPersons are the nouns that make "a" or "an" a count of one
// person: "killing a man", "shot dead a journalist".
var singularPersons = setOf("man", "woman", "child", "boy", "girl", "civilian", "soldier", "policeman",
	"policewoman", "officer", "journalist", "student", "farmer", "commander", "driver", "resident",
	"teacher", "worker", "person", "protester", "protestor", "demonstrator", "member", "fighter",
	"militant", "villager", "guard", "doctor", "nurse", "official", "pilgrim", "trader", "herder",
	"teenager", "infant", "baby", "elder", "chief", "leader", "imam", "priest", "pastor", "passenger",
	"serviceman", "medic", "volunteer", "judge", "lawyer", "activist", "politician", "mayor", "pupil",
	"shepherd", "fisherman", "worshipper", "thief", "suspect", "boy", "herdsman", "cleric", "colonel", "general", "officer", "lieutenant")

// quantity is a number read from tokens [start, end).
type quantity struct {
	value      int
	start, end int
	vague      bool
	article    bool // "a man": a count of one only where it is a casualty
}

// readQuantity reads a quantity starting at toks[i], if there is one.
func readQuantity(toks []token, i int) (quantity, bool) {
	for _, v := range vagueQuantities {
		if v.words[0] == toks[i].low && hasWords(toks, i, v.words) {
			return quantity{value: v.value, start: i, end: i + len(v.words), vague: true}, true
		}
	}
	tk := toks[i]
	if !tk.word {
		return quantity{}, false
	}
	if tk.low == "a" || tk.low == "an" {
		return personArticle(toks, i)
	}
	if lo, ok := dashRange(tk.low); ok {
		return quantity{value: lo, start: i, end: i + 1}, true
	}
	var value float64
	switch {
	case isDigits(tk.low):
		f, err := strconv.ParseFloat(strings.ReplaceAll(tk.low, ",", ""), 64)
		if err != nil {
			return quantity{}, false
		}
		value = f
	default:
		n, ok := spelledNumber(tk.low)
		if !ok {
			return quantity{}, false
		}
		value = float64(n)
	}
	end := i + 1
	for end < len(toks) {
		m, ok := multipliers[toks[end].low]
		if !ok {
			break
		}
		value *= float64(m)
		end++
	}
	if value > 1e9 {
		return quantity{}, false
	}
	q := quantity{value: int(value), start: i, end: end}
	// "10 to 15", "10 or 15": the lower bound, read to the end of the range.
	between := i > 0 && toks[i-1].low == "between" && end < len(toks) && toks[end].low == "and"
	if end+1 < len(toks) && (toks[end].low == "to" || toks[end].low == "or" || between) {
		if hi, ok := readQuantity(toks, end+1); ok && !hi.article && hi.value > q.value {
			q.end = hi.end
		}
	}
	return q, true
}

// personArticle reads "a man", "an elderly woman", "a Yazidi farmer" as
// one person.
func personArticle(toks []token, i int) (quantity, bool) {
	for k := i + 1; k < len(toks) && k <= i+3; k++ {
		if singularPersons[toks[k].low] {
			return quantity{value: 1, start: i, end: i + 1, article: true}, true
		}
		if !toks[k].word {
			break
		}
	}
	return quantity{}, false
}

// dashRange reads "10-15" as its lower bound.
func dashRange(w string) (int, bool) {
	lo, hi, ok := strings.Cut(w, "-")
	if !ok || !isDigits(lo) || !isDigits(hi) || strings.ContainsAny(lo, ",.") {
		return 0, false
	}
	n, err := strconv.Atoi(lo)
	return n, err == nil
}

// spelledNumber reads "seven", "twenty-five" or "hundred".
func spelledNumber(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	if tens, units, ok := strings.Cut(w, "-"); ok {
		t, ok1 := numberWords[tens]
		u, ok2 := numberWords[units]
		if ok1 && ok2 && t >= 20 && t%10 == 0 && u < 10 {
			return t + u, true
		}
	}
	return 0, false
}

// isDigits reports whether w is a number written in digits: "53", "1,200",
// "1.5" (but not "75th" or "2024-04-05").
func isDigits(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

func hasWords(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].low != w {
			return false
		}
	}
	return true
}
