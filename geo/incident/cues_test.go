package incident

import (
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

func TestCueTable(t *testing.T) {
	town := placeSpec{Needle: "Orikhiv", FeatureCode: "PPL", Country: "UA", Admin1: "26", Lat: 47.57, Lon: 35.78, Precision: 1}
	cases := []struct {
		name string
		text string
		want string // "" = no incident
	}{
		{"repelled drones are disrupted weapons", "Air defences repelled a drone attack on Orikhiv.", geo.SubDisruptedWeapons},
		{"repelled assault is a clash", "Troops repelled an assault on Orikhiv.", geo.SubArmedClash},
		{"destroyed drones", "Units destroyed 12 drones near Orikhiv.", geo.SubDisruptedWeapons},
		{"drone hit a building", "A drone hit a school in Orikhiv.", geo.SubAirDroneStrike},
		{"missile struck", "A missile struck a warehouse in Orikhiv.", geo.SubShelling},
		{"grenade", "A man threw a grenade into a bar in Orikhiv.", geo.SubGrenade},
		{"riot", "Rioters set cars ablaze in Orikhiv.", geo.SubViolentDemonstration},
		{"mob", "A mob lynched a suspected thief in Orikhiv.", geo.SubMobViolence},
		{"looting", "Soldiers looted shops in Orikhiv.", geo.SubLooting},
		{"base established", "The army set up a new base in Orikhiv.", geo.SubHeadquarters},
		{"chemical", "Officials accused troops of a chemical attack in Orikhiv.", geo.SubChemicalWeapon},
		{"threat is not an event", "The governor warned Russia could strike Orikhiv.", ""},
		{"denial is not an event", "Russian troops have not captured Orikhiv.", ""},
		{"no event words", "Orikhiv is a small town with a long history.", ""},
		{"aerial bombs are an air strike", "Russian forces struck Orikhiv with guided aerial bombs overnight.", geo.SubAirDroneStrike},
		{"long-running conflict is background", "The insurgency, which began in 2009, has killed thousands of people around Orikhiv.", ""},
		{"planned protest is not an event", "Unions said new protests would be held in Orikhiv in May.", ""},
		{"scheduled talks are not an event", "Ceasefire talks are scheduled in Orikhiv next week.", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := geo.Article{Text: tc.text, Published: time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)}
			incs := Extract(a, mentionsFor(t, tc.text, town))
			switch {
			case tc.want == "" && len(incs) > 0:
				t.Fatalf("want no incident, got:\n%s", dump(incs))
			case tc.want != "" && (len(incs) != 1 || incs[0].SubEventType != tc.want):
				t.Fatalf("want one %s, got:\n%s", tc.want, dump(incs))
			}
		})
	}
}

func TestCustomCues(t *testing.T) {
	x := New(Options{Cues: []Cue{{Sub: geo.SubOther, Priority: 1, Patterns: []string{"curfew ~2 imposed|declared"}}}})
	text := "A curfew was imposed in Orikhiv on Monday. Shelling hit Orikhiv."
	ms := mentionsFor(t, text, placeSpec{Needle: "Orikhiv", FeatureCode: "PPL", Country: "UA", Admin1: "26", Precision: 1})
	incs := x.Extract(geo.Article{Text: text, Published: time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)}, ms)
	if len(incs) != 1 || incs[0].SubEventType != geo.SubOther || incs[0].EventType != geo.StrategicDevelopments || incs[0].EventDate != "2024-04-01" {
		t.Fatalf("custom table: got\n%s", dump(incs))
	}
}

func TestBadMentionsAreIgnored(t *testing.T) {
	text := "Shelling hit Orikhiv overnight."
	good := mentionsFor(t, text, placeSpec{Needle: "Orikhiv", FeatureCode: "PPL", Country: "UA", Admin1: "26", Precision: 1})
	bad := append([]geo.Mention{
		{Start: -3, End: 2, Name: "Neg", FeatureCode: "PPL"},
		{Start: 10, End: 400, Name: "Past", FeatureCode: "PPL"},
		{Start: 5, End: 5, Name: "Empty", FeatureCode: "PPL"},
		{Start: 14, End: 18, Name: "Overlap", FeatureCode: "PPL"}, // inside "Orikhiv", starts later
	}, good...)
	incs := Extract(geo.Article{Text: text, Published: time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)}, bad)
	if len(incs) != 1 || incs[0].Location != "Orikhiv" {
		t.Fatalf("got\n%s", dump(incs))
	}
}

func TestWeaponNamedAfterTheVerb(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Russian forces attacked Ukrainian positions near the village with FPV drones.", geo.SubAirDroneStrike},
		{"Russian forces struck the town using MLRS.", geo.SubShelling},
		{"Militants attacked the army base with mortars.", geo.SubShelling},
	}
	x := New(Options{})
	for _, c := range cases {
		toks := tokenize(c.text, 0, len(c.text))
		hit, ok := x.cues.bestCue(toks, 0, len(toks), true)
		if !ok || hit.sub != c.want {
			t.Errorf("%q: %q, want %q", c.text, hit.sub, c.want)
		}
	}
}
