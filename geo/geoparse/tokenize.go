package geoparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of the text with its byte span and the shape facts
// recognition needs.
type token struct {
	start, end int
	text       string
	low        string // text in lower case
	cap        bool   // starts with an upper-case letter
	allCaps    bool   // two or more letters, all upper case
	hyphenPrev bool   // joined to the previous token by a hyphen
	sentStart  bool   // first word of a sentence or a line
	possessive bool   // followed by 's or ’s (not part of the span)
	commaAfter bool   // a comma follows
	punctAfter bool   // a sentence or clause break (. ; : ! ? or line end) follows
}

// tokenize splits text into words, appending to toks (a reused buffer). Apostrophes inside a word stay in it
// ("Mar'inka"); a trailing 's is marked as possessive; hyphens split words
// but are remembered, so "Rostov-on-Don" is three tokens joined by hyphens.
func tokenize(text string, toks []token) []token {
	if toks == nil {
		toks = make([]token, 0, len(text)/6+1) // about one word per six bytes of English
	}
	sentStart := true
	hyphen := false
	i := 0
	for i < len(text) {
		r, size := runeAt(text, i)
		if !isWordRune(r) {
			switch {
			case r == '-' || r == '‐' || r == '‑':
				hyphen = len(toks) > 0 && toks[len(toks)-1].end == i
			case r == '(' || r == ')' || r == '[' || r == ']' || r == '"' || r == '“' || r == '”' || r == '«' || r == '»':
				// brackets and quotes end a run of names but not a sentence
				if n := len(toks); n > 0 {
					toks[n-1].punctAfter = true
				}
				hyphen = false
			case r == '.' || r == '!' || r == '?' || r == '\n' || r == ';' || r == ':':
				if n := len(toks); n > 0 {
					toks[n-1].punctAfter = true
				}
				if r != ';' && r != ':' {
					sentStart = true
				}
				hyphen = false
			case r == ',':
				if n := len(toks); n > 0 {
					toks[n-1].commaAfter = true
				}
				hyphen = false
			case unicode.IsSpace(r):
				hyphen = false
			}
			i += size
			continue
		}
		start := i
		for i < len(text) {
			r, size := runeAt(text, i)
			if isWordRune(r) {
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if unicode.IsLetter(next) {
					i += size
					continue
				}
			}
			break
		}
		t := token{start: start, end: i, text: text[start:i], hyphenPrev: hyphen && start > 0 && isHyphenAt(text, start), sentStart: sentStart}
		t = splitPossessive(t)
		first, _ := utf8.DecodeRuneInString(t.text)
		t.cap = unicode.IsUpper(first)
		t.allCaps = isAllCaps(t.text)
		t.low = lowerWord(t.text)
		toks = append(toks, t)
		sentStart, hyphen = false, false
	}
	return toks
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// runeAt decodes the rune at text[i], taking the one-byte path for ASCII.
func runeAt(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ' || r == 'ʹ' || r == '‘'
}

func isHyphenAt(text string, at int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:at])
	return r == '-' || r == '‐' || r == '‑'
}

// splitPossessive cuts a trailing 's / ’s off a token and marks it.
func splitPossessive(t token) token {
	for _, suf := range []string{"'s", "’s", "ʼs"} {
		if len(t.text) > len(suf) && t.text[len(t.text)-len(suf):] == suf {
			t.end -= len(suf)
			t.text = t.text[:len(t.text)-len(suf)]
			t.possessive = true
			return t
		}
	}
	return t
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// lowerWord lower-cases a word, without allocating when it is lower case
// already (most words are).
func lowerWord(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}
