package store

import (
	"context"
	"fmt"
	"github.com/incidentmap/incidentmap/data/storetest"
	"math"
	"reflect"
	"sync"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

const droneText = storetest.DroneText

var (
	droneArticle   = storetest.DroneArticle
	droneIncidents = storetest.DroneIncidents
)

func TestIngestStoresArticleMentionsAndIncidents(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	start := len("Overnight, drones struck ")
	k := kharkiv
	mention := geo.Mention{Text: "Kharkiv", Start: start, End: start + len("Kharkiv"), Name: k.Name,
		GeonameID: k.GeonameID, FeatureCode: "PPLA", Country: k.Country, Admin1: k.Admin1,
		Admin1Name: k.Admin1Name, Lat: k.Lat, Lon: k.Lon, Precision: 1, Confidence: 0.9}
	a := droneArticle("https://example.org/a")
	res, err := s.Ingest(ctx, a, []geo.Mention{mention}, droneIncidents(), IngestOptions{Merge: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicate || res.NewCount != 2 || res.MergedCount != 0 || len(res.Incidents) != 2 {
		t.Fatalf("result = %+v, want 2 new incidents", res)
	}
	for i, inc := range res.Incidents {
		want := droneIncidents()[i]
		want.ID = inc.ID
		want.Sources = []geo.Source{{ArticleID: res.ArticleID, Title: a.Title, URL: a.URL, Published: a.Published}}
		if !reflect.DeepEqual(inc, want) {
			t.Errorf("incident %d =\n%+v\nwant\n%+v", i, inc, want)
		}
	}
	got, err := s.Article(ctx, res.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	a.ID = res.ArticleID
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Article = %+v, want %+v", got, a)
	}
	mentions, err := s.ArticleMentions(ctx, res.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(mentions, []geo.Mention{mention}) {
		t.Errorf("ArticleMentions = %+v, want %+v", mentions, mention)
	}
	one, err := s.Incident(ctx, res.Incidents[1].ID)
	if err != nil || !reflect.DeepEqual(one, res.Incidents[1]) {
		t.Errorf("Incident = %+v, %v; want %+v", one, err, res.Incidents[1])
	}
}

func TestIngestDuplicates(t *testing.T) {
	tests := []struct {
		name   string
		first  geo.Article
		second geo.Article
	}{
		{"same URL, other text", droneArticle("https://example.org/a"),
			geo.Article{Title: "Updated", URL: "https://example.org/a", Text: "A corrected text."}},
		{"no URL, same text with other white space", droneArticle(""),
			geo.Article{Title: "Pasted again", Text: "  Overnight,  drones struck\nKharkiv.\tAir defence downed 44 drones over Odesa.\n"}},
		{"other URL, same text", droneArticle("https://example.org/a"),
			geo.Article{Title: "Syndicated", URL: "https://mirror.example.org/a", Text: droneText}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			first := MustIngest(t, s, tt.first, droneIncidents(), IngestOptions{Merge: true})
			second := MustIngest(t, s, tt.second, nil, IngestOptions{Merge: true})
			if !second.Duplicate || second.ArticleID != first.ArticleID {
				t.Fatalf("second ingest = %+v, want duplicate of article %d", second, first.ArticleID)
			}
			if !reflect.DeepEqual(second.Incidents, first.Incidents) {
				t.Errorf("duplicate's incidents = %+v, want the stored %+v", second.Incidents, first.Incidents)
			}
			if a, n := MustStats(t, s); a != 1 || n != 2 {
				t.Errorf("Stats = %d articles, %d incidents; want 1, 2", a, n)
			}
		})
	}
}

func TestIngestDistinctArticlesWithoutURL(t *testing.T) {
	s := MustOpen(t)
	MustIngest(t, s, geo.Article{Text: "First pasted text."}, nil, IngestOptions{})
	res := MustIngest(t, s, geo.Article{Text: "Second pasted text."}, nil, IngestOptions{})
	if res.Duplicate {
		t.Fatal("two different texts without URL were taken as duplicates")
	}
	if a, _ := MustStats(t, s); a != 2 {
		t.Errorf("articles = %d, want 2", a)
	}
}

func TestIngestRollsBackOnInvalidIncident(t *testing.T) {
	s := MustOpen(t)
	incs := droneIncidents()
	bad := incs[0]
	bad.SubEventType = geo.SubArmedClash // belongs to Battles, not Explosions
	incs = []geo.Incident{incs[0], bad, incs[1]}
	_, err := s.Ingest(context.Background(), droneArticle("https://example.org/a"), nil, incs, IngestOptions{Merge: true})
	assertCode(t, err, geo.EInvalid)
	assertField(t, err, "incidents[1].sub_event_type")
	if a, n := MustStats(t, s); a != 0 || n != 0 {
		t.Fatalf("after failed ingest: %d articles, %d incidents; want nothing written", a, n)
	}
	// The article was not half-stored, so it is not a duplicate now.
	res := MustIngest(t, s, droneArticle("https://example.org/a"), droneIncidents(), IngestOptions{Merge: true})
	if res.Duplicate || res.NewCount != 2 {
		t.Errorf("retry = %+v, want a new article with 2 incidents", res)
	}
}

func TestIngestRollsBackOnCancelledContext(t *testing.T) {
	s := MustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Ingest(ctx, droneArticle(""), nil, droneIncidents(), IngestOptions{}); err == nil {
		t.Fatal("ingest with a cancelled context succeeded")
	}
	if a, n := MustStats(t, s); a != 0 || n != 0 {
		t.Errorf("%d articles, %d incidents written; want none", a, n)
	}
}

func TestIngestValidation(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(a *geo.Article, m *geo.Mention, inc *geo.Incident)
		field string
	}{
		{"empty text", func(a *geo.Article, _ *geo.Mention, _ *geo.Incident) { a.Text = " \n" }, "text"},
		{"unknown event type", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.EventType = "Skirmish" }, "incidents[0].event_type"},
		{"sub-type of another type", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.SubEventType = geo.SubArrests }, "incidents[0].sub_event_type"},
		{"date with time", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.EventDate = "2025-06-01T10:00" }, "incidents[0].event_date"},
		{"impossible date", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.EventDate = "2025-02-30" }, "incidents[0].event_date"},
		{"latitude too big", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.Lat = 90.5 }, "incidents[0].lat"},
		{"longitude NaN", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.Lon = math.NaN() }, "incidents[0].lon"},
		{"negative fatalities", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.Fatalities = intp(-1) }, "incidents[0].fatalities"},
		{"time precision 4", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.TimePrecision = 4 }, "incidents[0].time_precision"},
		{"quote past the text", func(_ *geo.Article, _ *geo.Mention, i *geo.Incident) { i.QuoteEnd = len(droneText) + 1 }, "incidents[0].quote_start"},
		{"mention span past the text", func(_ *geo.Article, m *geo.Mention, _ *geo.Incident) { m.End = len(droneText) + 5 }, "mentions[0]"},
		{"mention text differs from span", func(_ *geo.Article, m *geo.Mention, _ *geo.Incident) { m.Text = "Kyiv" }, "mentions[0].text"},
		{"mention longitude", func(_ *geo.Article, m *geo.Mention, _ *geo.Incident) { m.Lon = 181 }, "mentions[0].lon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			a := droneArticle("")
			m := geo.Mention{Text: "Overnight", Start: 0, End: len("Overnight"), Lat: 1, Lon: 1}
			inc := droneIncidents()[0]
			tt.edit(&a, &m, &inc)
			_, err := s.Ingest(context.Background(), a, []geo.Mention{m}, []geo.Incident{inc}, IngestOptions{})
			assertCode(t, err, geo.EInvalid)
			assertField(t, err, tt.field)
			if n, _ := MustStats(t, s); n != 0 {
				t.Errorf("%d articles stored after a rejected ingest", n)
			}
		})
	}
}

func TestIngestConcurrentWritersAndReaders(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	const writers = 8
	var wg sync.WaitGroup
	errs := make(chan error, 2*writers)
	for w := range writers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			text := fmt.Sprintf("Report %d: drones struck Kharkiv.", w)
			inc := incidentAt(kharkiv, fmt.Sprintf("2025-06-%02d", w+1), geo.SubAirDroneStrike, "drones struck Kharkiv", text)
			_, err := s.Ingest(ctx, geo.Article{Title: fmt.Sprint(w), Text: text}, nil, []geo.Incident{inc}, IngestOptions{Merge: true})
			errs <- err
		}()
		go func() {
			defer wg.Done()
			_, _, err := s.Incidents(ctx, geo.IncidentFilter{Country: []string{"UA"}})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if a, n := MustStats(t, s); a != writers || n != writers {
		t.Errorf("Stats = %d, %d; want %d articles and incidents", a, n, writers)
	}
}
