package incident

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestReadFigures(t *testing.T) {
	cases := []struct {
		name                string
		text                string
		lastUnit            string
		count               int // -1: nil
		unit                string
		fatalities, injured int // -1: nil
	}{
		{"digits and demonym", "Russia has downed 53 Ukrainian drones", "", 53, "drones", -1, -1},
		{"of them inherits the unit", "44 of them were downed in Rostov", "drones", 44, "drones", -1, -1},
		{"more than with adjective", "units destroyed more than 40 airborne targets", "", 40, "airborne targets", -1, -1},
		{"dozens", "Russia downs dozens of drones", "", 12, "drones", -1, -1},
		{"a dozen", "a dozen drones were shot down", "", 12, "drones", -1, -1},
		{"several", "several waves of attack drones", "", 3, "waves", -1, -1},
		{"hundreds", "hundreds of people gathered", "", 100, "people", -1, -1},
		{"number word one", "one drone was downed", "", 1, "drone", -1, -1},
		{"hyphenated number word", "twenty-five shells hit the town", "", 25, "shells", -1, -1},
		{"thousands separator", "1,200 homes lost power", "", 1200, "homes", -1, -1},
		{"multiplier", "two hundred families fled", "", 200, "families", -1, -1},
		{"at least n people poisoned", "at least 10 people were “poisoned” by fumes", "", -1, "", -1, 10},
		{"killed n", "the strike killed 7 and wounded 12", "", -1, "", 7, 12},
		{"n dead", "the blast left 9 dead", "", -1, "", 9, -1},
		{"n people were killed", "five people were killed and 11 wounded", "", -1, "", 5, 11},
		{"death toll", "the death toll rose to 31", "", -1, "", 31, -1},
		{"no casualties", "There were no reports of casualties", "", -1, "", 0, -1},
		{"no one killed or injured", "no one was killed or injured", "", -1, "", 0, 0},
		{"count and fatalities", "gunmen abducted 30 passengers and killed two guards", "", 30, "passengers", 2, -1},
		{"years, times and distances are not counts", "in 2023 at 10 pm, 30 km away", "", -1, "", -1, -1},
		{"dates are not counts", "on April 3 and on 4 May", "", -1, "", -1, -1},
		{"no one is not a count", "no one was hurt", "", -1, "", -1, 0},
		{"range is its lower bound", "between 10 and 15 people were killed", "", -1, "", 10, -1},
		{"range with to", "the shelling killed 20 to 25 people", "", -1, "", 20, -1},
		{"range with a dash", "the blast left 10-15 dead", "", -1, "", 10, -1},
		{"dozens killed is twelve", "air strikes killed dozens of attackers", "", -1, "", 12, -1},
		{"one person by article", "Russian troops struck the town, killing a man", "", -1, "", 1, -1},
		{"article with adjectives", "gunmen shot dead a Yazidi farmer", "", -1, "", 1, -1},
		{"a man is no count", "a man threw a grenade at the office", "", -1, "", -1, -1},
		{"shot dead n", "soldiers shot dead 4 protesters", "", -1, "", 4, -1},
		{"executed n", "troops executed 5 villagers", "", -1, "", 5, -1},
		{"beaten to death", "a mob beat two men to death", "", -1, "", 2, -1},
		{"two sides add up", "8 soldiers and 10 attackers were killed", "", -1, "", 18, -1},
		{"a group and its part do not", "12 people were killed, including five children", "", -1, "", 12, -1},
		{"soldiers and volunteers", "At least 30 soldiers and volunteer fighters were killed", "", -1, "", 30, -1},
		{"a toll rising", "the number of people killed in the attack rose to 17", "", -1, "", 17, -1},
		{"a count of things is never fatalities", "investigators found a grave with 440 bodies", "", 440, "bodies", -1, -1},
		{"people inside a casualty figure are no count", "killing 12 members of one family", "", -1, "", 12, -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			toks := tokenize(tc.text, 0, len(tc.text))
			f := readFigures(toks, [][2]int{{0, len(toks)}}, tc.lastUnit)
			checkOpt(t, "count", f.count, tc.count)
			if f.unit != tc.unit {
				t.Errorf("unit = %q, want %q", f.unit, tc.unit)
			}
			checkOpt(t, "fatalities", f.fatalities, tc.fatalities)
			checkOpt(t, "injured", f.injured, tc.injured)
		})
	}
}

func checkOpt(t *testing.T, what string, got *int, want int) {
	t.Helper()
	switch {
	case want < 0 && got != nil:
		t.Errorf("%s = %d, want nil", what, *got)
	case want >= 0 && got == nil:
		t.Errorf("%s = nil, want %d", what, want)
	case want >= 0 && *got != want:
		t.Errorf("%s = %d, want %d", what, *got, want)
	}
}

func TestClaimant(t *testing.T) {
	cases := []struct{ text, want string }{
		{"the Ukrainian General Staff claimed 120 Russian soldiers were killed", "Ukrainian General Staff"},
		{"30 militants were killed, according to the army", "army"},
		{"nine people were killed, according to witnesses", ""},
		{"12 civilians were killed, activists said", ""},
	}
	for _, c := range cases {
		toks := tokenize(c.text, 0, len(c.text))
		got := ""
		if a, b, ok := claimant(toks, 0, len(toks)); ok {
			got = c.text[toks[a].start:toks[b-1].end]
		}
		if got != c.want {
			t.Errorf("%q: claimant %q, want %q", c.text, got, c.want)
		}
	}
}

// TestFiguresPerPlace: casualties stated with each place of one clause go
// to that place; one figure before a list of places is not split.
func TestFiguresPerPlace(t *testing.T) {
	kurakhove := placeSpec{Needle: "Kurakhove", FeatureCode: "PPL", Country: "UA", Admin1: "05", Lat: 47.98, Lon: 37.28, Precision: 1}
	selydove := placeSpec{Needle: "Selydove", FeatureCode: "PPL", Country: "UA", Admin1: "05", Lat: 48.15, Lon: 37.3, Precision: 1}
	for _, c := range []struct {
		name, text             string
		wantFatal, wantInjured map[string]int // missing: nil
	}{
		{"each place its own figures", "Shelling killed two civilians in Kurakhove and wounded three in Selydove on Monday.",
			map[string]int{"Kurakhove": 2}, map[string]int{"Selydove": 3}},
		{"one figure for a list is not split", "Shelling killed five civilians in Kurakhove and Selydove on Monday.",
			map[string]int{}, map[string]int{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := geo.Article{Text: c.text, Published: mustTime(t, "2024-05-10T08:00:00Z")}
			incs := Extract(a, mentionsFor(t, c.text, kurakhove, selydove))
			if len(incs) != 2 {
				t.Fatalf("want an incident per place, got:\n%s", dump(incs))
			}
			for _, in := range incs {
				if got, want := in.Fatalities, c.wantFatal[in.Location]; (got == nil) != (want == 0) || got != nil && *got != want {
					t.Errorf("%s fatalities %v, want %d (0 = none):\n%s", in.Location, got, want, dump(incs))
				}
				if got, want := in.Injured, c.wantInjured[in.Location]; (got == nil) != (want == 0) || got != nil && *got != want {
					t.Errorf("%s injured %v, want %d (0 = none):\n%s", in.Location, got, want, dump(incs))
				}
			}
		})
	}
}

// TestVictimsInTheNextSentence: a sentence that only counts victims
// completes the event before it instead of making an attack of its own.
func TestVictimsInTheNextSentence(t *testing.T) {
	beryslav := placeSpec{Needle: "Beryslav", FeatureCode: "PPLA2", Country: "UA", Admin1: "08", Lat: 46.84, Lon: 33.42, Precision: 1}
	text := "Russian artillery hit Beryslav twice on Monday morning. A 62-year-old man was killed."
	a := geo.Article{Text: text, Published: mustTime(t, "2024-05-10T08:00:00Z")}
	incs := Extract(a, mentionsFor(t, text, beryslav))
	if len(incs) != 1 || incs[0].SubEventType != geo.SubShelling || incs[0].Fatalities == nil || *incs[0].Fatalities != 1 {
		t.Errorf("want one shelling with one fatality, got:\n%s", dump(incs))
	}
}
