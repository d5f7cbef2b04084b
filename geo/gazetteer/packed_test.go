package gazetteer_test

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"iter"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// packedPath is the committed packed index, relative to this package.
const packedPath = "../../data/gazetteer/places.idx"

func mustOpenPacked(tb testing.TB) *gazetteer.Index {
	tb.Helper()
	b, err := os.ReadFile(packedPath)
	if err != nil {
		tb.Fatal(err)
	}
	ix, err := gazetteer.Open(b)
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}

// sampleRows returns every nth row of the bundled file: id and names.
func sampleRows(tb testing.TB, n int) [][]string {
	tb.Helper()
	f, err := os.Open(bundledPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<24)
	var out [][]string
	for i := 0; sc.Scan(); i++ {
		if line := sc.Text(); i%n == 0 && !strings.HasPrefix(line, "#") {
			c := strings.Split(line, "\t")
			row := []string{c[0], c[2], c[3], c[6], c[7]} // id, name, asciiname, country, admin1
			if c[4] != "" {
				row = append(row, strings.Split(c[4], "|")...)
			}
			out = append(out, row)
		}
	}
	return out
}

// variants are spellings of a name a loose key should meet: the kinds of
// transliteration difference Loose folds.
func variants(name string) []string {
	r := strings.NewReplacer("i", "y", "kh", "h", "zh", "z", "o", "a", "ia", "ya", "v", "w")
	return []string{r.Replace(name), strings.ToUpper(name), name + "s", name + " Oblast", name + " region", "village of " + name}
}

// indexAnswers records what ix answers for one sampled row, as text.
func indexAnswers(ix *gazetteer.Index, row []string) []string {
	var out []string
	say := func(what string, v any) { out = append(out, fmt.Sprintf("%s: %+v", what, v)) }
	var id int64
	fmt.Sscan(row[0], &id)
	p, ok := ix.Get(id)
	say("get", []any{p, ok})
	country, admin1 := row[3], row[4]
	a1, ok := ix.Admin1(country + "." + admin1)
	say("admin1", []any{a1.ID, a1.Name, ok})
	c, ok := ix.Country(country)
	say("country", []any{c.ID, c.Name, ok})
	names := append([]string{row[1], row[2]}, row[5:]...)
	for _, name := range names {
		key := gazetteer.Key(name)
		say("haskey "+name, ix.HasKey(key))
		if w, _, ok := strings.Cut(key, " "); ok {
			say("starts "+w, ix.StartsName(w))
		}
		say("lookup "+name, ix.Lookup(gazetteer.Query{Name: name}))
		say("exact "+name, ix.Lookup(gazetteer.Query{Name: name, Exact: true, Bare: true, Limit: 5}))
		say("in country "+name, ix.Lookup(gazetteer.Query{Name: name, Country: country, Level: geo.LevelAdmin1, Limit: 5}))
		say("within "+name, ix.Within(name, country+"."+admin1))
		for _, v := range variants(name) {
			say("variant "+v, ix.Lookup(gazetteer.Query{Name: v, Limit: 5}))
			// Mostly keys no entry has: the packed index's filters and
			// hash tables must say no where the text-loaded maps do.
			vk := gazetteer.Key(v)
			w, _, _ := strings.Cut(vk, " ")
			say("haskey variant "+v, ix.HasKey(vk))
			say("starts variant "+v, ix.StartsName(w))
		}
		for _, n := range []int{1, 2, 3, 4, 6, len(key)} {
			if n <= len(key) {
				say("search "+key[:n], ix.Search(key[:n], gazetteer.SearchOptions{Limit: 20}))
			}
		}
		say("search in country "+name, ix.Search(name, gazetteer.SearchOptions{Country: country}))
		say("find "+name, ix.Find(name, gazetteer.SearchOptions{Limit: 5}))
	}
	return out
}

// compareIndexes checks that two indexes answer alike for sampled rows and
// for the questions about the whole index.
func compareIndexes(t *testing.T, want, got *gazetteer.Index, rows [][]string) {
	t.Helper()
	if want.Len() != got.Len() {
		t.Errorf("Len: %d, want %d (if places.tsv.gz changed, run go generate ./data)", got.Len(), want.Len())
	}
	if !reflect.DeepEqual(got.Countries(), want.Countries()) {
		t.Errorf("Countries differ")
	}
	if !reflect.DeepEqual(got.Coverage(), want.Coverage()) {
		t.Errorf("Coverage differs")
	}
	bad := 0
	for _, row := range rows {
		w, g := indexAnswers(want, row), indexAnswers(got, row)
		if len(w) != len(g) {
			t.Fatalf("row %s: %d answers, want %d", row[0], len(g), len(w))
		}
		for i := range w {
			if w[i] != g[i] && bad < 10 {
				bad++
				t.Errorf("row %s:\n got  %.600s\n want %.600s", row[0], g[i], w[i])
			}
		}
	}
}

// TestPackedAnswersAsLoaded checks that the committed packed index answers
// every kind of question exactly as the index loaded from the gazetteer
// rows does: entries by id, exact, stem and loose lookups, prefix search
// and admin names, for all the names of a sample of rows.
func TestPackedAnswersAsLoaded(t *testing.T) {
	n := 150
	if testing.Short() {
		n = 1500
	}
	compareIndexes(t, mustBundledText(t), mustOpenPacked(t), sampleRows(t, n))
}

// TestPackedOverlayAnswersAsLoaded puts the same user entries and
// imported rows on both indexes, removes some, and compares again.
func TestPackedOverlayAnswersAsLoaded(t *testing.T) {
	text, packed := mustBundledText(t), mustOpenPacked(t)
	rows := sampleRows(t, 50) // enough imported rows for PutAll's bulk path
	for _, ix := range []*gazetteer.Index{text, packed} {
		var bulk []geo.Place
		for i, row := range rows {
			var id int64
			fmt.Sscan(row[0], &id)
			p, _ := ix.Get(id)
			p.CountryName, p.Admin1Name, p.Admin2Name = "", "", ""
			switch i % 4 {
			case 0: // a user correction of a bundled place
				q := p
				q.ID, q.GeonameID, q.Name = geo.UserIDBase+int64(i), p.ID, p.Name+" Corrected"
				q.Source = "user"
				ix.Put(q)
			case 1: // an imported row replacing the bundled one
				p.Population += 1000
				p.AlternateNames = append(p.AlternateNames, "Imported "+p.Name)
				bulk = append(bulk, p)
			case 2: // a new user entry named like a bundled one
				ix.Put(geo.Place{ID: geo.UserIDBase + int64(i), Name: p.Name, FeatureCode: "PPL", Country: p.Country, Admin1: p.Admin1, Lat: p.Lat, Lon: p.Lon, Source: "user"})
			}
		}
		ix.PutAll(bulk)
		for i := range rows {
			if i%8 == 0 {
				ix.Remove(geo.UserIDBase + int64(i)) // the base entry comes back
			}
		}
	}
	var some [][]string
	for i := 0; i < len(rows); i += 10 {
		some = append(some, rows[i])
	}
	compareIndexes(t, text, packed, some)
}

// TestAllYieldsEveryEntryInFileOrder checks that All gives the packed
// index's entries exactly as the gazetteer rows hold them, and the live
// entries only once some are replaced and removed.
func TestAllYieldsEveryEntryInFileOrder(t *testing.T) {
	text, packed := mustBundledText(t), mustOpenPacked(t)
	next, stop := iter.Pull(text.All())
	defer stop()
	n := 0
	for got := range packed.All() {
		want, ok := next()
		if !ok || !reflect.DeepEqual(got, want) {
			t.Fatalf("entry %d: %+v, want %+v", n, got, want)
		}
		n++
	}
	if _, more := next(); more || n != text.Len() {
		t.Fatalf("%d entries, want %d", n, text.Len())
	}
	kyiv, ok := packed.Get(703448)
	if !ok {
		t.Fatal("Kyiv (703448) is not in the bundled gazetteer")
	}
	kyiv.CountryName, kyiv.Admin1Name, kyiv.Admin2Name = "", "", ""
	kyiv.Population++
	packed.Put(kyiv) // an imported row replaces the bundled one
	packed.Remove(kyiv.ID)
	var last geo.Place
	n = 0
	for p := range packed.All() {
		if p.ID == kyiv.ID {
			t.Fatalf("removed entry %d yielded", p.ID)
		}
		last = p
		n++
	}
	if n != packed.Len() || n != text.Len()-1 || last.ID == 0 {
		t.Errorf("%d entries after a removal, Len %d, want %d", n, packed.Len(), text.Len()-1)
	}
}

// TestPackedIsSafeForConcurrentUse reads a freshly opened packed index from
// several goroutines at once, while entries are put on top: chunk offsets
// are worked out and admin names are remembered under concurrent readers
// (run with -race).
func TestPackedIsSafeForConcurrentUse(t *testing.T) {
	ix := mustOpenPacked(t)
	names := []string{"Kharkiv", "Zaporozhye", "Rostov region", "Kyi", "Brussels", "Vodiane", "Al Hudaydah", "Sa"}
	want := make([][]gazetteer.Candidate, len(names))
	for i, n := range names {
		want[i] = mustOpenPacked(t).Find(n, gazetteer.SearchOptions{Limit: 5})
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 40 {
				k := (g + i) % len(names)
				if got := ix.Find(names[k], gazetteer.SearchOptions{Limit: 5}); !reflect.DeepEqual(got, want[k]) {
					t.Errorf("Find(%s) differs under concurrent use", names[k])
					return
				}
				ix.Get(int64(700000 + i))
			}
		})
	}
	wg.Go(func() {
		for i := range 20 {
			ix.Put(geo.Place{ID: geo.UserIDBase + int64(i), Name: fmt.Sprintf("Concurrent %d", i), FeatureCode: "PPL", Country: "UA", Lat: 48, Lon: 37})
		}
	})
	wg.Wait()
}

// TestOpenRefusesATruncatedIndex checks that a packed index cut short is
// an error when opened, not a panic at the first lookup.
func TestOpenRefusesATruncatedIndex(t *testing.T) {
	b, err := os.ReadFile(packedPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 10, 40, 1000, len(b) / 2, len(b) - 1} {
		if _, err := gazetteer.Open(b[:n]); err == nil {
			t.Errorf("Open of the first %d bytes: no error", n)
		}
	}
	if _, err := gazetteer.Open(append(slices.Clip(b), 0)); err == nil {
		t.Error("Open with a byte after the end: no error")
	}
}
