package incident

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// TestNonEvents holds each rule for things that did not happen: every
// sentence names a place and an event word, and none may make an incident.
func TestNonEvents(t *testing.T) {
	cases := []struct{ rule, text string }{
		{"warning with would", "The United Nations warned that an attack on El Fasher would put hundreds of thousands of people at risk."},
		{"warning of", "Aid agencies warned of a looming assault on El Fasher by the paramilitaries."},
		{"threat", "The rebel commander threatened to shell Kherson if the talks failed."},
		{"plan", "The army is preparing an offensive to retake Kherson, officers said."},
		{"hypothetical could", "Officials said drones could strike Kherson again within days."},
		{"future will", "Protesters will march in Nairobi on Tuesday, organisers said."},
		{"anniversary", "Residents of Kherson marked the second anniversary of the shelling of the central market."},
		{"background since year", "Al-Shabaab has waged an insurgency against the government in Mogadishu since 2009."},
		{"background for years", "The group has been fighting the federal government near Mogadishu for more than 15 years."},
		{"background since month", "Fighting has intensified around El Fasher since early April."},
		{"denial", "The army denied that its troops had shelled villages near Kherson."},
		{"recap", "It was the deadliest drone strike on Kherson this year."},
		{"negation", "No drones were shot down over Kherson, the governor said."},
		{"not captured", "Russian troops have not captured Kherson, the ministry said."},
	}
	places := []placeSpec{pElFasher, pKherson, pMogadishu, pNairobi}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			var specs []placeSpec
			for _, p := range places {
				if containsWord(c.text, p.Needle) {
					specs = append(specs, p)
				}
			}
			a := geo.Article{Text: c.text, Published: mustTime(t, "2024-05-10T08:00:00Z")}
			if incs := Extract(a, mentionsFor(t, c.text, specs...)); len(incs) > 0 {
				t.Errorf("%q made incidents:\n%s", c.text, dump(incs))
			}
		})
	}
}

// TestEventsStillReported keeps the non-event rules from eating real
// reports that share their words.
func TestEventsStillReported(t *testing.T) {
	cases := []struct{ name, text, sub string }{
		{"said after event", "Russian shelling killed two people in Kherson, the governor warned residents on Friday.", geo.SubShelling},
		{"hours are one event", "Gunmen battled police in Mogadishu for several hours on Friday.", geo.SubArmedClash},
		{"suspected actor", "Suspected al-Shabaab militants attacked villagers near Mogadishu, killing four.", geo.SubAttack},
		{"charge is not the event", "Police detained a man in Mogadishu suspected of planting roadside bombs.", geo.SubArrests},
		{"denied responsibility", "A drone hit a market in Kherson on Friday; Russia denied responsibility.", geo.SubAirDroneStrike},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var specs []placeSpec
			for _, p := range []placeSpec{pKherson, pMogadishu} {
				if containsWord(c.text, p.Needle) {
					specs = append(specs, p)
				}
			}
			a := geo.Article{Text: c.text, Published: mustTime(t, "2024-05-10T08:00:00Z")}
			incs := Extract(a, mentionsFor(t, c.text, specs...))
			if len(incs) != 1 || incs[0].SubEventType != c.sub {
				t.Errorf("want one %s incident, got:\n%s", c.sub, dump(incs))
			}
		})
	}
}

func containsWord(text, w string) bool {
	for from := 0; ; {
		k := indexFrom(text, w, from)
		if k < 0 {
			return false
		}
		if wordBoundary(text, k, k+len(w)) {
			return true
		}
		from = k + 1
	}
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
