package gazetteer_test

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

func TestLookupReachesTheRightEntry(t *testing.T) {
	ix := mustBundled(t)
	cases := []struct {
		name, query string
		level       geo.Level
		country     string
		wantCode    string // feature code of the best candidate
		wantAdmin1  string // COUNTRY.CODE of the best candidate
		wantGeoname int64
	}{
		{name: "region designator", query: "Rostov region", wantCode: "ADM1", wantAdmin1: "RU.61"},
		{name: "oblast designator", query: "Rostov Oblast", wantCode: "ADM1", wantAdmin1: "RU.61"},
		{name: "russian adjective form", query: "Rostovskaya oblast", wantCode: "ADM1", wantAdmin1: "RU.61"},
		{name: "cyrillic region", query: "Ростовская область", wantCode: "ADM1", wantAdmin1: "RU.61"},
		{name: "district designator", query: "Morozovsk district", wantCode: "ADM2", wantAdmin1: "RU.61"},
		{name: "city english", query: "Rostov-on-Don", wantGeoname: 501175},
		{name: "city transliterated", query: "Rostov-na-Donu", wantGeoname: 501175},
		{name: "krai", query: "Krasnodar Krai", wantCode: "ADM1", wantAdmin1: "RU.38"},
		{name: "saratov region", query: "Saratov region", wantCode: "ADM1", wantAdmin1: "RU.67"},
		{name: "brussels is belgian", query: "Brussels", wantGeoname: 2800866},
		{name: "avdiivka prefers donetsk", query: "Avdiivka", wantGeoname: 713122},
		{name: "avdiivka in chernihiv when asked", query: "Avdiivka", country: "UA", level: geo.LevelPlace, wantGeoname: 713122},
		{name: "bare donetsk is the city", query: "Donetsk", wantAdmin1: "UA.05", wantCode: "PPLA"},
		{name: "donetsk region", query: "Donetsk region", wantCode: "ADM1", wantAdmin1: "UA.05"},
		{name: "donetsk oblast ukrainian adjective", query: "Donetska oblast", wantCode: "ADM1", wantAdmin1: "UA.05"},
		{name: "kherson city", query: "Kherson", wantGeoname: 706448},
		{name: "kherson oblast", query: "Kherson Oblast", wantCode: "ADM1", wantAdmin1: "UA.08"},
		{name: "zaporozhye variant", query: "Zaporozhye", wantAdmin1: "UA.26"},
		{name: "zaporizhia variant", query: "Zaporizhia", wantAdmin1: "UA.26"},
		{name: "odessa variant", query: "Odessa", wantGeoname: 698740},
		{name: "kiev variant", query: "Kiev", wantAdmin1: "UA.12"},
		{name: "kharkov variant", query: "Kharkov", wantAdmin1: "UA.07"},
		{name: "country", query: "Ukraine", wantCode: "PCLI"},
		{name: "country alias", query: "North Korea", wantCode: "PCLI"},
		{name: "continent", query: "Europe", wantCode: "CONT"},
		{name: "crimea", query: "Crimea", wantAdmin1: "UA.11"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ix.Lookup(gazetteer.Query{Name: c.query, Level: c.level, Country: c.country})
			if len(got) == 0 {
				t.Fatalf("no candidates for %q", c.query)
			}
			best := got[0]
			if c.wantCode != "" && best.FeatureCode != c.wantCode {
				t.Errorf("%q: best is %s %s (%s), want feature code %s", c.query, best.Name, best.FeatureCode, best.Admin1Key(), c.wantCode)
			}
			if c.wantAdmin1 != "" && best.Admin1Key() != c.wantAdmin1 {
				t.Errorf("%q: best is %s in %s, want admin1 %s", c.query, best.Name, best.Admin1Key(), c.wantAdmin1)
			}
			if c.wantGeoname != 0 && best.GeonameID != c.wantGeoname {
				t.Errorf("%q: best is %s (%d), want geonameid %d", c.query, best.Name, best.GeonameID, c.wantGeoname)
			}
		})
	}
}

func TestLookupKeepsNamesakesAsCandidates(t *testing.T) {
	ix := mustBundled(t)
	cases := []struct {
		query string
		want  []int64 // geonameids that must all be candidates
	}{
		{"Avdiivka", []int64{713122, 713120}},
		{"Brussels", []int64{2800866, 5910322, 4833850}},
		{"Vodiane", []int64{689321}},
	}
	for _, c := range cases {
		got := ix.Lookup(gazetteer.Query{Name: c.query})
		for _, id := range c.want {
			found := false
			for _, g := range got {
				found = found || g.GeonameID == id
			}
			if !found {
				t.Errorf("%s: geonameid %d missing from %d candidates", c.query, id, len(got))
			}
		}
	}
}

func TestLookupFiltersByAdmin1(t *testing.T) {
	ix := mustBundled(t)
	got := ix.Lookup(gazetteer.Query{Name: "Vodiane", Admin1: "UA.05"})
	if len(got) == 0 {
		t.Fatal("Vodiane in UA.05 (the curated supplement entry) not found")
	}
	for _, c := range got {
		if c.Admin1Key() != "UA.05" {
			t.Errorf("candidate %s in %s outside the asked division", c.Name, c.Admin1Key())
		}
	}
	if got[0].Lat < 47.9 || got[0].Lat > 48.3 || got[0].Lon < 37.4 || got[0].Lon > 37.9 {
		t.Errorf("Vodiane (Donetsk) at %.3f,%.3f, want near Avdiivka", got[0].Lat, got[0].Lon)
	}
}

func TestAdminNamesAreFilled(t *testing.T) {
	ix := mustBundled(t)
	p, ok := ix.Get(713122)
	if !ok {
		t.Fatal("Avdiivka 713122 missing")
	}
	if p.Admin1Name != "Donetsk" || p.CountryName != "Ukraine" {
		t.Errorf("Avdiivka admin path = %q / %q, want Donetsk / Ukraine", p.Admin1Name, p.CountryName)
	}
}

func TestSearchPrefix(t *testing.T) {
	ix := mustBundled(t)
	got := ix.Search("Avdi", gazetteer.SearchOptions{Limit: 5})
	if len(got) == 0 || got[0].GeonameID != 713122 {
		t.Fatalf("Search(Avdi) best = %v, want Avdiivka 713122", got)
	}
	got = ix.Search("Bruss", gazetteer.SearchOptions{Country: "US", Limit: 5})
	for _, c := range got {
		if c.Country != "US" {
			t.Errorf("country filter let %s (%s) through", c.Name, c.Country)
		}
	}
	if len(ix.Search("Kyi", gazetteer.SearchOptions{Limit: 3})) != 3 {
		t.Error("limit not applied")
	}
}

func BenchmarkLookupExact(b *testing.B) {
	b.Run("packed", func(b *testing.B) { benchmarkLookup(b, mustBundled(b)) })
	b.Run("text", func(b *testing.B) { benchmarkLookup(b, mustBundledText(b)) })
}

func benchmarkLookup(b *testing.B, ix *gazetteer.Index) {
	names := []string{"Avdiivka", "Rostov region", "Brussels", "Kherson", "Vodiane", "Saratov"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Lookup(gazetteer.Query{Name: names[i%len(names)]})
	}
}

func BenchmarkSearchPrefix(b *testing.B) {
	b.Run("packed", func(b *testing.B) { benchmarkSearch(b, mustBundled(b)) })
	b.Run("text", func(b *testing.B) { benchmarkSearch(b, mustBundledText(b)) })
}

func benchmarkSearch(b *testing.B, ix *gazetteer.Index) {
	ix.Search("warm up", gazetteer.SearchOptions{})
	prefixes := []string{"Avd", "Ros", "Kh", "Bru", "Zap", "Od"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Search(prefixes[i%len(prefixes)], gazetteer.SearchOptions{Limit: 10})
	}
}

func TestFindUnderstandsWholeNamesAndPrefixes(t *testing.T) {
	ix := mustBundled(t)
	if got := ix.Find("Ростовская область", gazetteer.SearchOptions{Limit: 3}); len(got) == 0 || got[0].Admin1Key() != "RU.61" || got[0].FeatureCode != "ADM1" {
		t.Errorf("Find(Ростовская область) = %v, want the Rostov admin1 region first", got)
	}
	got := ix.Find("Avdiiv", gazetteer.SearchOptions{Limit: 3})
	if len(got) == 0 || got[0].GeonameID != 713122 {
		t.Errorf("Find(Avdiiv) = %v, want Avdiivka by prefix", got)
	}
}

// TestAdmin1Label: a place's region is named without its designator, as
// the press names it, unless that name is another region's.
func TestAdmin1Label(t *testing.T) {
	ix := mustBundled(t)
	for _, c := range []struct {
		name, admin1, want string
	}{
		{"Nizhyn", "UA.02", "Chernihiv"},
		{"Shebekino", "RU.09", "Belgorod"},
		{"Bila Tserkva", "UA.13", "Kyiv Oblast"}, // "Kyiv" is Kyiv City's name
		{"Kharkiv", "UA.07", "Kharkiv"},
	} {
		cands := ix.Lookup(gazetteer.Query{Name: c.name, Admin1: c.admin1, Limit: 1})
		if len(cands) == 0 {
			t.Errorf("%s in %s not found", c.name, c.admin1)
			continue
		}
		if got := cands[0].Admin1Name; got != c.want {
			t.Errorf("%s: admin1_name %q, want %q", c.name, got, c.want)
		}
	}
}
