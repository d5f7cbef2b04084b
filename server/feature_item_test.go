package server

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/export"
	"github.com/paulmach/orb/geojson"
)

// oddTexts are strings an article may carry that JSON must escape, or that
// must never reach a page as HTML.
var oddTexts = []string{
	"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rcr", "\x00\x01\x1f control",
	"<script>alert(1)</script>", "a & b > c < d", "Київ — Харків", "emoji 🚀", "\u2028line\u2029sep",
	"bad utf-8 \xff\xfe", "\x1fsep", "'single'",
}

// randomIncident is an incident with odd texts, optional numbers and
// sources.
func randomIncident(rng *rand.Rand) geo.Incident {
	text := func() string { return oddTexts[rng.IntN(len(oddTexts))] + oddTexts[rng.IntN(len(oddTexts))] }
	opt := func() *int {
		if rng.IntN(2) == 0 {
			return nil
		}
		n := rng.IntN(1000) - 10
		return &n
	}
	in := geo.Incident{
		ID: rng.Int64N(1 << 40), EventType: text(), SubEventType: text(), EventDate: "2025-01-02",
		TimePrecision: 1 + rng.IntN(3), Location: text(), GeonameID: rng.Int64N(1 << 30), FeatureCode: text(),
		Country: text(), Admin1: text(), Admin1Name: text(), Admin2: text(), GeoPrecision: 1 + rng.IntN(3),
		Lat: rng.Float64()*180 - 90, Lon: rng.Float64()*360 - 180, Count: opt(), CountUnit: text(),
		Fatalities: opt(), Injured: opt(), Actor1: text(), Actor2: text(), Quote: text(),
		QuoteStart: rng.IntN(100), QuoteEnd: rng.IntN(100), FatalitiesClaimedBy: text(),
	}
	if rng.IntN(5) == 0 {
		in.Lat, in.Lon = 1e-7*rng.Float64(), -3e-9
	}
	for range rng.IntN(3) {
		src := geo.Source{ArticleID: rng.Int64N(1000), Title: text(), URL: text()}
		if rng.IntN(2) == 0 {
			src.Published = time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
		}
		in.Sources = append(in.Sources, src)
	}
	return in
}

// The incident item is written byte for byte as orb's feature with its
// links as an extra member, through writeJSON, wrote it: HTML characters
// in the properties and links stay escaped.
func TestIncidentItemJSONMatchesOrb(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		in := randomIncident(rng)
		links := []link{
			{"http://h/collections/incidents/items/1?a=1&b=<2>", relSelf, mediaGeoJSON, text(oddTexts, i)},
			{"http://h/collections/incidents", relCollection, mediaJSON, "Incidents"},
		}
		f := export.Feature(in)
		f.ExtraMembers = geojson.Properties{"links": links}
		var want bytes.Buffer
		if err := newJSONEncoder(&want).Encode(f); err != nil {
			t.Fatal(err)
		}
		got, err := incidentItemJSON(export.Feature(in), links)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("incident %d:\n got %s\nwant %s", i, got, want.Bytes())
		}
		if bytes.ContainsAny(got, "<>&") {
			t.Fatalf("incident %d: HTML characters unescaped: %s", i, got)
		}
	}
}

func text(list []string, i int) string { return list[i%len(list)] }

// BenchmarkIncidentItemJSON encodes one incident with its links, as GET
// /collections/incidents/items/{id} does.
func BenchmarkIncidentItemJSON(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	in := randomIncident(rng)
	links := []link{{"http://h/collections/incidents/items/1", relSelf, mediaGeoJSON, "This feature"}}
	for b.Loop() {
		if _, err := incidentItemJSON(export.Feature(in), links); err != nil {
			b.Fatal(err)
		}
	}
}
