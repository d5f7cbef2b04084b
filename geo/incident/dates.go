package incident

import (
	"strconv"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
	"saturday": time.Saturday,
}

// eventDate is a resolved date with its ACLED time precision.
type eventDate struct {
	day       time.Time
	precision int
}

// relativeCues are fixed phrases and the date they give, relative to the
// published day. "overnight" is the night that ended on the published day,
// so it takes the published date (precision 1); "last night" is the night
// before, dated to the previous day.
var relativeCues = []struct {
	words     []string
	days      int // days before the published date
	months    int // months before the published date
	precision int
}{
	{[]string{"overnight"}, 0, 0, geo.TimeDay},
	{[]string{"today"}, 0, 0, geo.TimeDay},
	{[]string{"tonight"}, 0, 0, geo.TimeDay},
	{[]string{"this", "morning"}, 0, 0, geo.TimeDay},
	{[]string{"this", "afternoon"}, 0, 0, geo.TimeDay},
	{[]string{"this", "evening"}, 0, 0, geo.TimeDay},
	{[]string{"yesterday"}, 1, 0, geo.TimeDay},
	{[]string{"last", "night"}, 1, 0, geo.TimeDay},
	{[]string{"last", "week"}, 7, 0, geo.TimeWeek},
	{[]string{"this", "week"}, 0, 0, geo.TimeWeek},
	{[]string{"last", "weekend"}, 0, 0, geo.TimeWeek}, // resolved to the last Saturday below
	{[]string{"last", "month"}, 0, 1, geo.TimeMonth},
	{[]string{"this", "month"}, 0, 0, geo.TimeMonth},
}

// findDate returns the most precise date cue of a sentence (the first one
// among equals), resolved against the published day. Dates are never after
// the published day.
func findDate(toks []token, published time.Time) (eventDate, bool) {
	pub := dayOf(published)
	var best eventDate
	found := false
	consider := func(d eventDate) {
		if d.day.After(pub) {
			d.day = pub
		}
		if !found || d.precision < best.precision {
			best, found = d, true
		}
	}
	for i := 0; i < len(toks); i++ {
		if d, ok := dateAt(toks, i, pub); ok {
			consider(d)
		}
	}
	return best, found
}

func dateAt(toks []token, i int, pub time.Time) (eventDate, bool) {
	tk := toks[i]
	for _, c := range relativeCues {
		if c.words[0] != tk.low || !hasWords(toks, i, c.words) {
			continue
		}
		if len(c.words) == 2 && c.words[1] == "weekend" {
			return eventDate{lastWeekday(pub.AddDate(0, 0, -1), time.Saturday), c.precision}, true
		}
		return eventDate{pub.AddDate(0, -c.months, -c.days), c.precision}, true
	}
	if wd, ok := weekdays[tk.low]; ok && tk.upper {
		day := lastWeekday(pub, wd)
		if i > 0 && toks[i-1].low == "last" && day.Equal(pub) {
			day = day.AddDate(0, 0, -7)
		}
		return eventDate{day, geo.TimeDay}, true
	}
	if i+2 < len(toks) && toks[i+2].low == "ago" {
		n, ok := smallNumber(tk.low)
		switch {
		case !ok:
		case toks[i+1].low == "days" || toks[i+1].low == "day":
			return eventDate{pub.AddDate(0, 0, -n), geo.TimeDay}, true
		case toks[i+1].low == "weeks" || toks[i+1].low == "week":
			return eventDate{pub.AddDate(0, 0, -7*n), geo.TimeWeek}, true
		}
	}
	return calendarDate(toks, i, pub)
}

// calendarDate reads "April 3", "April 3, 2024", "3 April 2024" and, with
// month precision, "in March".
func calendarDate(toks []token, i int, pub time.Time) (eventDate, bool) {
	tk := toks[i]
	month := monthNames[tk.low]
	if month == 0 || !tk.upper {
		return eventDate{}, false
	}
	day, year := 0, 0
	if i+1 < len(toks) {
		day = dayNumber(toks[i+1].low)
		if day > 0 {
			k := i + 2
			if k < len(toks) && toks[k].low == "," {
				k++
			}
			if k < len(toks) {
				year = yearNumber(toks[k].low)
			}
		}
	}
	if day == 0 && i > 0 {
		day = dayNumber(toks[i-1].low)
		if day > 0 && i+1 < len(toks) {
			year = yearNumber(toks[i+1].low)
		}
	}
	if day == 0 {
		full := len(tk.low) >= 5 || tk.low == "may" || tk.low == "june" || tk.low == "july"
		if !full || i == 0 || toks[i-1].low != "in" {
			return eventDate{}, false
		}
		return resolveYear(pub, year, month, 15, geo.TimeMonth), true
	}
	return resolveYear(pub, year, month, day, geo.TimeDay), true
}

// resolveYear builds the date; without a year it is the latest such date
// not after the published day.
func resolveYear(pub time.Time, year, month, day, precision int) eventDate {
	if year == 0 {
		year = pub.Year()
		if time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).After(pub) {
			year--
		}
	}
	return eventDate{time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC), precision}
}

func dayNumber(w string) int {
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > 31 {
		return 0
	}
	return n
}

func yearNumber(w string) int {
	n, err := strconv.Atoi(w)
	if err != nil || n < 1900 || n > 2100 {
		return 0
	}
	return n
}

func smallNumber(w string) (int, bool) {
	if n, err := strconv.Atoi(w); err == nil && n > 0 && n < 400 {
		return n, true
	}
	if w == "a" {
		return 1, true
	}
	n, ok := numberWords[w]
	return n, ok
}

// lastWeekday is the latest day on or before d that falls on wd.
func lastWeekday(d time.Time, wd time.Weekday) time.Time {
	back := (int(d.Weekday()) - int(wd) + 7) % 7
	return d.AddDate(0, 0, -back)
}

// dayOf is the calendar day of t, as a UTC midnight.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
