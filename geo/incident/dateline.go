package incident

import "regexp"

// dateline matches the wire-service opening of a report, "KHARTOUM, March
// 11 (Reuters) - ", "KYIV (AP) — ": a place in capitals, an optional date
// and agency, and a dash. Its date is when the report was filed, not when
// the events happened, so it is kept out of the sentence.
var dateline = regexp.MustCompile(`^[A-Z][A-Z'’.\- ]{1,40}(, [A-Z][A-Za-z'’.\- ]{1,40})?(, [A-Z][a-z]{2,8}\.? \d{1,2}(, \d{4})?)?( \([^()\n]{1,40}\))? ?[-–—]{1,2} `)

// skipDateline returns the offset after a dateline at the start of text[from:],
// or from when there is none.
func skipDateline(text string, from int) int {
	if loc := dateline.FindStringIndex(text[from:]); loc != nil {
		return from + loc[1]
	}
	return from
}
