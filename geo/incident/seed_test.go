package incident

import (
	"github.com/incidentmap/incidentmap/geo/seedtest"
	"os"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// seedMentions resolves the places of the seed report by hand, as the
// geoparser would.
func seedMentions(t testing.TB, text string) []geo.Mention {
	adm1 := func(needle, name, country, admin1 string, lat, lon float64) placeSpec {
		return placeSpec{Needle: needle, Name: name, FeatureCode: "ADM1", Country: country, Admin1: admin1, Lat: lat, Lon: lon, Precision: 3}
	}
	country := func(needle, code string, lat, lon float64) placeSpec {
		return placeSpec{Needle: needle, FeatureCode: "PCLI", Country: code, Lat: lat, Lon: lon, Precision: 3}
	}
	return mentionsFor(t, text,
		adm1("Rostov region", "Rostov", "RU", "61", 47.6, 40.8),
		adm1("Rostov", "Rostov", "RU", "61", 47.6, 40.8),
		placeSpec{Needle: "Morozovsk district", Name: "Morozovsky District", FeatureCode: "ADM2", Country: "RU", Admin1: "61", Admin2: "Morozovsky", Lat: 48.35, Lon: 41.83, Precision: 2},
		adm1("Saratov region", "Saratov", "RU", "67", 51.5, 46.0),
		adm1("Kursk", "Kursk", "RU", "41", 51.7, 36.2),
		adm1("Belgorod", "Belgorod", "RU", "09", 50.6, 36.6),
		adm1("Krasnodar", "Krasnodar", "RU", "38", 45.0, 39.0),
		adm1("Kherson", "Kherson", "UA", "08", 46.64, 32.61),
		placeSpec{Needle: "Vodiane", Name: "Vodiane", FeatureCode: "PPL", Country: "UA", Admin1: "05", Lat: 48.10, Lon: 37.64, Precision: 1},
		adm1("Donetsk region", "Donetsk", "UA", "05", 48.0, 37.8),
		placeSpec{Needle: "Avdiivka district", Name: "Avdiivka", FeatureCode: "ADM2", Country: "UA", Admin1: "05", Lat: 48.14, Lon: 37.74, Precision: 2},
		adm1("Zaporizhia", "Zaporizhzhia", "UA", "26", 47.5, 35.5),
		adm1("Odesa", "Odesa", "UA", "17", 46.5, 30.7),
		adm1("Dnipropetrovsk", "Dnipropetrovsk", "UA", "04", 48.4, 35.0),
		adm1("Crimea", "Crimea", "UA", "11", 45.0, 34.0),
		placeSpec{Needle: "Brussels", FeatureCode: "PPLC", Country: "BE", Admin1: "BRU", Lat: 50.85, Lon: 4.35, Precision: 1},
		country("Ukraine", "UA", 49, 32),
		country("Russia", "RU", 60, 100),
		country("China", "CN", 35, 105),
		country("North Korea", "KP", 40, 127),
		country("Iran", "IR", 32, 53),
		country("Finland", "FI", 64, 26),
		country("Sweden", "SE", 62, 15),
	)
}

func TestSeedReport(t *testing.T) {
	raw, err := os.ReadFile(seedtest.Path(t, "drone-report.txt"))
	if err != nil {
		t.Skip(err)
	}
	text := string(raw)
	a := geo.Article{ID: 7, Title: "Russia downs dozens of drones", URL: "https://example.org/seed", Published: mustTime(t, "2024-04-05T09:00:00Z"), Text: text}
	incs := Extract(a, seedMentions(t, text))
	t.Logf("incidents:\n%s", dump(incs))

	find := func(loc, sub string) *geo.Incident {
		for i := range incs {
			if incs[i].Location == loc && incs[i].SubEventType == sub {
				return &incs[i]
			}
		}
		return nil
	}
	want := []struct {
		name, loc, sub string
		count          int // -1: any
		unit           string
		injured        int // -1: any
	}{
		{"rostov downed drones", "Rostov", geo.SubDisruptedWeapons, 44, "drones", -1},
		{"morozovsk drone attacks", "Morozovsky District", geo.SubAirDroneStrike, -1, "", -1},
		{"saratov one drone", "Saratov", geo.SubDisruptedWeapons, 1, "drone", -1},
		{"kursk", "Kursk", geo.SubDisruptedWeapons, -1, "", -1},
		{"belgorod", "Belgorod", geo.SubDisruptedWeapons, -1, "", -1},
		{"krasnodar", "Krasnodar", geo.SubDisruptedWeapons, -1, "", -1},
		{"kherson shelling", "Kherson", geo.SubShelling, -1, "", 10},
		{"vodiane captured", "Vodiane", geo.SubNonStateOvertakes, -1, "", -1},
		{"zaporizhia repelled", "Zaporizhzhia", geo.SubDisruptedWeapons, -1, "", -1},
		{"odesa repelled", "Odesa", geo.SubDisruptedWeapons, -1, "", -1},
		{"dnipropetrovsk repelled", "Dnipropetrovsk", geo.SubDisruptedWeapons, -1, "", -1},
	}
	for _, w := range want {
		t.Run(w.name, func(t *testing.T) {
			inc := find(w.loc, w.sub)
			if inc == nil {
				t.Fatalf("no %s incident in %s", w.sub, w.loc)
			}
			if inc.EventType != geo.EventTypeOf(w.sub) {
				t.Errorf("event type %q", inc.EventType)
			}
			if w.count >= 0 && (inc.Count == nil || *inc.Count != w.count || inc.CountUnit != w.unit) {
				t.Errorf("count = %v %q, want %d %q", inc.Count, inc.CountUnit, w.count, w.unit)
			}
			if w.injured >= 0 && (inc.Injured == nil || *inc.Injured != w.injured) {
				t.Errorf("injured = %v, want %d", inc.Injured, w.injured)
			}
			if got := a.Text[inc.QuoteStart:inc.QuoteEnd]; got != inc.Quote {
				t.Errorf("quote offsets do not match quote")
			}
			if len(inc.Sources) != 1 || inc.Sources[0].ArticleID != 7 || inc.Sources[0].URL != a.URL {
				t.Errorf("sources = %+v", inc.Sources)
			}
		})
	}
	t.Run("no context places", func(t *testing.T) {
		for _, inc := range incs {
			switch inc.Country {
			case "BE", "CN", "KP", "IR", "FI", "SE":
				t.Errorf("incident in context place %s: %s", inc.Location, inc.Quote)
			}
			if inc.Location == "Crimea" {
				t.Errorf("incident at the drones' origin, Crimea: %s", inc.Quote)
			}
		}
	})
	t.Run("dates", func(t *testing.T) {
		for _, inc := range incs {
			if inc.EventDate != "2024-04-05" {
				t.Errorf("%s %s dated %s, want 2024-04-05", inc.Location, inc.SubEventType, inc.EventDate)
			}
		}
	})
	t.Run("one incident per place and type", func(t *testing.T) {
		seen := map[string]bool{}
		for _, inc := range incs {
			k := inc.Location + "|" + inc.SubEventType + "|" + inc.EventDate
			if seen[k] {
				t.Errorf("duplicate %s", k)
			}
			seen[k] = true
		}
	})
}
