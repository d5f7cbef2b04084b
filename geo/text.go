package geo

import (
	"time"
	"unicode"
)

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

// Bounds of a plausible published time: nothing was published before
// 1900, and clocks may be ahead of ours by up to a day (time zones).
var (
	earliestPublished = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	publishedLeeway   = 24 * time.Hour
)

// CheckPublished refuses published times before 1900 or more than a day
// after now: they are typos or junk (0000-01-01, 9999-12-31), and the
// incidents dated from them would land on those days. The zero time means
// unknown and passes.
func CheckPublished(t, now time.Time) error {
	switch {
	case t.IsZero():
		return nil
	case t.Before(earliestPublished):
		return FieldError("published", "%s is before 1900", t.UTC().Format(time.DateOnly))
	case t.After(now.Add(publishedLeeway)):
		return FieldError("published", "%s is in the future", t.UTC().Format(time.RFC3339))
	}
	return nil
}
