package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key folds a name for exact matching: lower case, compatibility
// decomposition with combining marks dropped, Cyrillic transliterated,
// apostrophes of every kind removed, and any other run of punctuation or
// space turned into one space. "Mar’inka" and "Marinka" share a key; so do
// "Rostov-on-Don" and "rostov on don".
func Key(s string) string {
	if !isPlainASCII(s) {
		s = foldUnicode(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
		case c == '\'' || c == '`':
			// apostrophes join: Mar'inka is Marinka
		default:
			space = true
		}
	}
	return b.String()
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldUnicode lower-cases, strips marks, maps apostrophe-like letters to
// ASCII apostrophes and transliterates Cyrillic words.
func foldUnicode(s string) string {
	s = norm.NFKD.String(strings.ToLower(s))
	var b strings.Builder
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			b.WriteString(transliterate(word.String()))
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.Is(unicode.Cyrillic, r):
			word.WriteRune(r)
			continue
		}
		flush()
		switch r {
		case '’', 'ʼ', 'ʹ', '‘', 'ʻ', '´', 'ʽ', '′':
			b.WriteByte('\'')
		case 'ß':
			b.WriteString("ss")
		case 'ø':
			b.WriteString("o")
		case 'æ':
			b.WriteString("ae")
		case 'đ':
			b.WriteString("d")
		case 'ł':
			b.WriteString("l")
		case 'ı':
			b.WriteString("i")
		default:
			if r < utf8.RuneSelf || unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		}
	}
	flush()
	return b.String()
}

// digraphs are rewritten before single letters in Loose, longest first.
var digraphs = strings.NewReplacer(
	"shch", "s", "sch", "s", "zh", "z", "kh", "x", "ch", "c", "sh", "s",
	"ts", "c", "tz", "c", "ph", "f", "ck", "k",
)

// Loose folds a Key further so that common transliterations of the same
// Ukrainian or Russian name meet: digraphs reduced (zh→z, kh, ch, sh,
// ts), h and g merged, w→v, j→y, doubled letters collapsed, and every run of
// vowels (y counts as one) written as a single "a". Zaporizhzhia,
// Zaporizhia and Zaporozhye all become "zaparaza"; Kyiv and Kiev "kav".
func Loose(key string) string {
	s := digraphs.Replace(key)
	var b strings.Builder
	b.Grow(len(s))
	var last byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 'h':
			c = 'g'
		case 'w':
			c = 'v'
		case 'j', 'e', 'i', 'o', 'u', 'y':
			c = 'a'
		case 'q':
			c = 'k'
		}
		if c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}
