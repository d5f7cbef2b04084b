package gazetteer_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// manyPlaces returns n imported towns named Town0..Town(n-1), plus one
// with a transliteration variant to find loosely.
func manyPlaces(n int) []geo.Place {
	ps := []geo.Place{{ID: 1, Name: "Ukraine", FeatureCode: "PCLI", Country: "UA", Lat: 49, Lon: 32}}
	for i := range n {
		ps = append(ps, geo.Place{ID: int64(100 + i), GeonameID: int64(100 + i), Name: fmt.Sprintf("Town%d", i),
			FeatureCode: "PPL", Country: "UA", Lat: 48, Lon: 37, Population: int64(i)})
	}
	return append(ps, geo.Place{ID: 99, GeonameID: 99, Name: "Zaporizhzhia", FeatureCode: "PPLA", Country: "UA",
		Lat: 47.8, Lon: 35.2, Population: 700000})
}

// PutAll gives the same answers whether it updates the indexes entry by
// entry (a small batch) or rebuilds them once (a large one).
func TestPutAllSmallAndBulkAgree(t *testing.T) {
	for _, n := range []int{10, 3000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ix := gazetteer.New()
			ix.PutAll(manyPlaces(n))
			if got := ix.Len(); got != n+2 {
				t.Fatalf("Len = %d, want %d", got, n+2)
			}
			if c := ix.Lookup(gazetteer.Query{Name: "Zaporozhye"}); len(c) == 0 || c[0].ID != 99 {
				t.Errorf("loose lookup of Zaporozhye = %v, want entry 99", c)
			}
			if c := ix.Search("town9", gazetteer.SearchOptions{Limit: 1}); len(c) != 1 || c[0].Name != "Town9" {
				t.Errorf("prefix search town9 = %v, want Town9 first", c)
			}
			if c := ix.Search("z", gazetteer.SearchOptions{Limit: 1}); len(c) != 1 || c[0].ID != 99 {
				t.Errorf("one-letter search z = %v, want Zaporizhzhia", c)
			}
			ix.Remove(99)
			if c := ix.Search("z", gazetteer.SearchOptions{Limit: 1}); len(c) != 0 {
				t.Errorf("one-letter search z after removal = %v, want nothing", c)
			}
		})
	}
}

// A user entry added after load is found by a short prefix too: the
// short lists are kept up to date, not only built at load.
func TestShortPrefixSeesNewEntries(t *testing.T) {
	ix := gazetteer.New()
	ix.PutAll(manyPlaces(100))
	ix.Put(geo.Place{ID: geo.UserIDBase + 1, Name: "Kalynove", FeatureCode: "PPL", Country: "UA", Lat: 48.1, Lon: 37.6})
	found := false
	for _, c := range ix.Search("ka", gazetteer.SearchOptions{Limit: 5}) {
		found = found || c.Name == "Kalynove"
	}
	if !found {
		t.Errorf("search ka does not find the new entry Kalynove")
	}
}

// An index loaded without the prefix index still answers prefix searches,
// building it first; loose lookups work either way.
func TestLoadWithoutPrefixStillSearches(t *testing.T) {
	const tsv = "690791\t690791\tUkraine\tUkraine\t\tPCLI\tUA\t00\t\t41000000\t49\t32\n" +
		"687700\t687700\tZaporizhzhia\tZaporizhzhia\tZaporozhye|Запоріжжя\tPPLA\tUA\t26\t\t710052\t47.82\t35.19\n"
	for _, opt := range []gazetteer.LoadOptions{{}, {NoPrefix: true}} {
		ix, err := gazetteer.LoadWith(strings.NewReader(tsv), opt)
		if err != nil {
			t.Fatal(err)
		}
		if c := ix.Search("zapo", gazetteer.SearchOptions{}); len(c) != 1 || c[0].ID != 687700 {
			t.Errorf("%+v: search zapo = %v", opt, c)
		}
		if c := ix.Lookup(gazetteer.Query{Name: "Zaporizhia"}); len(c) == 0 || c[0].ID != 687700 {
			t.Errorf("%+v: loose lookup Zaporizhia = %v", opt, c)
		}
	}
}

// A malformed line fails the load with its line number, wherever it falls
// among the batches the lines are parsed in.
func TestLoadNamesTheBadLine(t *testing.T) {
	row := "700001\t700001\tAlpha\tAlpha\t\tPPL\tUA\t05\t\t100\t48\t37\n"
	for _, bad := range []int{1, 3, 512, 513, 1500} {
		var b strings.Builder
		for i := 1; i <= 2000; i++ {
			if i == bad {
				b.WriteString("not a row\n")
			} else {
				b.WriteString(row)
			}
		}
		_, err := gazetteer.Load(strings.NewReader(b.String()))
		if want := fmt.Sprintf("line %d:", bad); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("bad line %d: error %v, want one naming %q", bad, err, want)
		}
	}
}
