package geoparse

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// GoldPlace is one annotated place of the evaluation corpus
// (testdata/news/*.gold.json).
type GoldPlace struct {
	Text      string  `json:"text"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Level     string  `json:"level"` // country, admin1, admin2, place, continent
	GeonameID int64   `json:"geonameid"`
	Country   string  `json:"country"`
	Admin1    string  `json:"admin1"` // COUNTRY.CODE
	Admin2    string  `json:"admin2"` // COUNTRY.CODE.CODE
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Fallback  bool    `json:"fallback"` // not in the gazetteer: the region is the answer
}

// Scores are the corpus-wide results of an evaluation.
type Scores struct {
	Articles, Gold, Predicted, Matched int
	Precision, Recall, F1              float64
	Acc161, AccExact                   float64 // over matched mentions
	Misses                             []string
}

// AccuracyKm is the distance within which a resolution counts as right, the
// usual 100-mile yardstick of geoparser evaluations.
const AccuracyKm = 161

// Evaluate parses every NN-name.txt in dir and scores it against
// NN-name.gold.json: recognition by overlapping spans, resolution by
// distance (accuracy@161 km) and by entry (same geonameid for a place, same
// admin1/admin2 code for a division, same country for a country). Country
// and admin1 gold points are approximate, so for them the same code also
// counts as within 161 km.
func Evaluate(p interface{ Parse(string) []geo.Mention }, dir string) (Scores, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return Scores{}, err
	}
	sort.Strings(files)
	var s Scores
	var near, exact int
	for _, gf := range files {
		gold, text, err := readGold(gf)
		if err != nil {
			return Scores{}, err
		}
		got := placesOnly(p.Parse(text))
		s.Articles++
		s.Gold += len(gold)
		s.Predicted += len(got)
		used := make([]bool, len(got))
		name := strings.TrimSuffix(filepath.Base(gf), ".gold.json")
		for _, g := range gold {
			k := overlapping(got, used, g)
			if k < 0 {
				s.Misses = append(s.Misses, fmt.Sprintf("%s: missed %q at %d", name, g.Text, g.Start))
				continue
			}
			used[k] = true
			s.Matched++
			n, e := judge(got[k], g)
			if n {
				near++
			}
			if e {
				exact++
			}
			if !n || !e {
				s.Misses = append(s.Misses, fmt.Sprintf("%s: %q at %d resolved to %s (%s %s.%s), want %s %s %s",
					name, g.Text, g.Start, got[k].Name, got[k].FeatureCode, got[k].Country, got[k].Admin1, g.Level, g.Admin1, g.Country))
			}
		}
		for k, m := range got {
			if !used[k] {
				s.Misses = append(s.Misses, fmt.Sprintf("%s: spurious %q at %d (%s, %s)", name, m.Text, m.Start, m.Name, m.Country))
			}
		}
	}
	s.Precision = ratio(s.Matched, s.Predicted)
	s.Recall = ratio(s.Matched, s.Gold)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.Acc161 = ratio(near, s.Matched)
	s.AccExact = ratio(exact, s.Matched)
	return s, nil
}

// ReadGoldDir reads the project's gold corpus (NN-name.txt with
// NN-name.gold.json) as corpus documents, for fitting beside the public
// corpora. Fallback places (a region standing for an unknown village)
// are left out: their point is not the village's.
func ReadGoldDir(dir string) ([]CorpusDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var docs []CorpusDoc
	for _, gf := range files {
		gold, text, err := readGold(gf)
		if err != nil {
			return nil, err
		}
		d := CorpusDoc{ID: filepath.Base(gf), Text: text}
		for _, g := range gold {
			if !g.Fallback {
				g := g
				same := func(m geo.Mention) bool { _, exact := judge(m, g); return exact }
				d.Gold = append(d.Gold, CorpusGold{Text: g.Text, Lat: g.Lat, Lon: g.Lon, GeonameID: g.GeonameID, same: same})
			}
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// placesOnly leaves out demonyms: this corpus annotates places named as
// such, and a people ("Ukrainian forces") is not one.
func placesOnly(ms []geo.Mention) []geo.Mention {
	out := ms[:0:0]
	for _, m := range ms {
		if m.Kind != geo.KindDemonym {
			out = append(out, m)
		}
	}
	return out
}

func readGold(path string) ([]GoldPlace, string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	var doc struct {
		Places []GoldPlace `json:"places"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	text, err := os.ReadFile(strings.TrimSuffix(path, ".gold.json") + ".txt")
	return doc.Places, string(text), err
}

func overlapping(got []geo.Mention, used []bool, g GoldPlace) int {
	for k, m := range got {
		if !used[k] && m.Start < g.End && g.Start < m.End {
			return k
		}
	}
	return -1
}

// judge says whether m is within AccuracyKm of the gold place and whether
// it is the same entry.
func judge(m geo.Mention, g GoldPlace) (near, exact bool) {
	km := Distance(m.Lat, m.Lon, g.Lat, g.Lon)
	admin1 := m.Country + "." + m.Admin1
	switch {
	case g.Fallback:
		exact = admin1 == g.Admin1
	case g.Level == "country":
		exact = m.Country == g.Country && geo.LevelOf(m.FeatureCode) == geo.LevelCountry
		near = m.Country == g.Country
	case g.Level == "continent":
		exact = m.FeatureCode == "CONT" && km < 2000
		near = exact
	case g.Level == "admin1":
		exact = admin1 == g.Admin1 && geo.LevelOf(m.FeatureCode) == geo.LevelAdmin1
		near = admin1 == g.Admin1
	case g.Level == "admin2":
		exact = geo.LevelOf(m.FeatureCode) == geo.LevelAdmin2 && admin1+"."+m.Admin2 == g.Admin2
	case g.GeonameID != 0:
		exact = m.GeonameID == g.GeonameID
	default:
		exact = admin1 == g.Admin1 && km <= 15
	}
	return near || km <= AccuracyKm, exact
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
