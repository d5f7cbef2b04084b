package gazetteer_test

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

func TestKey(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"case and space", "  Rostov  ON   Don ", "rostov on don"},
		{"hyphen is space", "Rostov-na-Donu", "rostov na donu"},
		{"straight apostrophe joins", "Mar'inka", "marinka"},
		{"curly apostrophe joins", "Mar’inka", "marinka"},
		{"modifier apostrophe joins", "Marʼinka", "marinka"},
		{"prime apostrophe joins", "Marʹinka", "marinka"},
		{"marks stripped", "Kyïv", "kyiv"},
		{"accents stripped", "Bogotá", "bogota"},
		{"ukrainian cyrillic", "Авдіївка", "avdiivka"},
		{"cyrillic without ukrainian letters", "Водяне", "vodyane"},
		{"russian cyrillic", "Ростов-на-Дону", "rostov na donu"},
		{"ukrainian kyiv", "Київ", "kyiv"},
		{"sharp s", "Straße", "strasse"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := gazetteer.Key(c.in); got != c.want {
				t.Errorf("Key(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestLooseJoinsTransliterations(t *testing.T) {
	groups := [][]string{
		{"Zaporizhia", "Zaporizhzhia", "Zaporozhye", "Zaporizhzhya"},
		{"Odessa", "Odesa"},
		{"Kiev", "Kyiv"},
		{"Kharkov", "Kharkiv"},
		{"Luhansk", "Lugansk"},
		{"Chernihiv", "Chernigov"},
		{"Vodiane", "Vodyane", "Vodjane"},
		{"Dnipropetrovsk", "Dnepropetrovsk"},
	}
	for _, g := range groups {
		want := gazetteer.Loose(gazetteer.Key(g[0]))
		for _, n := range g[1:] {
			if got := gazetteer.Loose(gazetteer.Key(n)); got != want {
				t.Errorf("Loose(%s) = %q, Loose(%s) = %q: want equal", g[0], want, n, got)
			}
		}
	}
	if gazetteer.Loose("kyiv") == gazetteer.Loose("kursk") {
		t.Error("Loose must not join unrelated names")
	}
}

func TestSplitDesignator(t *testing.T) {
	cases := []struct {
		in, core string
		level    geo.Level
	}{
		{"rostov region", "rostov", geo.LevelAdmin1},
		{"rostov oblast", "rostov", geo.LevelAdmin1},
		{"krasnodar krai", "krasnodar", geo.LevelAdmin1},
		{"morozovsk district", "morozovsk", geo.LevelAdmin2},
		{"pokrovsk raion", "pokrovsk", geo.LevelAdmin2},
		{"village of vodiane", "vodiane", geo.LevelPlace},
		{"city of kherson", "kherson", geo.LevelPlace},
		{"kherson", "kherson", geo.LevelUnknown},
		{"region", "region", geo.LevelUnknown},
	}
	for _, c := range cases {
		core, level := gazetteer.SplitDesignator(c.in)
		if core != c.core || level != c.level {
			t.Errorf("SplitDesignator(%q) = %q, %v; want %q, %v", c.in, core, level, c.core, c.level)
		}
	}
}
