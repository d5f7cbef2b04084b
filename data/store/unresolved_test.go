package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

var (
	donetsk  = place{Name: "Donetsk Oblast", Country: "UA", Admin1: "05", Admin1Name: "Donetsk", GeonameID: 709716, Lat: 48.0, Lon: 37.8}
	kalynove = place{Name: "Kalynove", Country: "UA", Admin1: "05", Admin1Name: "Donetsk", GeonameID: 0, Lat: 48.1, Lon: 37.6}
)

// villageArticle reports shelling of Kalynove, a village the gazetteer
// lacks, so the incident sits at the region with precision 3.
func villageArticle(url string, day int) (IngestItem, string) {
	text := fmt.Sprintf("Shelling hit the village of Kalynove in the Donetsk region. Report %d.", day)
	a := geo.Article{Title: "Shelling " + url, URL: url, Text: text,
		Published: time.Date(2025, 6, day, 7, 0, 0, 0, time.UTC)}
	inc := incidentAt(donetsk, "2025-06-01", geo.SubShelling, "Shelling hit the village of Kalynove", text)
	inc.GeoPrecision = geo.PrecisionRegion
	start := strings.Index(text, "Kalynove")
	region := &geo.RegionRef{Name: "Donetsk Oblast", GeonameID: donetsk.GeonameID, FeatureCode: "ADM1",
		Country: "UA", Admin1: "05", Admin1Name: "Donetsk", Lat: donetsk.Lat, Lon: donetsk.Lon}
	return IngestItem{Article: a, Incidents: []geo.Incident{inc},
		Unresolved: []geo.Unresolved{{Text: "Kalynove", Start: start, End: start + len("Kalynove"), Region: region}}}, text
}

// MustIngestItem ingests one item and fails the test on error.
func MustIngestItem(tb testing.TB, s *Store, it IngestItem, opt IngestOptions) geo.IngestResult {
	tb.Helper()
	res, err := s.IngestOne(context.Background(), it, opt)
	if err != nil {
		tb.Fatalf("IngestOne(%q): %v", it.Article.Title, err)
	}
	return res
}

func TestNameKeyFoldsCaseApostrophesAndPunctuation(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Mar’inka", "marinka"},
		{"MAR'INKA", "marinka"},
		{"  Novo-Kalynove ", "novo kalynove"},
		{"Калинове", "калинове"},
		{"...", ""},
	} {
		if got := NameKey(tc.in); got != tc.want {
			t.Errorf("NameKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnresolvedNamesAreStoredAndGrouped(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	a, _ := villageArticle("https://example.org/1", 1)
	b, _ := villageArticle("https://example.org/2", 2)
	ra := MustIngestItem(t, s, a, IngestOptions{})
	rb := MustIngestItem(t, s, b, IngestOptions{})
	names, total, err := s.UnresolvedNames(ctx, UnresolvedFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if total != 1 || len(names) != 1 {
		t.Fatalf("UnresolvedNames = %+v (total %d), want one group", names, total)
	}
	got := names[0]
	if got.Name != "Kalynove" || got.Key != "kalynove" || got.Count != 2 ||
		!reflect.DeepEqual(got.Articles, []int64{ra.ArticleID, rb.ArticleID}) {
		t.Errorf("group = %+v, want Kalynove seen twice in both articles", got)
	}
	if got.Region == nil || got.Region.Admin1Name != "Donetsk" || got.Region.Lat != donetsk.Lat {
		t.Errorf("region = %+v, want Donetsk", got.Region)
	}
	ids, err := s.ArticlesNaming(ctx, []string{"KALYNOVE", "Elsewhere"})
	if err != nil || !reflect.DeepEqual(ids, []int64{ra.ArticleID, rb.ArticleID}) {
		t.Errorf("ArticlesNaming = %v, %v; want both articles", ids, err)
	}
}

func TestUnresolvedNamesPage(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	text := "Fighting near Aaa, Bbb and Ccc."
	var us []geo.Unresolved
	for _, n := range []string{"Aaa", "Bbb", "Ccc"} {
		i := strings.Index(text, n)
		us = append(us, geo.Unresolved{Text: n, Start: i, End: i + len(n)})
	}
	MustIngestItem(t, s, IngestItem{Article: geo.Article{Text: text, Published: time.Now().Add(-time.Hour)}, Unresolved: us}, IngestOptions{})
	page, total, err := s.UnresolvedNames(ctx, UnresolvedFilter{Limit: 2, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if total != 3 || len(page) != 2 || page[0].Name != "Bbb" || page[1].Name != "Ccc" || page[0].Region != nil {
		t.Errorf("page = %+v (total %d), want Bbb, Ccc of 3 with no region", page, total)
	}
	page, total, err = s.UnresolvedNames(ctx, UnresolvedFilter{Limit: 2, Offset: 10})
	if err != nil || total != 3 || len(page) != 0 {
		t.Errorf("past the end: %+v, %d, %v; want empty page of 3", page, total, err)
	}
}

func TestUnresolvedSpanMustMatchText(t *testing.T) {
	s := MustOpen(t)
	it, _ := villageArticle("https://example.org/bad", 1)
	it.Unresolved[0].End++
	_, err := s.IngestOne(context.Background(), it, IngestOptions{})
	assertField(t, err, "unresolved[0]")
	if n, _ := MustStats(t, s); n != 0 {
		t.Errorf("%d articles stored, want none: the ingest is one transaction", n)
	}
}

func TestReplaceFindingsMovesIncidentsAndKeepsCountsConsistent(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	a, text := villageArticle("https://example.org/1", 1)
	b, _ := villageArticle("https://example.org/2", 2)
	a.Incidents[0].Fatalities = intp(5)
	b.Incidents[0].Fatalities = intp(2)
	ra := MustIngestItem(t, s, a, IngestOptions{Merge: true})
	rb := MustIngestItem(t, s, b, IngestOptions{Merge: true})
	if rb.MergedCount != 1 {
		t.Fatalf("second report merged %d, want 1", rb.MergedCount)
	}
	if _, n := MustStats(t, s); n != 1 {
		t.Fatalf("%d incidents, want 1 merged", n)
	}

	// The village is now known: article a resolves to it.
	moved := incidentAt(kalynove, "2025-06-01", geo.SubShelling, "Shelling hit the village of Kalynove", text)
	moved.Fatalities = intp(5)
	a.Article.ID = ra.ArticleID
	a.Incidents, a.Unresolved = []geo.Incident{moved}, nil
	start := strings.Index(text, "Kalynove")
	a.Mentions = []geo.Mention{{Text: "Kalynove", Start: start, End: start + 8, Name: "Kalynove", Country: "UA",
		Admin1: "05", Lat: kalynove.Lat, Lon: kalynove.Lon, Precision: geo.PrecisionExact}}
	res, err := s.ReplaceFindings(ctx, a, IngestOptions{Merge: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Incidents) != 1 || res.Incidents[0].Lat != kalynove.Lat || res.Incidents[0].GeoPrecision != geo.PrecisionExact {
		t.Fatalf("re-resolved incidents = %+v, want one at Kalynove with precision 1", res.Incidents)
	}
	incs, total := MustIncidents(t, s, geo.IncidentFilter{Limit: 10})
	if total != 2 {
		t.Fatalf("%d incidents, want 2: the moved one and b's at the region", total)
	}
	for _, inc := range incs {
		if len(inc.Sources) != 1 {
			t.Errorf("incident %s has %d sources, want 1", inc.Location, len(inc.Sources))
		}
		if inc.Location == donetsk.Name && (inc.Fatalities == nil || *inc.Fatalities != 2) {
			t.Errorf("region incident keeps fatalities %v, want b's 2 only", inc.Fatalities)
		}
	}
	ms, err := s.ArticleMentions(ctx, ra.ArticleID)
	if err != nil || len(ms) != 1 || ms[0].Name != "Kalynove" {
		t.Errorf("mentions = %+v, %v; want Kalynove", ms, err)
	}
	names, _, err := s.UnresolvedNames(ctx, UnresolvedFilter{})
	if err != nil || len(names) != 1 || !reflect.DeepEqual(names[0].Articles, []int64{rb.ArticleID}) {
		t.Errorf("unresolved = %+v, %v; want Kalynove in b only", names, err)
	}

	// b too: the region incident loses its last source and goes.
	b.Article.ID = rb.ArticleID
	b.Incidents, b.Unresolved = []geo.Incident{moved}, nil
	if _, err := s.ReplaceFindings(ctx, b, IngestOptions{Merge: true}); err != nil {
		t.Fatal(err)
	}
	incs, total = MustIncidents(t, s, geo.IncidentFilter{Limit: 10})
	if total != 1 || len(incs[0].Sources) != 2 || incs[0].Location != "Kalynove" {
		t.Fatalf("incidents = %+v, want one at Kalynove reported by both", incs)
	}
}

func TestReplaceFindingsRefusesUnknownArticleOrOtherText(t *testing.T) {
	s := MustOpen(t)
	it, _ := villageArticle("https://example.org/1", 1)
	it.Article.ID = 42
	_, err := s.ReplaceFindings(context.Background(), it, IngestOptions{})
	assertCode(t, err, geo.ENotFound)
	res := MustIngestItem(t, s, it, IngestOptions{})
	it.Article.ID, it.Article.Text = res.ArticleID, "other text"
	it.Unresolved = nil
	_, err = s.ReplaceFindings(context.Background(), it, IngestOptions{})
	assertField(t, err, "text")
}

func TestReplaceFindingsKeepsIdsStable(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	it, text := villageArticle("https://example.org/1", 1)
	first := MustIngestItem(t, s, it, IngestOptions{Merge: true})
	oldID := first.Incidents[0].ID

	// The same findings again: the report merges back into its incident.
	it.Article.ID = first.ArticleID
	res, err := s.ReplaceFindings(ctx, it, IngestOptions{Merge: true})
	if err != nil || len(res.Incidents) != 1 || res.Incidents[0].ID != oldID {
		t.Fatalf("same findings: %+v, %v; want incident %d kept", res.Incidents, err, oldID)
	}

	// A new place: a new incident, never the old one's id.
	it.Incidents = []geo.Incident{incidentAt(kalynove, "2025-06-01", geo.SubShelling, "Shelling hit", text)}
	res, err = s.ReplaceFindings(ctx, it, IngestOptions{Merge: true})
	if err != nil || len(res.Incidents) != 1 || res.Incidents[0].ID == oldID {
		t.Fatalf("moved: %+v, %v; want a new id, not %d", res.Incidents, err, oldID)
	}
	if _, err := s.Incident(ctx, oldID); geo.ErrorCode(err) != geo.ENotFound {
		t.Errorf("old incident %d: %v, want not found", oldID, err)
	}
}
