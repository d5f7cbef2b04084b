package geo

import "unicode"

// ControlChar returns the first control or non-character code point in s
// other than tab, newline and carriage return (NUL, escape, DEL, the C1
// controls, U+FFFE), or false when there is none. Names and article text
// with such characters are refused: they are never real text and break
// terminals, CSV exports and SQL tools downstream.
func ControlChar(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case unicode.IsControl(r), r == 0xFFFE, r == 0xFFFF:
			return r, true
		}
	}
	return 0, false
}
