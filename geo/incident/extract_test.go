package incident

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func ptr(n int) *int { return &n }

// wantIncident lists what a case checks; nil pointers and empty strings
// are not checked.
type wantIncident struct {
	loc, sub, date string
	timePrec       int
	count          *int
	unit           string
	fatal, injured *int
	actor1         string
}

var (
	pElFasher  = placeSpec{Needle: "El Fasher", FeatureCode: "PPLA", Country: "SD", Admin1: "02", Lat: 13.63, Lon: 25.35, Precision: 1}
	pDarfur    = placeSpec{Needle: "North Darfur", FeatureCode: "ADM1", Country: "SD", Admin1: "02", Lat: 15.5, Lon: 25.0, Precision: 3}
	pSudan     = placeSpec{Needle: "Sudan", FeatureCode: "PCLI", Country: "SD", Lat: 15, Lon: 30, Precision: 3}
	pRafah     = placeSpec{Needle: "Rafah", FeatureCode: "PPL", Country: "PS", Admin1: "GZ", Lat: 31.29, Lon: 34.25, Precision: 1}
	pSderot    = placeSpec{Needle: "Sderot", FeatureCode: "PPL", Country: "IL", Admin1: "D", Lat: 31.52, Lon: 34.6, Precision: 1}
	pSeytenga  = placeSpec{Needle: "Seytenga", FeatureCode: "PPL", Country: "BF", Admin1: "78", Lat: 14.4, Lon: 0.6, Precision: 1}
	pBurkina   = placeSpec{Needle: "Burkina Faso", FeatureCode: "PCLI", Country: "BF", Lat: 12, Lon: -1.5, Precision: 3}
	pPaletwa   = placeSpec{Needle: "Paletwa", FeatureCode: "PPL", Country: "MM", Admin1: "02", Lat: 21.3, Lon: 92.85, Precision: 1}
	pChin      = placeSpec{Needle: "Chin State", FeatureCode: "ADM1", Country: "MM", Admin1: "02", Lat: 22, Lon: 93.5, Precision: 3}
	pMyawaddy  = placeSpec{Needle: "Myawaddy", FeatureCode: "PPL", Country: "MM", Admin1: "13", Lat: 16.69, Lon: 98.5, Precision: 1}
	pDeir      = placeSpec{Needle: "Deir ez-Zor", FeatureCode: "PPLA", Country: "SY", Admin1: "07", Lat: 35.33, Lon: 40.14, Precision: 1}
	pRubaya    = placeSpec{Needle: "Rubaya", FeatureCode: "PPL", Country: "CD", Admin1: "11", Lat: -1.57, Lon: 28.88, Precision: 1}
	pKivu      = placeSpec{Needle: "North Kivu", FeatureCode: "ADM1", Country: "CD", Admin1: "11", Lat: -0.8, Lon: 29.0, Precision: 3}
	pBeni      = placeSpec{Needle: "Beni", FeatureCode: "PPL", Country: "CD", Admin1: "11", Lat: 0.49, Lon: 29.47, Precision: 1}
	pNairobi   = placeSpec{Needle: "Nairobi", FeatureCode: "PPLC", Country: "KE", Admin1: "30", Lat: -1.28, Lon: 36.82, Precision: 1}
	pDhaka     = placeSpec{Needle: "Dhaka", FeatureCode: "PPLC", Country: "BD", Admin1: "81", Lat: 23.71, Lon: 90.41, Precision: 1}
	pMogadishu = placeSpec{Needle: "Mogadishu", FeatureCode: "PPLC", Country: "SO", Admin1: "02", Lat: 2.04, Lon: 45.34, Precision: 1}
	pHelmand   = placeSpec{Needle: "Helmand", FeatureCode: "ADM1", Country: "AF", Admin1: "10", Lat: 31, Lon: 64, Precision: 3}
	pLashkar   = placeSpec{Needle: "Lashkar Gah", FeatureCode: "PPLA", Country: "AF", Admin1: "10", Lat: 31.59, Lon: 64.37, Precision: 1}
	pHarare    = placeSpec{Needle: "Harare", FeatureCode: "PPLC", Country: "ZW", Admin1: "10", Lat: -17.83, Lon: 31.05, Precision: 1}
	pGeneva    = placeSpec{Needle: "Geneva", FeatureCode: "PPLA", Country: "CH", Admin1: "GE", Lat: 46.2, Lon: 6.14, Precision: 1}
	pKharkiv   = placeSpec{Needle: "Kharkiv", FeatureCode: "PPLA", Country: "UA", Admin1: "07", Lat: 50, Lon: 36.23, Precision: 1}
	pFinland   = placeSpec{Needle: "Finland", FeatureCode: "PCLI", Country: "FI", Lat: 64, Lon: 26, Precision: 3}
	pSumy      = placeSpec{Needle: "Sumy", FeatureCode: "PPLA", Country: "UA", Admin1: "21", Lat: 50.9, Lon: 34.8, Precision: 1}
	pKurskRU   = placeSpec{Needle: "Kursk", FeatureCode: "ADM1", Country: "RU", Admin1: "41", Lat: 51.7, Lon: 36.2, Precision: 3}
	pIturi     = placeSpec{Needle: "Ituri", FeatureCode: "ADM1", Country: "CD", Admin1: "12", Lat: 1.5, Lon: 29.5, Precision: 3}
	pDoha      = placeSpec{Needle: "Doha", FeatureCode: "PPLC", Country: "QA", Admin1: "01", Lat: 25.29, Lon: 51.53, Precision: 1}
	pGaza      = placeSpec{Needle: "Gaza", FeatureCode: "ADM1", Country: "PS", Admin1: "GZ", Lat: 31.4, Lon: 34.4, Precision: 3}
	pPeshawar  = placeSpec{Needle: "Peshawar", FeatureCode: "PPLA", Country: "PK", Admin1: "03", Lat: 34.0, Lon: 71.57, Precision: 1}
	pKherson   = placeSpec{Needle: "Kherson", FeatureCode: "PPLA", Country: "UA", Admin1: "08", Lat: 46.64, Lon: 32.61, Precision: 1}
)

func TestExtractConflicts(t *testing.T) {
	const friday = "2024-05-10T08:00:00Z" // a Friday
	cases := []struct {
		name      string
		published string
		text      string
		places    []placeSpec
		want      []wantIncident
		exact     bool // no incidents beyond want
	}{
		{
			name:      "sudan clash with actors, fatalities and weekday",
			published: friday,
			text:      "Clashes between the Sudanese army and the Rapid Support Forces erupted in El Fasher, the capital of North Darfur, on Thursday, killing at least 12 civilians, activists said.",
			places:    []placeSpec{pElFasher, pDarfur},
			want:      []wantIncident{{loc: "El Fasher", sub: geo.SubArmedClash, date: "2024-05-09", timePrec: 1, fatal: ptr(12), actor1: "Sudanese army"}},
			exact:     true,
		},
		{
			name:      "gaza air strike overnight with killed and wounded",
			published: friday,
			text:      "An Israeli airstrike hit a house in Rafah overnight, killing five people and wounding 11, the health ministry in Gaza said.",
			places:    []placeSpec{pRafah, pGaza},
			want:      []wantIncident{{loc: "Rafah", sub: geo.SubAirDroneStrike, date: "2024-05-10", timePrec: 1, fatal: ptr(5), injured: ptr(11), actor1: "Israel"}},
			exact:     true,
		},
		{
			name:      "rockets fired by an armed group, dozens as a count",
			published: friday,
			text:      "Hamas fired dozens of rockets at Sderot on Wednesday. No one was hurt.",
			places:    []placeSpec{pSderot},
			want:      []wantIncident{{loc: "Sderot", sub: geo.SubShelling, date: "2024-05-08", count: ptr(12), unit: "rockets", injured: ptr(0), actor1: "Hamas"}},
			exact:     true,
		},
		{
			name:      "sahel attack on villagers last week, country dropped",
			published: friday,
			text:      "Suspected jihadists killed 20 villagers in an attack on Seytenga in northern Burkina Faso last week.",
			places:    []placeSpec{pSeytenga, pBurkina},
			want:      []wantIncident{{loc: "Seytenga", sub: geo.SubAttack, date: "2024-05-03", timePrec: 2, fatal: ptr(20)}},
			exact:     true,
		},
		{
			name:      "myanmar armed group captures a town",
			published: friday,
			text:      "The Arakan Army said it had captured the town of Paletwa in Chin State on Tuesday.",
			places:    []placeSpec{pPaletwa, pChin},
			want:      []wantIncident{{loc: "Paletwa", sub: geo.SubNonStateOvertakes, date: "2024-05-07", actor1: "Arakan Army"}},
			exact:     true,
		},
		{
			name:      "myanmar junta retakes a town",
			published: friday,
			text:      "Myanmar's military said it had recaptured Myawaddy yesterday.",
			places:    []placeSpec{pMyawaddy},
			want:      []wantIncident{{loc: "Myawaddy", sub: geo.SubGovRegainsTerritory, date: "2024-05-09", timePrec: 1}},
			exact:     true,
		},
		{
			name:      "syria landmine with number word",
			published: friday,
			text:      "Three soldiers were killed when their vehicle hit a landmine near Deir ez-Zor on Tuesday.",
			places:    []placeSpec{pDeir},
			want:      []wantIncident{{loc: "Deir ez-Zor", sub: geo.SubRemoteExplosive, date: "2024-05-07", fatal: ptr(3)}},
			exact:     true,
		},
		{
			name:      "drc rebels seize town, then abduction with count",
			published: friday,
			text:      "M23 rebels seized the mining town of Rubaya in North Kivu province on Thursday.\n\nSeparately, gunmen abducted fifteen farmers near Beni.",
			places:    []placeSpec{pRubaya, pKivu, pBeni},
			want: []wantIncident{
				{loc: "Rubaya", sub: geo.SubNonStateOvertakes, date: "2024-05-09", actor1: "M23 rebels"},
				{loc: "Beni", sub: geo.SubAbduction, count: ptr(15), unit: "farmers"},
			},
			exact: true,
		},
		{
			name:      "protest in a capital dispersed by police",
			published: friday,
			text:      "Thousands of protesters rallied in Nairobi on Tuesday against new taxes. Police fired tear gas to disperse them.",
			places:    []placeSpec{pNairobi},
			want:      []wantIncident{{loc: "Nairobi", sub: geo.SubProtestIntervention, date: "2024-05-07", count: ptr(1000), unit: "protesters"}},
			exact:     true,
		},
		{
			name:      "protesters shot dead",
			published: friday,
			text:      "Security forces shot dead two protesters during a demonstration in Dhaka on Monday.",
			places:    []placeSpec{pDhaka},
			want:      []wantIncident{{loc: "Dhaka", sub: geo.SubExcessiveForce, date: "2024-05-06"}},
			exact:     true,
		},
		{
			name:      "somalia roadside bomb yesterday",
			published: friday,
			text:      "A roadside bomb exploded in Mogadishu yesterday, killing two soldiers and wounding four others.",
			places:    []placeSpec{pMogadishu},
			want:      []wantIncident{{loc: "Mogadishu", sub: geo.SubRemoteExplosive, date: "2024-05-09", fatal: ptr(2), injured: ptr(4)}},
			exact:     true,
		},
		{
			name:      "afghanistan ied in a provincial capital",
			published: friday,
			text:      "An IED targeted a police vehicle in Lashkar Gah, the capital of Helmand province, on 3 May, officials said.",
			places:    []placeSpec{pLashkar, pHelmand},
			want:      []wantIncident{{loc: "Lashkar Gah", sub: geo.SubRemoteExplosive, date: "2024-05-03", timePrec: 1}},
			exact:     true,
		},
		{
			name:      "suicide bombing outranks the blast",
			published: friday,
			text:      "A suicide bomber blew himself up at a mosque in Peshawar, killing 17 worshippers, police said.",
			places:    []placeSpec{pPeshawar},
			want:      []wantIncident{{loc: "Peshawar", sub: geo.SubSuicideBomb, fatal: ptr(17)}},
			exact:     true,
		},
		{
			name:      "arrest with a count",
			published: friday,
			text:      "Police arrested 14 opposition activists in Harare on Monday.",
			places:    []placeSpec{pHarare},
			want:      []wantIncident{{loc: "Harare", sub: geo.SubArrests, date: "2024-05-06", count: ptr(14), unit: "opposition activists", actor1: ""}},
			exact:     true,
		},
		{
			name:      "venue of a statement is context only",
			published: friday,
			text:      "Speaking in Geneva, the UN envoy said Russian shelling of Kharkiv had killed four people.",
			places:    []placeSpec{pGeneva, pKharkiv},
			want:      []wantIncident{{loc: "Kharkiv", sub: geo.SubShelling, fatal: ptr(4), actor1: "Russia"}},
			exact:     true,
		},
		{
			name:      "alliance membership is context only",
			published: friday,
			text:      "Finland joined the alliance last year after decades of neutrality.",
			places:    []placeSpec{pFinland},
			exact:     true,
		},
		{
			name:      "origin of drones is not their location",
			published: friday,
			text:      "Drones launched from the Kursk region struck a fuel depot in Sumy overnight.",
			places:    []placeSpec{pKurskRU, pSumy},
			want:      []wantIncident{{loc: "Sumy", sub: geo.SubAirDroneStrike, date: "2024-05-10"}},
			exact:     true,
		},
		{
			name:      "habitual background makes no incident",
			published: friday,
			text:      "For months, rebels have attacked army positions across Ituri.",
			places:    []placeSpec{pIturi},
			exact:     true,
		},
		{
			name:      "ceasefire signed at a venue",
			published: friday,
			text:      "The two sides signed a ceasefire agreement in Doha on Wednesday.",
			places:    []placeSpec{pDoha},
			want:      []wantIncident{{loc: "Doha", sub: geo.SubAgreement, date: "2024-05-08"}},
			exact:     true,
		},
		{
			name:      "country-level incident when nothing narrower is named",
			published: friday,
			text:      "Fighting in Sudan has killed at least 150 people since Monday, the UN said.",
			places:    []placeSpec{pSudan},
			want:      []wantIncident{{loc: "Sudan", sub: geo.SubArmedClash, fatal: ptr(150)}},
			exact:     true,
		},
		{
			name:      "continuation sentence inherits the place",
			published: friday,
			text:      "Russian troops shelled Kherson on Sunday. The attack damaged a hospital and wounded a dozen people.",
			places:    []placeSpec{pKherson},
			want:      []wantIncident{{loc: "Kherson", sub: geo.SubShelling, date: "2024-05-05", injured: ptr(12), actor1: "Russian troops"}},
			exact:     true,
		},
		{
			name:      "two events in two clauses",
			published: friday,
			text:      "Clashes erupted in El Fasher on Thursday, while protesters rallied in Nairobi.",
			places:    []placeSpec{pElFasher, pNairobi},
			want: []wantIncident{
				{loc: "El Fasher", sub: geo.SubArmedClash, date: "2024-05-09"},
				{loc: "Nairobi", sub: geo.SubPeacefulProtest, date: "2024-05-09"},
			},
			exact: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := geo.Article{ID: 1, Title: tc.name, URL: "https://example.org/a", Published: mustTime(t, tc.published), Text: tc.text}
			incs := Extract(a, mentionsFor(t, tc.text, tc.places...))
			if tc.exact && len(incs) != len(tc.want) {
				t.Fatalf("got %d incidents, want %d:\n%s", len(incs), len(tc.want), dump(incs))
			}
			for _, w := range tc.want {
				checkIncident(t, incs, w)
			}
		})
	}
}

func checkIncident(t *testing.T, incs []geo.Incident, w wantIncident) {
	t.Helper()
	for _, in := range incs {
		if in.Location != w.loc || in.SubEventType != w.sub {
			continue
		}
		if in.EventType != geo.EventTypeOf(w.sub) {
			t.Errorf("%s: event type %q", w.loc, in.EventType)
		}
		if w.date != "" && in.EventDate != w.date {
			t.Errorf("%s: date %s, want %s", w.loc, in.EventDate, w.date)
		}
		if w.timePrec != 0 && in.TimePrecision != w.timePrec {
			t.Errorf("%s: time precision %d, want %d", w.loc, in.TimePrecision, w.timePrec)
		}
		checkInt(t, w.loc+" count", in.Count, w.count)
		if w.unit != "" && in.CountUnit != w.unit {
			t.Errorf("%s: unit %q, want %q", w.loc, in.CountUnit, w.unit)
		}
		checkInt(t, w.loc+" fatalities", in.Fatalities, w.fatal)
		checkInt(t, w.loc+" injured", in.Injured, w.injured)
		if w.actor1 != "" && in.Actor1 != w.actor1 {
			t.Errorf("%s: actor1 %q, want %q", w.loc, in.Actor1, w.actor1)
		}
		return
	}
	t.Errorf("no %s incident in %s:\n%s", w.sub, w.loc, dump(incs))
}

func checkInt(t *testing.T, what string, got, want *int) {
	t.Helper()
	if want == nil {
		return
	}
	if got == nil {
		t.Errorf("%s = nil, want %d", what, *want)
	} else if *got != *want {
		t.Errorf("%s = %d, want %d", what, *got, *want)
	}
}

// TestClaimedFatalities keeps one side's figure, marked as its claim.
func TestClaimedFatalities(t *testing.T) {
	text := "Ukrainian troops fought off Russian assaults near Kharkiv on Friday; the Ukrainian General Staff claimed 120 Russian soldiers were killed."
	a := geo.Article{Text: text, Published: mustTime(t, "2024-05-10T08:00:00Z")}
	incs := Extract(a, mentionsFor(t, text, pKharkiv))
	if len(incs) != 1 {
		t.Fatalf("want one incident, got:\n%s", dump(incs))
	}
	in := incs[0]
	if in.Fatalities == nil || *in.Fatalities != 120 || in.FatalitiesClaimedBy != "Ukrainian General Staff" {
		t.Errorf("fatalities %v claimed by %q, want 120 claimed by the Ukrainian General Staff", in.Fatalities, in.FatalitiesClaimedBy)
	}
}
