package incident

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of a sentence, with byte offsets into
// the article text. low is lower-cased with curly apostrophes made straight;
// a possessive "'s" is a token of its own.
type token struct {
	start, end int
	low        string
	upper      bool // starts with an upper-case letter
	word       bool // letters or digits, not punctuation
}

// tokenize splits text[from:to] into tokens.
func tokenize(text string, from, to int) []token {
	toks := make([]token, 0, (to-from)/5+4)
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := wordEnd(text, i, to)
			toks = appendWord(toks, text, i, j, unicode.IsUpper(r))
			i = j
		default:
			toks = append(toks, token{start: i, end: i + size, low: text[i : i+size]})
			i += size
		}
	}
	return toks
}

// wordEnd returns the end of the word starting at i: letters and digits,
// joined by inner apostrophes, hyphens and periods ("U.S", "Shahed-type",
// "1.5"), and commas inside numbers ("1,200").
func wordEnd(text string, i, to int) int {
	j := i
	prevDigit := false
	for j < to {
		r, size := utf8.DecodeRuneInString(text[j:to])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			prevDigit = unicode.IsDigit(r)
			j += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(text[j+size : to])
		if nsize == 0 {
			break
		}
		switch {
		case (r == '\'' || r == '’' || r == '-' || r == '.') && (unicode.IsLetter(next) || unicode.IsDigit(next)):
			j += size
		case r == ',' && prevDigit && threeDigits(text[j+1:to]):
			j += size
		default:
			return j
		}
	}
	return j
}

func threeDigits(s string) bool {
	if len(s) < 3 {
		return false
	}
	for k := 0; k < 3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

// appendWord appends the word text[i:j], splitting off a possessive "'s".
func appendWord(toks []token, text string, i, j int, upper bool) []token {
	low := strings.ReplaceAll(strings.ToLower(text[i:j]), "’", "'")
	if len(low) > 2 && strings.HasSuffix(low, "'s") {
		apos := strings.LastIndexAny(text[i:j], "'’") + i
		toks = append(toks, token{start: i, end: apos, low: low[:len(low)-2], upper: upper, word: true})
		return append(toks, token{start: apos, end: j, low: "'s", word: true})
	}
	return append(toks, token{start: i, end: j, low: low, upper: upper, word: true})
}

// inSetOrParts reports whether w or one of its hyphen-separated parts is in
// set ("shahed-type" has "shahed").
func inSetOrParts(set map[string]bool, w string) bool {
	if set[w] {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if set[p] {
			return true
		}
	}
	return false
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
