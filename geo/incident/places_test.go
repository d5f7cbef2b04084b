package incident

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

var (
	pRedSea    = placeSpec{Needle: "Red Sea", FeatureCode: "SEA", Lat: 20.3, Lon: 38.5, Precision: 3}
	pRedSeaSD  = placeSpec{Needle: "Red Sea", FeatureCode: "ADM1", Country: "SD", Admin1: "36", Lat: 19.5, Lon: 37.2, Precision: 3}
	pOdesa     = placeSpec{Needle: "Odesa", FeatureCode: "PPLA", Country: "UA", Admin1: "17", Lat: 46.49, Lon: 30.74, Precision: 1}
	pGoma      = placeSpec{Needle: "Goma", FeatureCode: "PPLA", Country: "CD", Admin1: "11", Lat: -1.67, Lon: 29.23, Precision: 1}
	pSake      = placeSpec{Needle: "Sake", FeatureCode: "PPL", Country: "CD", Admin1: "11", Lat: -1.57, Lon: 29.04, Precision: 1}
	pBamako    = placeSpec{Needle: "Bamako", FeatureCode: "PPLC", Country: "ML", Admin1: "01", Lat: 12.65, Lon: -8, Precision: 1}
	pKidal     = placeSpec{Needle: "Kidal", FeatureCode: "PPLA", Country: "ML", Admin1: "10", Lat: 18.44, Lon: 1.41, Precision: 1}
	pLidoIT    = placeSpec{Needle: "Lido", FeatureCode: "PPL", Country: "IT", Admin1: "20", Lat: 45.4, Lon: 12.36, Precision: 1}
	pBerGR     = placeSpec{Needle: "Ber", FeatureCode: "PPLA2", Country: "GR", Admin1: "ESYE12", Lat: 40.5, Lon: 22.2, Precision: 1}
	pTomboucto = placeSpec{Needle: "Tombouctou", FeatureCode: "ADM1", Country: "ML", Admin1: "08", Lat: 19, Lon: -2, Precision: 3}
	pDjenne    = placeSpec{Needle: "Djenne", FeatureCode: "PPL", Country: "ML", Admin1: "04", Lat: 13.9, Lon: -4.55, Precision: 1}
	pMoptiCity = placeSpec{Needle: "Mopti", FeatureCode: "PPLA", Country: "ML", Admin1: "04", Lat: 14.49, Lon: -4.19, Precision: 1}
)

// TestHonestPlaces checks where an incident is put, and with what
// geo-precision, for each place rule.
func TestHonestPlaces(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		places []placeSpec
		loc    string // "" when no incident may be made
		prec   int
	}{
		{"a sea is not the land region of its name", "Houthi forces fired two missiles at a cargo ship in the Red Sea on Monday.",
			[]placeSpec{pRedSeaSD}, "", 0},
		{"an event on a sea the gazetteer knows is drawn at sea", "Houthi forces fired two missiles at a cargo ship in the Red Sea on Monday.",
			[]placeSpec{pRedSea}, "Red Sea", 3},
		{"off the coast is near the town", "A drone boat attacked a tanker off the coast of Odesa on Monday.",
			[]placeSpec{pOdesa}, "Odesa", 2},
		{"where people fled to is no location", "Shelling hit Sake on Monday and residents fled towards Goma.",
			[]placeSpec{pSake, pGoma}, "Sake", 1},
		{"an actor's seat is no location", "The junta in Bamako retook Kidal on Monday after heavy fighting.",
			[]placeSpec{pBamako, pKidal}, "Kidal", 1},
		{"a named site gives way to its town", "A suicide bomber blew himself up at Lido beach in Mogadishu on Monday, killing 32 people.",
			[]placeSpec{pLidoIT, pMogadishu}, "Mogadishu", 1},
		{"a bracket qualifies the town before it", "On 22 January 2024, JNIM militants ambushed a patrol in Djenne (Mopti), killing 7 soldiers.",
			[]placeSpec{pDjenne, pMoptiCity}, "Djenne", 1},
		{"a bracketed region beats a homonym abroad", "On 13 August 2023, MINUSMA handed over its camp in Ber (Tombouctou) to the Malian army.",
			[]placeSpec{pBerGR, pTomboucto}, "Tombouctou", 3},
		{"near is precision two", "Fighting broke out near Kherson on Monday.", []placeSpec{pKherson}, "Kherson", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := geo.Article{Text: c.text, Published: mustTime(t, "2024-05-10T08:00:00Z")}
			if c.name == "a bracket qualifies the town before it" {
				a.Published = mustTime(t, "2024-01-23T08:00:00Z")
			}
			if c.name == "a bracketed region beats a homonym abroad" {
				a.Published = mustTime(t, "2023-08-14T08:00:00Z")
			}
			incs := Extract(a, mentionsFor(t, c.text, c.places...))
			if c.loc == "" {
				if len(incs) > 0 {
					t.Errorf("want no incident, got:\n%s", dump(incs))
				}
				return
			}
			if len(incs) != 1 || incs[0].Location != c.loc || incs[0].GeoPrecision != c.prec {
				t.Errorf("want one incident at %s with precision %d, got:\n%s", c.loc, c.prec, dump(incs))
			}
		})
	}
}

// TestUnknownPlaceIsNotCarried keeps an event in an unknown village from
// being put at the place of the sentence before.
func TestUnknownPlaceIsNotCarried(t *testing.T) {
	text := "Russian shelling killed two people in Kherson on Monday. In the village of Zelenivka, a drone dropped explosives on a car."
	a := geo.Article{Text: text, Published: mustTime(t, "2024-05-10T08:00:00Z")}
	incs := Extract(a, mentionsFor(t, text, pKherson))
	for _, in := range incs {
		if in.SubEventType == geo.SubAirDroneStrike {
			t.Errorf("the drone strike in an unknown village was put at %s:\n%s", in.Location, dump(incs))
		}
	}
}
