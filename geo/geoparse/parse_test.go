package geoparse_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
	"github.com/incidentmap/incidentmap/geo/geoparse"
)

func TestParseCases(t *testing.T) {
	p := mustParser(t)
	cases := []struct {
		name, text string
		want       map[string]string // mention text → country.admin1 (or country)
		not        []string          // texts that must not be place mentions
		demonyms   map[string]string // mention text → the country a demonym names
		found      []string          // texts that must be place mentions, wherever they resolve
	}{
		{
			name: "list with plural designator",
			text: "Drones were shot down over the Kursk, Belgorod and Bryansk regions on Monday.",
			want: map[string]string{"Kursk": "RU.41", "Belgorod": "RU.09", "Bryansk": "RU.10"},
			not:  []string{"Monday"},
		},
		{
			name: "possessive country fixes the city",
			text: "Officials in Ukraine's Kherson said two people were hurt.",
			want: map[string]string{"Ukraine": "UA", "Kherson": "UA.08"},
		},
		{
			name: "a bare name read as a small foreign town is a stray",
			text: "Voters in Columbus and Dayton waited for hours on Tuesday. Obama thanked the volunteers before the count began.",
			want: map[string]string{"Columbus": "US.OH", "Dayton": "US.OH"},
			not:  []string{"Obama"},
		},
		{
			name: "a front-line town beside the regions a report names is not a stray",
			text: "Air defences shot down drones over Kursk and Bryansk. Separately, Avdiivka came under heavy fire.",
			want: map[string]string{"Kursk": "RU.41", "Bryansk": "RU.10", "Avdiivka": "UA.05"},
		},
		{
			name:  "the same town with a preposition is a place",
			text:  "Voters in Columbus and Dayton waited for hours on Tuesday. The delegation later flew to Obama for the festival.",
			found: []string{"Columbus", "Dayton", "Obama"},
		},
		{
			name: "the same town among its own country's places is a place",
			text: "Officials in Kyoto and Osaka met on Tuesday. Obama hosted the next round of talks.",
			want: map[string]string{"Kyoto": "JP.22", "Osaka": "JP.32", "Obama": "JP.06"},
		},
		{
			name: "a place before the noun it describes, after a or an",
			text: "A Gainesville restaurant was robbed on Monday, and police said an Atlanta man was hurt.",
			want: map[string]string{"Gainesville": "US.GA", "Atlanta": "US.GA"}, // Georgia's, beside Atlanta
		},
		{
			name: "a thing of a place's name after a or an",
			text: "He bought a Honda last year in Ohio, and soldiers fired an Iskander at the town of Izium.",
			want: map[string]string{"Ohio": "US.OH", "Izium": "UA.07"},
			not:  []string{"Honda", "Iskander"},
		},
		{
			name: "an ordinary word opening a sentence does not make a person of the place after it",
			text: "Although Winnipeg's budget shrank, the province kept its grants. Overall Regina fared better.",
			want: map[string]string{"Winnipeg": "CA.03", "Regina": "CA.11"},
		},
		{
			name: "a word opening \"X for Y\" names an organisation; American and British spellings are both words",
			text: "Samples went to the Center for Disease Control in Atlanta.",
			want: map[string]string{"Atlanta": "US.GA"},
			not:  []string{"Center"},
		},
		{
			name: "the British spelling too",
			text: "Samples went to the Centre for Tropical Medicine in London.",
			want: map[string]string{"London": "GB.ENG"},
			not:  []string{"Centre"},
		},
		{
			name: "an armed force's name is an organisation's",
			text: "The Israel Defense Forces said rockets were fired from Gaza.",
			not:  []string{"Israel"},
		},
		{
			name:  "a place joined to another by a hyphen is not learned as a surname",
			text:  "The airline resumed the Washington-Moscow route, and later flights to Moscow sold out.",
			found: []string{"Moscow"},
		},
		{
			name: "a big place after a capitalised word and before a comma is not learned as a surname",
			text: "Aid came from the Fund of Greater Atlanta, which met on Monday. Atlanta shelters filled up.",
			want: map[string]string{"Atlanta": "US.GA"},
		},
		{
			name: "a state abbreviation written with a space",
			text: "The man, of Wood County, W. Va., is held in Greenwood, W. Va., while his brother lives in Durham, N. C.",
			want: map[string]string{"Wood County": "US.WV", "Greenwood": "US.WV", "W. Va.": "US.WV", "Durham": "US.NC", "N. C.": "US.NC"},
		},
		{
			name: "a country's abbreviation against a dollar sign is a currency",
			text: "The fund pledged US$2 million and $US 40,000 more for clinics in Kenya.",
			want: map[string]string{"Kenya": "KE"},
			not:  []string{"US"},
		},
		{
			name: "a middle initial makes a person of the name after it",
			text: "Police arrested Zakwan T. Moultrie near Miami on Friday. Officers said Moultrie had a bag of stolen tools.",
			want: map[string]string{"Miami": "US.FL"},
			not:  []string{"Moultrie"},
		},
		{
			name: "a title inside a run of capitalised words makes a person of the words after it",
			text: "State Health Minister Anna Lincoln toured clinics in Kisumu. Lincoln promised more nurses.",
			want: map[string]string{"Kisumu": "KE.26"},
			not:  []string{"Lincoln"},
		},
		{
			name: "a designator does not make a spelling variant of English words a place",
			text: "The State Department urged calm in the Kharkiv region and the Morozovsk district.",
			want: map[string]string{"Kharkiv region": "UA.07", "Morozovsk district": "RU.61"},
			not:  []string{"State"},
		},
		{
			name: "an elided article inside a name",
			text: "Cholera cases rose in Côte d’Ivoire and in Côte d'Ivoire's north.",
			want: map[string]string{"Côte d’Ivoire": "CI", "Côte d'Ivoire": "CI"},
		},
		{
			name: "a country inside an agency's name still names the country",
			text: "Forecasters at Environment Canada warned of heavy snow in Winnipeg, while Michael Jordan stayed home.",
			want: map[string]string{"Canada": "CA", "Winnipeg": "CA.03"},
			not:  []string{"Jordan"},
		},
		{
			name: "a title after the article still makes a person",
			text: "The Rev. Roy Jones led the march through Savannah. Jones spoke for an hour.",
			want: map[string]string{"Savannah": "US.GA"},
			not:  []string{"Jones", "Roy"},
		},
		{
			name: "person after a title is not a place",
			text: "Spokesman Victoria Madison said the convoy left Goma at dawn.",
			want: map[string]string{"Goma": "CD.11"},
			not:  []string{"Victoria", "Madison"},
		},
		{
			name: "weapon modifier is not a place",
			text: "Iskander missiles and Shahed-type drones hit Odesa overnight.",
			want: map[string]string{"Odesa": "UA.17"},
			not:  []string{"Iskander", "Shahed"},
		},
		{
			name: "indefinite article makes a thing",
			text: "Officials said the missile was an Iskander fired from Crimea at Odesa.",
			want: map[string]string{"Crimea": "UA.11", "Odesa": "UA.17"},
			not:  []string{"Iskander"},
		},
		{
			name: "organisation and acronym are not places",
			text: "NATO and RIA said on Telegram that Kharkiv was shelled.",
			want: map[string]string{"Kharkiv": "UA.07"},
			not:  []string{"NATO", "RIA", "Telegram"},
		},
		{
			name: "unknown village falls back to its region",
			text: "Russian forces captured the village of Zrazkove in the Donetsk region.",
			want: map[string]string{"Zrazkove": "UA.05", "Donetsk region": "UA.05"},
		},
		{
			name: "unknown village placed by a region later in its sentence",
			text: "Marines held positions in Zrazkove, a village on the left bank of the Kherson region, officials said.",
			want: map[string]string{"Zrazkove": "UA.08"},
		},
		{
			name: "adjectives, groups and common words are not places",
			text: "Somali security forces guarded Western embassies as Fano fighters moved north. “Any attack is a crime,” a spokesman said in English-language remarks.",
			not:  []string{"Somali", "Western", "Fano", "Any", "English"},
		},
		{
			name: "an ordinary word opening a sentence does not make a person",
			text: "Neighbouring Poland, a NATO member, scrambled jets.",
			want: map[string]string{"Poland": "PL"},
		},
		{
			name: "spelling variant",
			text: "Explosions were heard in Zaporozhye and Kharkov.",
			want: map[string]string{"Zaporozhye": "UA.26", "Kharkov": "UA.07"},
		},
		{
			name: "possessive inside a name",
			text: "Thousands of refugees reached Cox's Bazar in Bangladesh.",
			want: map[string]string{"Cox's Bazar": "BD.84", "Bangladesh": "BD"},
		},
		{
			name: "sentence-initial word used elsewhere as a word",
			text: "Marches took place in Lyon as thousands marched against the reform.",
			want: map[string]string{"Lyon": "FR.84"},
			not:  []string{"Marches"},
		},
		{
			name:     "demonym is an actor",
			text:     "Sudanese troops clashed with fighters near El Fasher.",
			want:     map[string]string{"El Fasher": "SD.55"},
			not:      []string{"Sudanese"},
			demonyms: map[string]string{"Sudanese": "SD"},
		},
		{
			name: "news abbreviations and datelines",
			text: "CHARLESTON, W.Va. — Officials in Athens, Ga., Alexandria, La., and in Washington, D.C., said the U.S. would help St. Louis.",
			want: map[string]string{"CHARLESTON": "US.WV", "W.Va.": "US.WV", "Athens": "US.GA", "Ga.": "US.GA", "Alexandria": "US.LA", "La.": "US.LA", "D.C.": "US.DC", "U.S.": "US", "St. Louis": "US.MO"},
		},
		{
			name: "contractions, first names and English words are not places",
			text: "We're told I've seen Kristina Meredith at the Council. Meredith said the University and the Section were closed. Johnson said so. We met Thomas in the Northwest of the Tri-State area. Alan backed the Obama administration and the Federal Emergency Management Agency.",
			not:  []string{"We", "I", "Kristina", "Meredith", "Council", "University", "Section", "Johnson", "Thomas", "Northwest", "Tri-State", "Alan", "Obama", "Federal"},
		},
		{
			name: "acronyms, variants of English words and disease names are not places",
			text: "The MAC team and UGA researchers studied the Marburg virus. Soul music played. The United States Department of Agriculture helped the Arab villagers.",
			want: map[string]string{"United States": "US"},
			not:  []string{"MAC", "UGA", "Marburg", "Soul", "Department", "Arab"},
		},
		{
			name:     "a longer place name beats the people's name it starts with",
			text:     "Officials in British Columbia and the Dominican Republic met British and Dominican envoys. Cases rose in NSW and Qld.",
			want:     map[string]string{"British Columbia": "CA.02", "Dominican Republic": "DO", "NSW": "AU.02", "Qld": "AU.04"},
			demonyms: map[string]string{"British": "GB", "Dominican": "DO"},
		},
		{
			name:  "compass regions, datelines after bylines, a place's office, a first name qualifying a noun",
			text:  "By Ann Lee, March 15, 2009 NEWARK -- Pools across North Texas closed, Gainesville Police said. He was held at the Augusta psychiatric hospital.",
			want:  map[string]string{"Texas": "US.TX"},
			found: []string{"NEWARK", "Gainesville", "Augusta"},
			not:   []string{"Pools", "Ann", "Lee"},
		},
		{
			name: "a comma in a list separates items, it does not put one inside the next",
			text: "The recall covers Arkansas, California, Colorado, Georgia, Idaho and Washington.",
			want: map[string]string{"Colorado": "US.CO", "Georgia": "US.GA", "Washington": "US.WA", "California": "US.CA"},
		},
		{
			name: "names without their Arabic article, a region's designator after a country's other name, a district of a city",
			text: "Residents demonstrated in Suwayda city. Fighting went on in Fasher. Gunmen attacked a mosque in Natiaboani (Est region). An IED exploded in Hodan district of Mogadishu.",
			want: map[string]string{"Suwayda city": "SY.05", "Fasher": "SD.55", "Est region": "BF.08", "Natiaboani": "BF.08", "Hodan district": "SO.02"},
		},
		{
			name: "Canadian province abbreviations",
			text: "Flooding hit Brandon, Man., and Gatineau, Que., on Sunday.",
			want: map[string]string{"Brandon": "CA.03", "Man.": "CA.03", "Gatineau": "CA.10", "Que.": "CA.10"},
		},
		{
			name:     "peoples name their countries, as demonyms",
			text:     "Palestinians and Sri Lankan workers met French and Egyptian officials.",
			demonyms: map[string]string{"Palestinians": "PS", "Sri Lankan": "LK", "French": "FR", "Egyptian": "EG"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, demonyms := map[string]string{}, map[string]string{}
			for _, m := range p.Parse(c.text) {
				if m.Kind == geo.KindDemonym {
					demonyms[m.Text] = m.Country
					continue
				}
				key := m.Country
				if m.Admin1 != "" {
					key += "." + m.Admin1
				}
				got[m.Text] = key
			}
			for text, want := range c.want {
				if got[text] != want {
					t.Errorf("%q -> %q, want %q (all: %v)", text, got[text], want, got)
				}
			}
			for _, text := range c.found {
				if _, ok := got[text]; !ok {
					t.Errorf("%q not found (all: %v)", text, got)
				}
			}
			for text, want := range c.demonyms {
				if demonyms[text] != want {
					t.Errorf("demonym %q -> %q, want %q (all: %v)", text, demonyms[text], want, demonyms)
				}
			}
			for _, np := range c.not {
				for text := range got {
					if strings.Contains(text, np) {
						t.Errorf("%q taken for a place", text)
					}
				}
			}
		})
	}
}

// TestUnknownVillageKnownRegion: a village the gazetteer lacks, set in a
// region as news writes it, falls back to the oblast (never its capital
// city) at precision 3 and is reported as unresolved.
func TestUnknownVillageKnownRegion(t *testing.T) {
	text := "Russian troops shelled near Zatyshnivka, Kharkiv, on Monday."
	res := mustParser(t).Geoparse(text)
	var got *geo.Mention
	for i := range res.Places {
		if res.Places[i].Text == "Zatyshnivka" {
			got = &res.Places[i]
		}
	}
	if got == nil {
		t.Fatalf("the village is not a mention: %+v", res.Places)
	}
	if got.FeatureCode != "ADM1" || got.Country+"."+got.Admin1 != "UA.07" || got.Precision != geo.PrecisionRegion {
		t.Errorf("resolved to %s %s.%s precision %d, want the Kharkiv oblast (ADM1 UA.07) at precision 3", got.FeatureCode, got.Country, got.Admin1, got.Precision)
	}
	if len(res.Unresolved) != 1 || res.Unresolved[0].Text != "Zatyshnivka" || text[res.Unresolved[0].Start:res.Unresolved[0].End] != "Zatyshnivka" {
		t.Fatalf("unresolved = %+v, want the village", res.Unresolved)
	}
	if r := res.Unresolved[0].Region; r == nil || r.FeatureCode != "ADM1" || r.Admin1 != "07" {
		t.Errorf("unresolved region %+v, want the Kharkiv oblast", r)
	}
}

// TestParentheticalRegion: "X (Region)" puts X in the region; a name
// repeated in brackets with its region shares it, and when the gazetteer has
// no X there, X falls back to the region and is reported unresolved.
func TestParentheticalRegion(t *testing.T) {
	res := mustParser(t).Geoparse("Shelling hit Popasna (Luhansk region) overnight. Strikes hit Zatyshnivka village (Zatyshnivka, Donetsk region).")
	got := map[string]string{}
	for _, m := range res.Places {
		got[m.Text] = m.Country + "." + m.Admin1 + " " + m.FeatureCode
	}
	if got["Popasna"] != "UA.14 PPL" {
		t.Errorf("Popasna -> %q, want the town in Luhansk oblast", got["Popasna"])
	}
	if got["Zatyshnivka village"] != "UA.05 ADM1" {
		t.Errorf("the village -> %q, want the Donetsk oblast", got["Zatyshnivka village"])
	}
	if len(res.Unresolved) == 0 || res.Unresolved[0].Text != "Zatyshnivka" {
		t.Errorf("unresolved %+v, want the village", res.Unresolved)
	}
}

// TestSeas: a sea named as water is the sea, at precision 3; a land region
// named after it keeps its designator.
func TestSeas(t *testing.T) {
	got := map[string]geo.Mention{}
	for _, m := range mustParser(t).Parse("Missiles hit a ship in the Red Sea. A drone struck a port in Sudan's Red Sea state. Boats sank in the Sea of Azov and the Gulf of Aden.") {
		got[m.Text] = m
	}
	for _, text := range []string{"Red Sea", "Sea of Azov", "Gulf of Aden"} {
		if m, ok := got[text]; !ok || !geo.IsWater(m.FeatureCode) || m.Precision != geo.PrecisionRegion {
			t.Errorf("%s -> %+v, want the body of water at precision 3", text, m)
		}
	}
	if m := got["Red Sea state"]; m.FeatureCode != "ADM1" || m.Country != "SD" {
		t.Errorf("Red Sea state -> %s %s, want Sudan's ADM1", m.FeatureCode, m.Country)
	}
	// Alone, without a division named beside it, the sea is still the sea.
	for _, m := range mustParser(t).Parse("Houthi forces in Yemen fired a missile at a tanker in the Red Sea on Friday.") {
		if m.Text == "Red Sea" && !geo.IsWater(m.FeatureCode) {
			t.Errorf("Red Sea beside Yemen -> %s %s, want the sea", m.FeatureCode, m.Country)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/news/*.txt")
	for _, name := range files[:5] {
		b, _ := os.ReadFile(name)
		f.Add(string(b))
	}
	f.Add("the village of , in the  region'’s Kursk-on-")
	p := mustParser(f)
	f.Add("Kyiv \xff\xfe Odesa \xc3")
	f.Add("CHARLESTON, W.Va. — near Zatyshne, Kharkiv, U.S. St. Jones' D. Smith Alexandria, La.")
	f.Fuzz(func(t *testing.T, text string) {
		res := p.Geoparse(text)
		for _, u := range res.Unresolved {
			if u.Start < 0 || u.End > len(text) || u.Start >= u.End || text[u.Start:u.End] != u.Text {
				t.Fatalf("bad unresolved span %d..%d %q", u.Start, u.End, u.Text)
			}
		}
		if len(p.Explain(text)) != len(res.Places) {
			t.Fatalf("Explain and Geoparse disagree on the places of %q", text)
		}
		for _, m := range res.Places {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %d..%d %q", m.Start, m.End, m.Text)
			}
			if m.Precision < 1 || m.Precision > 3 || m.Confidence < 0 || m.Confidence > 1 {
				t.Fatalf("bad precision or confidence: %+v", m)
			}
		}
	})
}

// BenchmarkParse measures articles per second over the gold corpus.
func BenchmarkParse(b *testing.B) {
	texts, size := geoparse.GoldTexts(b)
	p := mustParser(b)
	p.Parse(texts[0]) // the first loose lookup builds its map
	b.SetBytes(int64(size / len(texts)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Parse(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func TestParseHugeAndInvalidInput(t *testing.T) {
	p := mustParser(t)
	huge := strings.Repeat("Shelling hit Kherson overnight. ", geoparse.MaxTextBytes/32+1000)
	ms := p.Parse(huge)
	if len(ms) == 0 {
		t.Fatal("no mentions in a huge text")
	}
	for _, m := range ms {
		if m.End > geoparse.MaxTextBytes {
			t.Fatalf("mention at %d past the %d-byte cap", m.End, geoparse.MaxTextBytes)
		}
	}
	bad := "Drones hit \xff\xfeKyiv and Odesa\xc3"
	for _, m := range p.Parse(bad) {
		if bad[m.Start:m.End] != m.Text {
			t.Errorf("bad offsets for %q", m.Text)
		}
	}
}

// TestExplain: each place lists the candidates weighed, best first, the
// chosen one on top, with the evidence that decided it.
func TestExplain(t *testing.T) {
	ms := mustParser(t).Explain("Shelling hit Alexandria, La., on Monday.")
	if len(ms) == 0 || ms[0].Text != "Alexandria" {
		t.Fatalf("mentions %+v", ms)
	}
	w := ms[0].Weighed
	if len(w) < 2 || !w[0].Chosen || w[0].Country != "US" || w[0].GeonameID != ms[0].GeonameID {
		t.Fatalf("weighed %+v, want the chosen US Alexandria first among several", w)
	}
	if w[0].Evidence["in_container"] <= 0 {
		t.Errorf("the chosen candidate's evidence %v lacks being in Louisiana", w[0].Evidence)
	}
	for i := 1; i < len(w); i++ {
		if w[i].Score > w[i-1].Score || w[i].Chosen {
			t.Errorf("candidate %d (%s %s) out of order or also chosen", i, w[i].Name, w[i].Country)
		}
	}
}

// TestUserEntryReachesRememberedAnswers: the parser remembers the
// gazetteer's answers between documents, and forgets them when entries
// change, so a user's correction and a village the user adds count in the
// next document.
func TestUserEntryReachesRememberedAnswers(t *testing.T) {
	ix, err := gazetteer.LoadFile("../../data/gazetteer/places.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	p := geoparse.New(ix, nil)
	text := "Russian troops shelled Kupiansk and the area near Zatyshnivka, Kharkiv, on Monday."
	before := p.Geoparse(text)
	var kupiansk geo.Mention
	for _, m := range before.Places {
		if m.Text == "Kupiansk" {
			kupiansk = m
		}
	}
	if kupiansk.GeonameID == 0 || len(before.Unresolved) != 1 {
		t.Fatalf("before the entries: Kupiansk %+v, unresolved %+v", kupiansk, before.Unresolved)
	}
	// The correction moves the town a few km (a user fixing its point): far
	// enough to tell apart, near enough to stay the likeliest Kupiansk.
	const moved = 0.05
	ix.Put(geo.Place{ID: geo.UserIDBase + 1, GeonameID: kupiansk.GeonameID, Name: "Kupiansk", FeatureCode: "PPLA2",
		Country: "UA", Admin1: "07", Lat: kupiansk.Lat + moved, Lon: kupiansk.Lon})
	ix.Put(geo.Place{ID: geo.UserIDBase + 2, Name: "Zatyshnivka", FeatureCode: "PPL", Country: "UA", Admin1: "07", Lat: 49.9, Lon: 37.1})
	after := p.Geoparse(text)
	if len(after.Unresolved) != 0 {
		t.Errorf("after the entries: still unresolved %+v", after.Unresolved)
	}
	for _, m := range after.Places {
		switch {
		case m.Text == "Kupiansk" && m.Lat != kupiansk.Lat+moved:
			t.Errorf("Kupiansk at %.3f, want the corrected %.3f", m.Lat, kupiansk.Lat+moved)
		case m.Text == "Zatyshnivka" && (m.FeatureCode != "PPL" || m.Precision != geo.PrecisionExact):
			t.Errorf("the village resolved to %s at precision %d, want the user's entry", m.FeatureCode, m.Precision)
		}
	}
}

// TestRegionsAndIslands: the regions and islands news names that GeoNames'
// populated places lack are known, at precision 3.
func TestRegionsAndIslands(t *testing.T) {
	got := map[string]geo.Mention{}
	for _, m := range mustParser(t).Parse("Fighting raged in Donbas and Darfur. Strikes hit the Golan Heights. Floods hit Java and Sumatra. Islamic State West Africa Province claimed it.") {
		got[m.Text] = m
	}
	for text, country := range map[string]string{"Donbas": "UA", "Darfur": "SD", "Golan Heights": "SY", "Java": "ID"} {
		if m, ok := got[text]; !ok || m.Country != country || m.Precision != geo.PrecisionRegion {
			t.Errorf("%s -> %+v, want a region of %s at precision 3", text, m, country)
		}
	}
	for text := range got {
		if strings.Contains(text, "Africa") {
			t.Errorf("%q inside an armed group's name taken for a place", text)
		}
	}
}

// TestWrittenName: a place keeps the spelling the text gives it when that
// is one of its own names, for incidents to show.
func TestWrittenName(t *testing.T) {
	got := map[string]string{}
	for _, m := range mustParser(t).Parse("Drones hit Rostov-on-Don and Hodeidah. KHARKIV, March 3 - Shelling hit Kyiv.") {
		got[m.Text] = m.WrittenName
	}
	for text, want := range map[string]string{"Rostov-on-Don": "Rostov-on-Don", "Hodeidah": "Hodeidah", "KHARKIV": "", "Kyiv": ""} {
		if got[text] != want {
			t.Errorf("%s: written name %q, want %q (all %v)", text, got[text], want, got)
		}
	}
}

// TestParseConcurrently: one parser serves many goroutines (the server's
// ingest does so); each gets what a parse alone gives (run with -race).
func TestParseConcurrently(t *testing.T) {
	p := mustParser(t)
	texts, _ := geoparse.GoldTexts(t)
	texts = texts[:min(12, len(texts))]
	var want [][]geo.Mention
	for _, text := range texts {
		want = append(want, p.Parse(text))
	}
	var wg sync.WaitGroup
	errs := make(chan int, len(texts)*4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				i := (k + g*3) % len(texts)
				if got := p.Parse(texts[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- i
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for i := range errs {
		t.Errorf("article %d: a parse beside others differs from one alone", i)
	}
}
