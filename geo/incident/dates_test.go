package incident

import (
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

func TestFindDate(t *testing.T) {
	pub := time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC) // a Friday
	cases := []struct {
		name      string
		text      string
		want      string // "" = no cue
		precision int
	}{
		{"overnight is the published day", "drones were downed overnight", "2024-04-05", geo.TimeDay},
		{"same weekday is the published day", "early on Friday the governor said", "2024-04-05", geo.TimeDay},
		{"on thursday", "strikes hit the city on Thursday", "2024-04-04", geo.TimeDay},
		{"on saturday is the week before", "a rally on Saturday", "2024-03-30", geo.TimeDay},
		{"last friday", "shelling last Friday", "2024-03-29", geo.TimeDay},
		{"yesterday", "a bomb exploded yesterday", "2024-04-04", geo.TimeDay},
		{"last night", "fighting last night", "2024-04-04", geo.TimeDay},
		{"last week", "the attack last week", "2024-03-29", geo.TimeWeek},
		{"earlier this week", "clashes earlier this week", "2024-04-05", geo.TimeWeek},
		{"last month", "arrests last month", "2024-03-05", geo.TimeMonth},
		{"earlier this month", "raids earlier this month", "2024-04-05", geo.TimeMonth},
		{"month day", "on April 3 rebels attacked", "2024-04-03", geo.TimeDay},
		{"day month year", "on 3 April 2023 rebels attacked", "2023-04-03", geo.TimeDay},
		{"month day comma year", "on March 28, 2024 rebels attacked", "2024-03-28", geo.TimeDay},
		{"date after publication is last year", "on December 25 a truce", "2023-12-25", geo.TimeDay},
		{"in a month", "the offensive in February", "2024-02-15", geo.TimeMonth},
		{"days ago", "two days ago police arrested", "2024-04-03", geo.TimeDay},
		{"most precise cue wins", "last week, on Tuesday, fighting", "2024-04-02", geo.TimeDay},
		{"may the modal is not a month", "they may strike again", "", 0},
		{"no cue", "drones were downed", "", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := findDate(tokenize(tc.text, 0, len(tc.text)), pub)
			if tc.want == "" {
				if ok {
					t.Fatalf("got %s, want no date", d.day.Format("2006-01-02"))
				}
				return
			}
			if !ok {
				t.Fatalf("no date, want %s", tc.want)
			}
			if got := d.day.Format("2006-01-02"); got != tc.want || d.precision != tc.precision {
				t.Errorf("got %s/%d, want %s/%d", got, d.precision, tc.want, tc.precision)
			}
		})
	}
}
