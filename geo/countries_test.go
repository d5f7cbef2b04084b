package geo

import (
	"bufio"
	"compress/gzip"
	"flag"
	"os"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite country_names.tsv from the bundled gazetteer")

// countryLines builds country_names.tsv from the gazetteer's country rows
// (feature codes PCL*): code, tab, name|alternate names.
func countryLines(t *testing.T) string {
	t.Helper()
	f, err := os.Open("../data/gazetteer/places.tsv.gz")
	if err != nil {
		t.Skipf("bundled gazetteer not found: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 12 || !strings.HasPrefix(c[5], "PCL") || c[6] == "" {
			continue
		}
		if _, dup := seen[c[6]]; !dup {
			seen[c[6]] = c[2] + "|" + c[4]
		}
	}
	var lines []string
	for code, names := range seen {
		lines = append(lines, code+"\t"+names)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

func TestCountryNamesMatchTheGazetteer(t *testing.T) {
	want := countryLines(t)
	if *update {
		if err := os.WriteFile("country_names.tsv", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if countryNamesTSV != want {
		t.Fatal("country_names.tsv is out of date with the gazetteer; run go test ./geo -run CountryNames -update")
	}
}

func TestParseCountriesTakesNamesAndCodes(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
		err  bool
	}{
		{in: []string{"Ukraine"}, want: "UA"},
		{in: []string{"ukraine", "ru"}, want: "UA,RU"},
		{in: []string{"Україна", "UKR"}, want: "UA,UA"},
		{in: []string{"Russian Federation"}, want: "RU"},
		{in: []string{"Narnia"}, err: true},
		{in: []string{"U"}, err: true},
	} {
		got, err := ParseCountries(tc.in)
		if tc.err {
			if ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), "Ukraine") {
				t.Errorf("%v: err %v, want an invalid error with an example", tc.in, err)
			}
			continue
		}
		if err != nil || strings.Join(got, ",") != tc.want {
			t.Errorf("%v = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	if CountryName("ua") != "Ukraine" {
		t.Errorf("CountryName(ua) = %q", CountryName("ua"))
	}
}

func TestParseEventTypesIgnoresCaseAndListsTheValidOnes(t *testing.T) {
	got, err := ParseEventTypes([]string{"battles", " Explosions/Remote violence "})
	if err != nil || len(got) != 2 || got[0] != Battles || got[1] != ExplosionsRemote {
		t.Fatalf("got %v, %v", got, err)
	}
	_, err = ParseEventTypes([]string{"Shelling"})
	if ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), "Strategic developments") {
		t.Fatalf("err = %v, want the valid types listed", err)
	}
	subs, err := ParseSubEventTypes([]string{"armed clash"})
	if err != nil || subs[0] != SubArmedClash {
		t.Fatalf("sub = %v, %v", subs, err)
	}
}
