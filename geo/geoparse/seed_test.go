package geoparse_test

import (
	"encoding/json"
	"github.com/incidentmap/incidentmap/geo/seedtest"
	"os"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/geoparse"
)

type seedGold struct {
	Gold []struct {
		Text      string     `json:"text"`
		Admin1    string     `json:"admin1"`
		Country   string     `json:"country"`
		GeonameID int64      `json:"geonameid"`
		Near      [2]float64 `json:"near"`
		Km        float64    `json:"km"`
	} `json:"gold"`
	NotPlaces []string `json:"not_places"`
}

// TestSeedReport checks every place of the defining example, and that none
// of its tempting non-places is taken for a place.
func TestSeedReport(t *testing.T) {
	text, err := os.ReadFile(seedtest.Path(t, "drone-report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(seedtest.Path(t, "drone-report.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold seedGold
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	got := mustParser(t).Parse(string(text))
	for _, m := range got {
		if string(text[m.Start:m.End]) != m.Text {
			t.Errorf("mention %q: offsets %d..%d give %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
	}
	for _, g := range gold.Gold {
		var hits []geo.Mention
		for _, m := range got {
			if m.Text == g.Text || strings.HasPrefix(m.Text, g.Text+" ") {
				hits = append(hits, m)
			}
		}
		if len(hits) == 0 {
			t.Errorf("%s: not found", g.Text)
			continue
		}
		for _, m := range hits {
			switch {
			case g.Admin1 != "" && m.Country+"."+m.Admin1 != g.Admin1:
				t.Errorf("%s at %d: resolved to %s (%s.%s), want admin1 %s", g.Text, m.Start, m.Name, m.Country, m.Admin1, g.Admin1)
			case g.Country != "" && m.Country != g.Country:
				t.Errorf("%s at %d: resolved to country %s, want %s", g.Text, m.Start, m.Country, g.Country)
			case g.GeonameID != 0 && m.GeonameID != g.GeonameID:
				t.Errorf("%s at %d: resolved to geonameid %d, want %d", g.Text, m.Start, m.GeonameID, g.GeonameID)
			case g.Km > 0 && geoparse.Distance(m.Lat, m.Lon, g.Near[0], g.Near[1]) > g.Km:
				t.Errorf("%s at %d: resolved %.0f km from the gold point, want within %.0f", g.Text, m.Start,
					geoparse.Distance(m.Lat, m.Lon, g.Near[0], g.Near[1]), g.Km)
			}
		}
	}
	// Beyond the gold file: the three southern oblasts are the admin1
	// regions, Avdiivka is the Donetsk one, and Europe is the continent.
	for text, code := range map[string]string{"Zaporizhia": "ADM1", "Odesa": "ADM1", "Dnipropetrovsk": "ADM1", "Europe": "CONT"} {
		found := false
		for _, m := range got {
			if m.Text == text {
				found = true
				if m.FeatureCode != code {
					t.Errorf("%s resolved to a %s, want %s", text, m.FeatureCode, code)
				}
			}
		}
		if !found {
			t.Errorf("%s: not found", text)
		}
	}
	for _, m := range got {
		if strings.HasPrefix(m.Text, "Avdiivka") && m.GeonameID != 713122 {
			t.Errorf("%q resolved to geonameid %d, want 713122", m.Text, m.GeonameID)
		}
	}
	for _, np := range gold.NotPlaces {
		for _, m := range got {
			if strings.Contains(m.Text, np) {
				t.Errorf("%q taken for a place (mention %q -> %s)", np, m.Text, m.Name)
			}
		}
	}
}

// BenchmarkSeedReport measures throughput on the seed report, a real news
// text of ordinary place density (the gold corpus is denser by design).
func BenchmarkSeedReport(b *testing.B) {
	text, err := os.ReadFile(seedtest.Path(b, "drone-report.txt"))
	if err != nil {
		b.Fatal(err)
	}
	p := mustParser(b)
	p.Parse(string(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Parse(string(text))
	}
}
