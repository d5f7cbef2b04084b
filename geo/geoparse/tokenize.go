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
	abbrev     bool   // an abbreviation with its dots: "U.S.", "W.Va.", "St."
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
		if text[i] == ' ' {
			hyphen = false
			i++
			continue
		}
		r, size := runeAt(text, i)
		if !isWordRune(r) {
			switch {
			case (r == '-' || r == '‐' || r == '‑') && isDash(text, i):
				// "NEWARK -- Police said": a dash typed as hyphens ends a run of names
				if n := len(toks); n > 0 {
					toks[n-1].punctAfter = true
				}
				hyphen = false
			case r == '-' || r == '‐' || r == '‑':
				hyphen = len(toks) > 0 && toks[len(toks)-1].end == i
			case r == '(' || r == ')' || r == '[' || r == ']' || r == '"' || r == '“' || r == '”' || r == '«' || r == '»' || r == '—' || r == '–':
				// brackets, quotes and dashes end a run of names but not a sentence
				if n := len(toks); n > 0 {
					toks[n-1].punctAfter = true
				}
				if (r == '"' || r == '“' || r == '«') && opensQuote(text, i) {
					sentStart = true // quoted speech starts a sentence: "We would..."
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
		start, apostrophe := i, false
		for i < len(text) {
			c := text[i]
			if asciiWord[c] {
				i++
				continue
			}
			if c < utf8.RuneSelf && c != '\'' {
				break // a space or a punctuation mark ends the word
			}
			r, size := runeAt(text, i)
			if isWordRune(r) {
				i += size
				continue
			}
			if isApostrophe(r) && i+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				if unicode.IsLetter(next) {
					i += size
					apostrophe = true
					continue
				}
			}
			break
		}
		if end := dottedAbbrevEnd(text, start, i); end > i {
			i = end // "U.S.", "D.C.", "W.Va.": one token, dots and all
		}
		toks = append(toks, token{}) // filled in place: a token is too big to copy around
		t := &toks[len(toks)-1]
		t.start, t.end, t.text, t.sentStart = start, i, text[start:i], sentStart
		t.hyphenPrev = hyphen && start > 0 && isHyphenAt(text, start)
		t.abbrev = t.text[len(t.text)-1] == '.'
		initial := len(t.text) == 1 && isUpperASCII(t.text[0]) && !sentStart
		if !t.abbrev && i < len(text) && text[i] == '.' && (shortForms[t.text] || initial) && nextIsCapitalised(text, i+1) {
			// "St. Louis", "Gov. Smith", "John F. Kennedy": the dot ends
			// the word, not the sentence.
			i++
			t.abbrev = true
		}
		splitPossessive(t)
		if !t.possessive && strings.HasSuffix(t.text, "s") && i < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[i:]); isApostrophe(r) {
				t.possessive = true // "Jones'", "the Smiths'": the apostrophe after the s
			}
		}
		first, _ := utf8.DecodeRuneInString(t.text)
		t.cap = unicode.IsUpper(first) || apostrophe && elidedName(t.text)
		t.allCaps = !unicode.IsLower(first) && isAllCaps(t.text)
		t.low = lowerWord(t.text)
		if t.abbrev {
			t.low = strings.TrimSuffix(t.low, ".")
		}
		if apostrophe && isContraction(t.low) {
			t.cap = false // "We're", "I've" are not names
		}
		sentStart, hyphen = false, false
	}
	return toks
}

// isDash: the hyphen at i is typed as a dash, doubled or with a space on
// either side ("NEWARK -- ", "Kyiv - "), not joining two words.
func isDash(text string, i int) bool {
	spaceBefore := i == 0 || text[i-1] == ' '
	spaceAfter := i+1 >= len(text) || text[i+1] == ' '
	doubled := i+1 < len(text) && text[i+1] == '-' || i > 0 && text[i-1] == '-'
	return spaceBefore || spaceAfter || doubled
}

// opensQuote: the quote mark at i opens a quotation (after a space, a colon
// or the start of a line, before a word).
func opensQuote(text string, i int) bool {
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(prev) && prev != ':' && prev != '(' {
			return false
		}
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	if i+size >= len(text) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[i+size:])
	return unicode.IsLetter(next)
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
func splitPossessive(t *token) {
	if len(t.text) < 3 || t.text[len(t.text)-1] != 's' {
		return
	}
	for _, suf := range []string{"'s", "’s", "ʼs"} {
		if len(t.text) > len(suf) && t.text[len(t.text)-len(suf):] == suf {
			t.end -= len(suf)
			t.text = t.text[:len(t.text)-len(suf)]
			t.possessive = true
			return
		}
	}
}

// elidedName: a French or Italian article elided onto a name, as place
// names write it inside a longer name: "d'Ivoire" in "Côte d'Ivoire",
// "d'Isère", "l'Aquila".
func elidedName(s string) bool {
	if len(s) < 3 || s[0] != 'd' && s[0] != 'l' {
		return false
	}
	rest := s[1:]
	for _, a := range []string{"'", "’"} {
		if strings.HasPrefix(rest, a) {
			r, _ := utf8.DecodeRuneInString(rest[len(a):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// isPlainWord: s is ASCII letters and digits only.
func isPlainWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !asciiWord[c] {
			return false
		}
	}
	return s != ""
}

// asciiWord marks the ASCII bytes isWordRune accepts, for the tokenizer's
// one-byte path.
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

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

// dottedAbbrevEnd extends a one- or two-letter word followed by a dot and
// more letter-dot groups ("U.S.", "D.C.", "W.Va.", "U.S.A.") to the end of
// the last dot; otherwise it returns end.
func dottedAbbrevEnd(text string, start, end int) int {
	if end-start > 2 || end >= len(text) || text[end] != '.' {
		return end
	}
	j, groups := end+1, 1
	for j < len(text) {
		k := j
		for k < len(text) && k-j < 3 && isASCIILetter(text[k]) {
			k++
		}
		if k == j || k >= len(text) || text[k] != '.' {
			break
		}
		j, groups = k+1, groups+1
	}
	if groups < 2 || !isUpperASCII(text[start]) {
		return end
	}
	return j
}

// shortForms are abbreviations written with a dot inside a sentence: in
// place names ("St. Louis", "Ft. Worth", "Mt. Kenya") and in titles
// ("Gov. Smith").
var shortForms = set("St", "Ste", "Ft", "Mt", "Pt", "Mr", "Mrs", "Ms", "Dr", "Gen", "Gov", "Sen", "Rep",
	"Lt", "Col", "Sgt", "Capt", "Maj", "Rev", "Prof", "Cpl", "Pvt", "Adm", "Supt", "Det", "Insp", "Atty", "Jr", "Sr", "No")

func nextIsCapitalised(text string, i int) bool {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	return i < len(text) && isUpperASCII(text[i])
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isUpperASCII(c byte) bool  { return c >= 'A' && c <= 'Z' }

// isContraction: "we're", "i've", "they'd", "don't".
func isContraction(low string) bool {
	for _, suf := range []string{"'ve", "'re", "'ll", "'d", "'m", "n't", "’ve", "’re", "’ll", "’d", "’m", "n’t"} {
		if strings.HasSuffix(low, suf) {
			return true
		}
	}
	return false
}
