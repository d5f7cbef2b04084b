package storetest

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

var merge = contract.IngestOptions{Merge: true}

func testIngestStores(t *testing.T, open Opener) {
	s, _ := open(t)
	ctx := context.Background()
	start := len("Overnight, drones struck ")
	k := Kharkiv
	mention := geo.Mention{Text: "Kharkiv", Start: start, End: start + len("Kharkiv"), Name: k.Name,
		GeonameID: k.GeonameID, FeatureCode: "PPLA", Country: k.Country, Admin1: k.Admin1,
		Admin1Name: k.Admin1Name, Lat: k.Lat, Lon: k.Lon, Precision: 1, Confidence: 0.9}
	a := DroneArticle("https://example.org/a")
	res, err := s.IngestOne(ctx, contract.IngestItem{Article: a, Mentions: []geo.Mention{mention}, Incidents: DroneIncidents()}, merge)
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicate || res.NewCount != 2 || res.MergedCount != 0 || len(res.Incidents) != 2 {
		t.Fatalf("result = %+v, want 2 new incidents", res)
	}
	for i, inc := range res.Incidents {
		want := DroneIncidents()[i]
		want.ID = inc.ID
		want.Sources = []geo.Source{{ArticleID: res.ArticleID, Title: a.Title, URL: a.URL, Published: a.Published}}
		if !reflect.DeepEqual(inc, want) {
			t.Errorf("incident %d =\n%+v\nwant\n%+v", i, inc, want)
		}
	}
	got, err := s.Article(ctx, res.ArticleID)
	a.ID = res.ArticleID
	if err != nil || !reflect.DeepEqual(got, a) {
		t.Errorf("Article = %+v, %v; want %+v", got, err, a)
	}
	mentions, err := s.ArticleMentions(ctx, res.ArticleID)
	if err != nil || !reflect.DeepEqual(mentions, []geo.Mention{mention}) {
		t.Errorf("ArticleMentions = %+v, %v; want %+v", mentions, err, mention)
	}
	one, err := s.Incident(ctx, res.Incidents[1].ID)
	if err != nil || !reflect.DeepEqual(one, res.Incidents[1]) {
		t.Errorf("Incident = %+v, %v; want %+v", one, err, res.Incidents[1])
	}
	if _, err := s.Article(ctx, res.ArticleID+100); geo.ErrorCode(err) != geo.ENotFound {
		t.Errorf("Article of a missing id: %v, want not found", err)
	}
	if _, err := s.ArticleMentions(ctx, res.ArticleID+100); geo.ErrorCode(err) != geo.ENotFound {
		t.Errorf("ArticleMentions of a missing id: %v, want not found", err)
	}
}

func testIngestDuplicates(t *testing.T, open Opener) {
	tests := []struct {
		name          string
		first, second geo.Article
	}{
		{"same URL, other text", DroneArticle("https://example.org/a"),
			geo.Article{Title: "Updated", URL: "https://example.org/a", Text: "A corrected text."}},
		{"no URL, same text with other white space", DroneArticle(""),
			geo.Article{Title: "Pasted again", Text: "  Overnight,  drones struck\nKharkiv.\tAir defence downed 44 drones over Odesa.\n"}},
		{"other URL, same text", DroneArticle("https://example.org/a"),
			geo.Article{Title: "Syndicated", URL: "https://mirror.example.org/a", Text: DroneText}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := open(t)
			first := mustIngest(t, s, tt.first, DroneIncidents(), merge)
			second := mustIngest(t, s, tt.second, nil, merge)
			if !second.Duplicate || second.ArticleID != first.ArticleID {
				t.Fatalf("second ingest = %+v, want duplicate of article %d", second, first.ArticleID)
			}
			if !reflect.DeepEqual(second.Incidents, first.Incidents) {
				t.Errorf("duplicate's incidents = %+v, want the stored %+v", second.Incidents, first.Incidents)
			}
			if a, n := mustStats(t, s); a != 1 || n != 2 {
				t.Errorf("Stats = %d articles, %d incidents; want 1, 2", a, n)
			}
		})
	}
}

func testIngestDistinctPastedTexts(t *testing.T, open Opener) {
	s, _ := open(t)
	mustIngest(t, s, geo.Article{Text: "First pasted text."}, nil, contract.IngestOptions{})
	if res := mustIngest(t, s, geo.Article{Text: "Second pasted text."}, nil, contract.IngestOptions{}); res.Duplicate {
		t.Fatal("two different texts without URL were taken as duplicates")
	}
	if a, _ := mustStats(t, s); a != 2 {
		t.Errorf("articles = %d, want 2", a)
	}
}

func testIngestRollsBack(t *testing.T, open Opener) {
	s, _ := open(t)
	incs := DroneIncidents()
	bad := incs[0]
	bad.SubEventType = geo.SubArmedClash // belongs to Battles, not Explosions
	_, err := s.IngestOne(context.Background(), contract.IngestItem{Article: DroneArticle("https://example.org/a"),
		Incidents: []geo.Incident{incs[0], bad, incs[1]}}, merge)
	assertCode(t, err, geo.EInvalid)
	assertField(t, err, "incidents[1].sub_event_type")
	if a, n := mustStats(t, s); a != 0 || n != 0 {
		t.Fatalf("after failed ingest: %d articles, %d incidents; want nothing written", a, n)
	}
	res := mustIngest(t, s, DroneArticle("https://example.org/a"), DroneIncidents(), merge)
	if res.Duplicate || res.NewCount != 2 {
		t.Errorf("retry = %+v, want a new article with 2 incidents", res)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.IngestOne(ctx, contract.IngestItem{Article: DroneArticle("https://example.org/b")}, merge); err == nil {
		t.Error("ingest with a cancelled context succeeded")
	}
	if a, _ := mustStats(t, s); a != 1 {
		t.Errorf("%d articles after a cancelled ingest, want 1", a)
	}
}

func testIngestValidation(t *testing.T, open Opener) {
	s, _ := open(t)
	tests := []struct {
		name  string
		edit  func(a *geo.Article, m *geo.Mention, inc *geo.Incident, u *geo.Unresolved)
		field string
	}{
		{"empty text", func(a *geo.Article, _ *geo.Mention, _ *geo.Incident, _ *geo.Unresolved) { a.Text = " \n" }, "text"},
		{"unknown event type", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident, _ *geo.Unresolved) { i.EventType = "Skirmish" }, "incidents[0].event_type"},
		{"impossible date", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident, _ *geo.Unresolved) { i.EventDate = "2025-02-30" }, "incidents[0].event_date"},
		{"latitude too big", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident, _ *geo.Unresolved) { i.Lat = 90.5 }, "incidents[0].lat"},
		{"longitude NaN", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident, _ *geo.Unresolved) { i.Lon = math.NaN() }, "incidents[0].lon"},
		{"negative fatalities", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident, _ *geo.Unresolved) { i.Fatalities = IntP(-1) }, "incidents[0].fatalities"},
		{"quote past the text", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident, _ *geo.Unresolved) {
			i.QuoteEnd = len(DroneText) + 1
		}, "incidents[0].quote_start"},
		{"mention text differs from span", func(_ *geo.Article, m *geo.Mention, _ *geo.Incident, _ *geo.Unresolved) { m.Text = "Kyiv" }, "mentions[0].text"},
		{"mention longitude", func(_ *geo.Article, m *geo.Mention, _ *geo.Incident, _ *geo.Unresolved) { m.Lon = 181 }, "mentions[0].lon"},
		{"unresolved span", func(_ *geo.Article, _ *geo.Mention, _ *geo.Incident, u *geo.Unresolved) { u.Text = "Kyiv" }, "unresolved[0]"},
		{"published in the future", func(a *geo.Article, _ *geo.Mention, _ *geo.Incident, _ *geo.Unresolved) {
			a.Published = time.Now().AddDate(1, 0, 0)
		}, "published"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := DroneArticle("")
			m := geo.Mention{Text: "Overnight", Start: 0, End: len("Overnight"), Lat: 1, Lon: 1}
			u := geo.Unresolved{Text: "Overnight", Start: 0, End: len("Overnight")}
			inc := DroneIncidents()[0]
			tt.edit(&a, &m, &inc, &u)
			_, err := s.IngestOne(context.Background(), contract.IngestItem{Article: a, Mentions: []geo.Mention{m},
				Incidents: []geo.Incident{inc}, Unresolved: []geo.Unresolved{u}}, contract.IngestOptions{})
			assertCode(t, err, geo.EInvalid)
			assertField(t, err, tt.field)
			if n, _ := mustStats(t, s); n != 0 {
				t.Errorf("%d articles stored after a rejected ingest", n)
			}
		})
	}
}

func testIngestCounts(t *testing.T, open Opener) {
	s, _ := open(t)
	res := mustIngest(t, s, DroneArticle(""), DroneIncidents(), contract.IngestOptions{Merge: true, Counts: true})
	if res.NewCount != 2 || res.Incidents == nil || len(res.Incidents) != 0 {
		t.Errorf("Counts result = %+v, want 2 new and no incidents read back", res)
	}
}

func testIngestBatch(t *testing.T, open Opener) {
	s, _ := open(t)
	ctx := context.Background()
	pub := time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)
	good := func(url, text string) contract.IngestItem {
		a, inc := report(text, Kharkiv, "2024-04-05", geo.SubAirDroneStrike)
		a.URL, a.Published = url, pub
		return contract.IngestItem{Article: a, Incidents: []geo.Incident{inc}}
	}
	bad := good("https://example.org/bad", "A bad one")
	bad.Incidents[0].SubEventType = "Not a sub-event type"
	items := []contract.IngestItem{
		good("https://example.org/1", "First article"), bad,
		good("https://example.org/2", "Second article"),
		good("https://example.org/1", "First article again, same URL"),
	}
	v0, _ := s.Version(ctx)
	res, errs, err := s.IngestBatch(ctx, items, merge)
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] != nil || errs[2] != nil || errs[3] != nil || errs[1] == nil {
		t.Fatalf("errs = %v, want only the second article to fail", errs)
	}
	assertField(t, errs[1], "incidents[0].sub_event_type")
	if !res[3].Duplicate || res[3].ArticleID != res[0].ArticleID {
		t.Errorf("a repeat within the batch = %+v, want the first article as duplicate", res[3])
	}
	if res[2].MergedCount != 1 {
		t.Errorf("second article = %+v, want its incident merged into the first's", res[2])
	}
	if a, n := mustStats(t, s); a != 2 || n != 1 {
		t.Fatalf("stored %d articles, %d incidents; want 2, 1", a, n)
	}
	if v1, _ := s.Version(ctx); v1 <= v0 {
		t.Errorf("version %d after a batch, was %d: want it moved on", v1, v0)
	}
}

// testConcurrentSameArticle races writers on two handles (two servers)
// with the same article: one stores it, the others see a duplicate.
func testConcurrentSameArticle(t *testing.T, open Opener) {
	s, again := open(t)
	other := again()
	ctx := context.Background()
	a, inc := report("Same", Kharkiv, "2024-04-05", geo.SubAirDroneStrike)
	a.URL = "https://example.org/same"
	const writers = 8
	var wg sync.WaitGroup
	results := make([]geo.IngestResult, writers)
	errs := make([]error, writers)
	for w := range writers {
		st := s
		if w%2 == 1 {
			st = other
		}
		wg.Go(func() {
			results[w], errs[w] = st.IngestOne(ctx, contract.IngestItem{Article: a, Incidents: []geo.Incident{inc}}, merge)
		})
	}
	wg.Wait()
	fresh := 0
	for w := range writers {
		if errs[w] != nil {
			t.Fatal(errs[w])
		}
		if !results[w].Duplicate {
			fresh++
		}
	}
	if articles, incidents := mustStats(t, s); fresh != 1 || articles != 1 || incidents != 1 {
		t.Fatalf("%d ingests stored it; %d articles, %d incidents stored; want 1, 1, 1", fresh, articles, incidents)
	}
}

// testConcurrentMerge races different articles reporting one event through
// two handles: they merge into one incident with every source.
func testConcurrentMerge(t *testing.T, open Opener) {
	s, again := open(t)
	other := again()
	ctx := context.Background()
	const writers = 6
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for w := range writers {
		st := s
		if w%2 == 1 {
			st = other
		}
		a, inc := report(fmt.Sprintf("Report %d", w), Pokrovsk, "2025-03-03", geo.SubShelling)
		wg.Go(func() {
			_, errs[w] = st.IngestOne(ctx, contract.IngestItem{Article: a, Incidents: []geo.Incident{inc}}, merge)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	incs, total := mustIncidents(t, s, geo.IncidentFilter{})
	if total != 1 || len(incs[0].Sources) != writers {
		t.Fatalf("%d incidents, first with %d sources; want 1 with %d", total, len(incs[0].Sources), writers)
	}
}

func testMerge(t *testing.T, open Opener) {
	s, _ := open(t)
	a1, i1 := report("First", Pokrovsk, "2025-03-03", geo.SubShelling)
	a1.Published = time.Date(2025, 3, 3, 10, 0, 0, 0, time.UTC)
	i1.Count, i1.CountUnit, i1.Fatalities, i1.FatalitiesClaimedBy = IntP(3), "shells", IntP(2), "police"
	a2, i2 := report("Second", Pokrovsk, "2025-03-03", geo.SubShelling)
	a2.Published = time.Date(2025, 3, 3, 8, 0, 0, 0, time.UTC) // earlier: listed first
	i2.Count, i2.CountUnit, i2.Fatalities, i2.FatalitiesClaimedBy = IntP(12), "", IntP(1), "army"
	i2.Injured, i2.Actor1 = IntP(5), "Russian forces"
	first := mustIngest(t, s, a1, []geo.Incident{i1}, merge)
	second := mustIngest(t, s, a2, []geo.Incident{i2}, merge)
	if second.MergedCount != 1 || second.NewCount != 0 || second.Incidents[0].ID != first.Incidents[0].ID {
		t.Fatalf("second report = %+v, want merged into incident %d", second, first.Incidents[0].ID)
	}
	got := second.Incidents[0]
	if *got.Count != 12 || got.CountUnit != "shells" || *got.Fatalities != 2 || got.FatalitiesClaimedBy != "police" ||
		got.Injured == nil || *got.Injured != 5 || got.Actor1 != "Russian forces" {
		t.Errorf("merged = count %v %q, fatalities %v by %q, injured %v, actor1 %q; want 12 shells, 2 by police, 5, Russian forces",
			*got.Count, got.CountUnit, *got.Fatalities, got.FatalitiesClaimedBy, got.Injured, got.Actor1)
	}
	if len(got.Sources) != 2 || got.Sources[0].Title != "Second" || got.Sources[1].Title != "First" {
		t.Errorf("sources = %+v, want Second then First (by publication)", got.Sources)
	}
	if incs, _ := mustIncidents(t, s, geo.IncidentFilter{Q: "second"}); len(incs) != 1 {
		t.Errorf("Q=second found %d incidents, want the merged one: its search text learns the new title", len(incs))
	}
}

// Within one article, a second report of an event merges into the
// incident the first just made, and a report of another event merging
// into a stored incident merges there, alone or in a batch.
func testMergeWithinArticle(t *testing.T, open Opener) {
	s, _ := open(t)
	ctx := context.Background()
	_, stored := report("Earlier", Kharkiv, "2025-03-03", geo.SubShelling)
	mustIngest(t, s, geo.Article{Title: "Earlier", Text: "Earlier: an incident in Kharkiv."}, []geo.Incident{stored}, merge)
	text := "Two reports: an incident in Pokrovsk, and again an incident in Pokrovsk; also an incident in Kharkiv."
	first := IncidentAt(Pokrovsk, "2025-03-03", geo.SubShelling, "an incident in Pokrovsk", text)
	again := IncidentAt(Pokrovsk, "2025-03-03", geo.SubShelling, "again an incident in Pokrovsk", text)
	again.Count = IntP(4)
	kharkiv := IncidentAt(Kharkiv, "2025-03-03", geo.SubShelling, "an incident in Kharkiv", text)
	check := func(res geo.IngestResult, how string) {
		t.Helper()
		if res.NewCount != 1 || res.MergedCount != 2 || len(res.Incidents) != 2 {
			t.Fatalf("%s: %d new, %d merged, %d incidents; want 1 new (Pokrovsk), 2 merged", how,
				res.NewCount, res.MergedCount, len(res.Incidents))
		}
		if p := res.Incidents[0]; p.Location != Pokrovsk.Name || p.Count == nil || *p.Count != 4 {
			t.Errorf("%s: first incident %s with count %v, want Pokrovsk with the second report's 4", how, p.Location, p.Count)
		}
		if k := res.Incidents[1]; k.Location != Kharkiv.Name || len(k.Sources) != 2 {
			t.Errorf("%s: second incident %s with %d sources, want Kharkiv with 2", how, k.Location, len(k.Sources))
		}
	}
	check(mustIngest(t, s, geo.Article{Title: "Both", Text: text}, []geo.Incident{first, again, kharkiv}, merge), "alone")
	other := "Later: " + text
	shift := len("Later: ")
	for _, inc := range []*geo.Incident{&first, &again, &kharkiv} {
		inc.QuoteStart, inc.QuoteEnd = inc.QuoteStart+shift, inc.QuoteEnd+shift
		inc.EventDate = "2025-03-04"
	}
	results, errs, err := s.IngestBatch(ctx, []contract.IngestItem{{Article: geo.Article{Title: "Later", Text: other},
		Incidents: []geo.Incident{first, again, kharkiv}}}, merge)
	if err != nil || errs[0] != nil {
		t.Fatalf("batch: %v %v", err, errs)
	}
	if r := results[0]; r.NewCount != 2 || r.MergedCount != 1 {
		t.Errorf("batch, a day later: %d new, %d merged; want Pokrovsk and Kharkiv new, the second Pokrovsk report merged", r.NewCount, r.MergedCount)
	}
	if _, n := mustStats(t, s); n != 4 {
		t.Errorf("%d incidents, want 4: Kharkiv and Pokrovsk on each of two days", n)
	}
}

func testNoMerge(t *testing.T, open Opener) {
	s, _ := open(t)
	a1, i1 := report("First", Pokrovsk, "2025-03-03", geo.SubShelling)
	a2, i2 := report("Second", Pokrovsk, "2025-03-03", geo.SubShelling)
	mustIngest(t, s, a1, []geo.Incident{i1}, contract.IngestOptions{})
	res := mustIngest(t, s, a2, []geo.Incident{i2}, contract.IngestOptions{})
	if res.NewCount != 1 {
		t.Errorf("without merge: %+v, want a new incident", res)
	}
	if _, n := mustStats(t, s); n != 2 {
		t.Errorf("%d incidents, want 2", n)
	}
}
