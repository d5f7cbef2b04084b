package incident

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/article"
	"os"
)

// TestDemoReports runs the whole pipeline over the bundled demo reports
// and checks the errors an analyst would spot at once.
func TestDemoReports(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the bundled gazetteer")
	}
	f, err := os.Open("../../data/demo/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := article.Read("articles.jsonl", f)
	if err != nil {
		t.Fatal(err)
	}
	incs := make([][]geo.Incident, len(arts))
	for i, a := range arts {
		incs[i] = extractReal(t, a)
	}
	// report n is line n of articles.jsonl.
	report := func(n int) []geo.Incident { return incs[n-1] }
	has := func(list []geo.Incident, pred func(geo.Incident) bool) bool {
		for _, in := range list {
			if pred(in) {
				return true
			}
		}
		return false
	}
	fatal := func(in geo.Incident) int {
		if in.Fatalities == nil {
			return -1
		}
		return *in.Fatalities
	}
	checks := []struct {
		name string
		n    int
		ok   func([]geo.Incident) bool
	}{
		{"all 31 missiles shot down is disrupted weapons use, not a strike", 2, func(l []geo.Incident) bool {
			return has(l, func(in geo.Incident) bool {
				return in.SubEventType == geo.SubDisruptedWeapons && in.Count != nil && *in.Count == 31
			}) &&
				!has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubShelling })
		}},
		{"a recap is not a second attack", 3, func(l []geo.Incident) bool { return len(l) == 1 }},
		{"a bomb hidden on a motorcycle is an IED with six dead", 5, func(l []geo.Incident) bool {
			return has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubRemoteExplosive && fatal(in) == 6 })
		}},
		{"a UN warning is not an attack", 11, func(l []geo.Incident) bool {
			return !has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubAttack })
		}},
		{"a ship attack in the Red Sea is not drawn in Sudan", 16, func(l []geo.Incident) bool {
			return !has(l, func(in geo.Incident) bool { return in.Country == "SD" })
		}},
		{"a recapture months ago and the junta's seat are background", 17, func(l []geo.Incident) bool {
			return !has(l, func(in geo.Incident) bool {
				return in.Location == "Bamako" || in.SubEventType == geo.SubGovRegainsTerritory
			})
		}},
		{"30 soldiers killed are the battle's fatalities, not a count", 18, func(l []geo.Incident) bool {
			return has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubArmedClash && fatal(in) == 30 }) &&
				!has(l, func(in geo.Incident) bool { return in.CountUnit == "soldiers" })
		}},
		{"where residents fled to is not where fighting was", 20, func(l []geo.Incident) bool {
			return !has(l, func(in geo.Incident) bool { return in.Location == "Goma" })
		}},
		{"a nationwide total of 82 missiles is not pinned to one city", 26, func(l []geo.Incident) bool {
			return !has(l, func(in geo.Incident) bool { return in.Count != nil && (*in.Count == 82 || *in.Count == 57) })
		}},
		{"the mortar attack does not take the 15 militants of another operation", 27, func(l []geo.Incident) bool {
			return has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubShelling && fatal(in) == -1 }) &&
				!has(l, func(in geo.Incident) bool { return fatal(in) == 15 })
		}},
		{"fighting for more than 15 years is no armed clash", 27, func(l []geo.Incident) bool {
			return !has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubArmedClash })
		}},
		{"one protest in Paris, with intervention", 28, func(l []geo.Incident) bool {
			return len(l) == 1 && l[0].SubEventType == geo.SubProtestIntervention
		}},
		{"a feared assault on El Fasher is not a clash", 30, func(l []geo.Incident) bool {
			return !has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubArmedClash })
		}},
		{"a toll that rose to 17 is fatalities", 34, func(l []geo.Incident) bool {
			return has(l, func(in geo.Incident) bool { return fatal(in) == 17 && in.Count == nil })
		}},
		{"an attack on a police station is a battle", 36, func(l []geo.Incident) bool {
			return has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubArmedClash && fatal(in) == 2 }) &&
				!has(l, func(in geo.Incident) bool { return in.SubEventType == geo.SubAttack || in.FeatureCode == "ADM1" })
		}},
	}
	for _, c := range checks {
		if !c.ok(report(c.n)) {
			t.Errorf("report %d: %s; got:\n%s", c.n, c.name, dump(report(c.n)))
		}
	}
	total := 0
	for _, l := range incs {
		total += len(l)
	}
	t.Logf("%d demo reports, %d incidents", len(arts), total)
}
