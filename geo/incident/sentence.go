package incident

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is one sentence of a text: byte offsets [Start, End) and the index of
// the paragraph it belongs to (paragraphs are separated by blank lines, or by
// a line break that ends a sentence).
type Span struct {
	Start, End int
	Paragraph  int
}

// abbreviations never end a sentence when followed by a period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"lt": true, "col": true, "maj": true, "capt": true, "sgt": true, "cpl": true,
	"pvt": true, "adm": true, "rep": true, "sen": true, "gov": true, "pres": true,
	"st": true, "mt": true, "ft": true, "jr": true, "sr": true, "no": true,
	"nos": true, "vs": true, "approx": true, "est": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "dept": true, "jan": true, "feb": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "e.g": true, "i.e": true, "cf": true, "al": true,
}

// sentenceStarters are words after which an initialism such as "U.S." is
// taken to end its sentence ("... by the U.S. The ministry said").
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "it": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "this": true, "there": true, "but": true,
	"in": true, "on": true, "meanwhile": true, "officials": true,
}

// SplitSentences splits text into sentences with byte offsets. It knows
// abbreviations ("Mr.", "U.S."), decimals, straight and curly closing quotes,
// and treats a blank line, or a line break after a heading, as the end of a
// sentence and of a paragraph.
func SplitSentences(text string) []Span {
	s := splitter{text: text, start: -1}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			i = s.lineBreak(i)
			continue
		case unicode.IsSpace(r):
		case s.start < 0:
			s.start = i
		}
		if s.start >= 0 && (r == '.' || r == '!' || r == '?' || r == '…') {
			if end, ok := s.terminal(i, size, r); ok {
				s.emit(end)
				i = end
				continue
			}
		}
		i += size
	}
	s.emit(len(text))
	return s.out
}

type splitter struct {
	text  string
	out   []Span
	start int
	para  int
}

func (s *splitter) emit(end int) {
	if s.start < 0 {
		return
	}
	for end > s.start {
		r, size := utf8.DecodeLastRuneInString(s.text[s.start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if start := skipDateline(s.text[:end], s.start); end > start {
		s.out = append(s.out, Span{Start: start, End: end, Paragraph: s.para})
	}
	s.start = -1
}

func (s *splitter) newParagraph() {
	if n := len(s.out); n > 0 && s.out[n-1].Paragraph == s.para {
		s.para++
	}
}

// lineBreak handles a run of whitespace holding newlines starting at i and
// returns the index after it.
func (s *splitter) lineBreak(i int) int {
	j, lines := i, 0
	for j < len(s.text) {
		c := s.text[j]
		if c == '\n' {
			lines++
		} else if c != ' ' && c != '\t' && c != '\r' {
			break
		}
		j++
	}
	switch {
	case lines >= 2:
		s.emit(i)
		s.newParagraph()
	case s.start < 0:
		// The previous sentence ended at the end of the line: one paragraph
		// per line.
		s.newParagraph()
	case s.headingBreak(i, j):
		s.emit(i)
		s.newParagraph()
	}
	return j
}

// headingBreak reports whether a single line break at i (next text at j)
// ends a sentence without punctuation, as after a title: the next line
// starts with a capital, digit or quote, and the line does not end mid-phrase.
func (s *splitter) headingBreak(i, j int) bool {
	if j >= len(s.text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s.text[j:])
	if unicode.IsLower(next) {
		return false
	}
	line := strings.TrimRight(s.text[s.start:i], " \t\r")
	if k := strings.LastIndexByte(line, '\n'); k >= 0 {
		line = line[k+1:]
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if last == ',' || last == ';' || last == ':' || last == '-' {
		return false
	}
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return true
	}
	return !continuationWords[strings.ToLower(fields[len(fields)-1])]
}

var continuationWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "and": true, "or": true, "by": true, "for": true,
	"with": true, "from": true, "that": true, "which": true, "as": true,
}

// terminal decides whether the punctuation r at i ends a sentence and, if
// so, returns the end offset (after any closing quotes or brackets).
func (s *splitter) terminal(i, size int, r rune) (int, bool) {
	text := s.text
	j := i + size
	for j < len(text) {
		c, n := utf8.DecodeRuneInString(text[j:])
		if c == '.' || c == '!' || c == '?' || c == '…' || isClosing(c) {
			j += n
			continue
		}
		break
	}
	if j >= len(text) {
		return j, true
	}
	c, _ := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsSpace(c) {
		return 0, false
	}
	k := j
	for k < len(text) {
		c, n := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsSpace(c) {
			break
		}
		k += n
	}
	if k >= len(text) {
		return j, true
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isOpening(next)) {
		return 0, false
	}
	if r != '.' {
		return j, true
	}
	word := wordBefore(text, i)
	low := strings.ToLower(word)
	switch {
	case abbreviations[low]:
		return 0, false
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]):
		return 0, false // an initial: "J. Smith"
	case strings.Contains(word, "."):
		// An initialism such as "U.S.": a break only before a typical
		// sentence opener.
		return j, sentenceStarters[strings.ToLower(firstWord(text[k:]))]
	}
	return j, true
}

// wordBefore returns the run of letters and inner periods ending at i.
func wordBefore(text string, i int) string {
	k := i
	for k > 0 {
		c, n := utf8.DecodeLastRuneInString(text[:k])
		if !(unicode.IsLetter(c) || c == '.') {
			break
		}
		k -= n
	}
	return strings.Trim(text[k:i], ".")
}

func firstWord(text string) string {
	end := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return text
	}
	return text[:end]
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«':
		return true
	}
	return false
}
