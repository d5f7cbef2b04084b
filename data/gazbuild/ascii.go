package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// asciiOf drops diacritics, as GeoNames' asciiname column does.
func asciiOf(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r < 128 {
			b.WriteRune(r)
		}
	}
	return b.String()
}
