package geoparse

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
)

// Lexicon is what the parser knows of English beyond the gazetteer: the
// common words of the language (lower case) and common first names. A
// capitalised token that is an English word needs more evidence to be a
// place ("Council", "Pack", "Bell"); one after a first name is a surname.
type Lexicon struct {
	words      map[string]bool
	firstNames map[string]bool
}

// ReadLexicon reads the two gzipped word lists (one entry a line) that
// data/gazbuild writes.
func ReadLexicon(words, firstNames io.Reader) (*Lexicon, error) {
	w, err := readWordList(words, strings.ToLower)
	if err != nil {
		return nil, fmt.Errorf("geoparse: english words: %w", err)
	}
	n, err := readWordList(firstNames, func(s string) string { return s })
	if err != nil {
		return nil, fmt.Errorf("geoparse: first names: %w", err)
	}
	return &Lexicon{words: w, firstNames: n}, nil
}

func readWordList(r io.Reader, norm func(string) string) (map[string]bool, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			out[norm(w)] = true
		}
	}
	return out, sc.Err()
}

// isWord: the lower-case form is a common English word.
func (l *Lexicon) isWord(low string) bool { return l != nil && l.words[low] }

// isFirstName: a common English first name, as written ("Kristina").
func (l *Lexicon) isFirstName(w string) bool { return l != nil && l.firstNames[w] }
