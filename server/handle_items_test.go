package server

import (
	"context"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// TestItemsInvalidParameters sends one bad parameter per case and expects a
// 400 JSON body naming it; a client's mistake is never a 500.
func TestItemsInvalidParameters(t *testing.T) {
	deps := testDeps()
	deps.Store = sliceStore(sampleIncidents(5))
	s := mustServer(t, Config{}, deps)
	tests := []struct {
		name  string
		query string
		want  string // named in the description
	}{
		{"bbox with 3 values", "bbox=1,2,3", "bbox"},
		{"bbox with 5 values", "bbox=1,2,3,4,5", "bbox"},
		{"bbox with 6 values is 3D", "bbox=1,2,0,3,4,10", "6 numbers"},
		{"bbox with words", "bbox=a,b,c,d", "bbox"},
		{"bbox latitude out of range", "bbox=30,40,40,95", "latitudes"},
		{"bbox longitude out of range", "bbox=-190,40,40,50", "longitudes"},
		{"bbox empty", "bbox=", "bbox"},
		{"datetime malformed", "datetime=2024-04-35", "datetime"},
		{"datetime reversed interval", "datetime=2024-04-05/2024-04-01", "is after end"},
		{"limit zero", "limit=0", "limit"},
		{"limit negative", "limit=-1", "limit"},
		{"limit not a number", "limit=abc", "limit"},
		{"limit empty", "limit=", "limit"},
		{"offset negative", "offset=-5", "offset"},
		{"forged cursor", "cursor=abc", "cursor"},
		{"cursor whose offset would overflow the next link", "cursor=" + encodeCursor(pageCursor{"2024-04-01", 3, math.MaxInt - 5}), "cursor"},
		{"cursor past the offset bound", "cursor=" + encodeCursor(pageCursor{"2024-04-01", 3, maxOffset + 1}), "cursor"},
		{"offset that would overflow", "offset=9223372036854775807", "offset"},
		{"cursor and offset together", "cursor=" + encodeCursor(pageCursor{"2024-04-01", 3, 1}) + "&offset=2", "cursor"},
		{"unknown parameter", "colour=red", `"colour"`},
		{"parameter given twice", "limit=5&limit=6", "limit"},
		{"unknown event type", "event_type=Picnics", "event_type"},
		{"unknown sub-event type", "sub_event_type=Parade", "sub_event_type"},
		{"country neither a name nor a code", "country=Narnia", "country"},
		{"unsupported format", "f=xml", "f"},
		{"q too long", "q=" + strings.Repeat("x", 300), "q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(s, request{target: "/collections/incidents/items?" + tt.query})
			e := mustErrorBody(t, rec, http.StatusBadRequest, tt.want)
			if e.Code != geo.EInvalid {
				t.Fatalf("code = %q, want %q", e.Code, geo.EInvalid)
			}
		})
	}
}

func TestItemsNotFound(t *testing.T) {
	deps := testDeps()
	deps.Store = sliceStore(sampleIncidents(3))
	s := mustServer(t, Config{}, deps)
	tests := []struct{ name, target, want string }{
		{"unknown collection", "/collections/tanks/items", "tanks"},
		{"unknown collection description", "/collections/tanks", "tanks"},
		{"missing incident", "/collections/incidents/items/999", "999"},
		{"incident id that is not a number", "/collections/incidents/items/abc", "abc"},
		{"missing place", "/collections/places/items/5", "5"},
		{"missing region", "/collections/regions/items/UA.99", "UA.99"},
		{"unknown route", "/nowhere", "Not Found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustErrorBody(t, serve(s, request{target: tt.target}), http.StatusNotFound, tt.want)
		})
	}
}

func TestItemsIncidentsGeoJSON(t *testing.T) {
	deps := testDeps()
	incidents := sampleIncidents(7)
	deps.Store = sliceStore(incidents)
	s := mustServer(t, Config{}, deps)

	rec := serve(s, request{target: "/collections/incidents/items?limit=3&event_type=Battles,Explosions/Remote%20violence"})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != mediaGeoJSON {
		t.Fatalf("Content-Type = %q, want %q", ct, mediaGeoJSON)
	}
	var fc featureCollection
	mustJSON(t, rec, &fc)
	wantMatched := 0
	for _, in := range incidents {
		if in.EventType != geo.StrategicDevelopments {
			wantMatched++
		}
	}
	if fc.Type != "FeatureCollection" || fc.NumberMatched != wantMatched || fc.NumberReturned != 3 || len(fc.Features) != 3 {
		t.Fatalf("type %q matched %d returned %d features %d; want FeatureCollection %d 3 3",
			fc.Type, fc.NumberMatched, fc.NumberReturned, len(fc.Features), wantMatched)
	}
	if fc.TimeStamp != "2024-04-06T12:00:00Z" {
		t.Fatalf("timeStamp = %q", fc.TimeStamp)
	}
	byID := map[float64]geo.Incident{}
	for _, in := range incidents {
		byID[float64(in.ID)] = in
	}
	for _, f := range fc.Features {
		in, ok := byID[f.ID.(float64)]
		if !ok || f.Type != "Feature" || f.Geometry.Type != "Point" {
			t.Fatalf("bad feature %+v", f)
		}
		// RFC 7946: longitude first, numbers not strings.
		if c := f.Geometry.Coordinates; len(c) != 2 || c[0] != in.Lon || c[1] != in.Lat {
			t.Fatalf("coordinates %v, want [%v %v]", c, in.Lon, in.Lat)
		}
		p := f.Properties
		if p["event_type"] != in.EventType || p["event_date"] != in.EventDate || p["count"] != float64(*in.Count) ||
			p["count_unit"] != "drones" || p["fatalities"] != nil || p["admin1_name"] != "Donetsk" {
			t.Fatalf("properties %v do not match incident %+v", p, in)
		}
		for _, key := range []string{"id", "sub_event_type", "time_precision", "location", "geonameid", "feature_code",
			"country", "admin1", "admin2", "geo_precision", "injured", "actor1", "actor2", "quote", "sources"} {
			if _, ok := p[key]; !ok {
				t.Fatalf("property %q missing from %v", key, p)
			}
		}
		src := p["sources"].([]any)[0].(map[string]any)
		if src["title"] != "Report" || src["url"] != "https://example.org/a" || src["published"] != "2024-04-11T08:00:00Z" {
			t.Fatalf("source = %v", src)
		}
	}
	for _, l := range fc.Links {
		if l.Href == "" || l.Rel == "" || l.Type == "" || l.Title == "" {
			t.Fatalf("link lacks a member: %+v", l)
		}
	}
	if linkOf(fc.Links, relNext) == "" || linkOf(fc.Links, relSelf) == "" || linkOf(fc.Links, relCollection) == "" {
		t.Fatalf("links %+v lack next, self or collection", fc.Links)
	}
}

func TestItemsFormatNegotiation(t *testing.T) {
	deps := testDeps()
	deps.Store = sliceStore(sampleIncidents(2))
	s := mustServer(t, Config{}, deps)
	tests := []struct {
		name   string
		req    request
		wantCT string
	}{
		{"default is GeoJSON", request{target: "/collections/incidents/items"}, mediaGeoJSON},
		{"f=json", request{target: "/collections/incidents/items?f=json"}, mediaJSON},
		{"f=geojson", request{target: "/collections/incidents/items?f=geojson"}, mediaGeoJSON},
		{"Accept JSON", request{target: "/collections/incidents/items", headers: map[string]string{"Accept": "application/json"}}, mediaJSON},
		{"Accept GeoJSON and JSON", request{target: "/collections/incidents/items",
			headers: map[string]string{"Accept": "application/geo+json, application/json;q=0.9"}}, mediaGeoJSON},
		{"single feature as JSON", request{target: "/collections/incidents/items/1?f=json"}, mediaJSON},
		{"single feature", request{target: "/collections/incidents/items/1"}, mediaGeoJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serve(s, tt.req)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != tt.wantCT {
				t.Fatalf("status %d Content-Type %q, want 200 %q: %s", rec.Code, rec.Header().Get("Content-Type"), tt.wantCT, rec.Body)
			}
		})
	}
}

func TestItemsLimitClamped(t *testing.T) {
	deps := testDeps()
	var gotLimit int
	deps.Store = &fakeStore{IncidentsFn: func(_ context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
		gotLimit = f.Limit
		return nil, 0, nil
	}}
	s := mustServer(t, Config{}, deps)
	rec := serve(s, request{target: "/collections/incidents/items?limit=20000"})
	if rec.Code != http.StatusOK || gotLimit != limitMax {
		t.Fatalf("status %d, store limit %d; want 200 and %d", rec.Code, gotLimit, limitMax)
	}
}

func TestItemsFiltersReachTheStore(t *testing.T) {
	deps := testDeps()
	var got geo.IncidentFilter
	deps.Store = &fakeStore{IncidentsFn: func(_ context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
		got = f
		return nil, 0, nil
	}}
	s := mustServer(t, Config{}, deps)
	q := url.Values{
		"bbox": {"37,47,39,49"}, "datetime": {"2024-04-01/.."}, "event_type": {"Battles"},
		"sub_event_type": {"Armed clash"}, "country": {"ua,ru"}, "q": {" drones "},
	}
	rec := serve(s, request{target: "/collections/incidents/items?" + q.Encode()})
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if got.BBox == nil || *got.BBox != (geo.BBox{West: 37, South: 47, East: 39, North: 49}) ||
		got.From == nil || !got.From.Equal(*day("2024-04-01")) || got.To != nil ||
		strings.Join(got.EventType, "|") != "Battles" || strings.Join(got.SubEventType, "|") != "Armed clash" ||
		strings.Join(got.Country, "|") != "UA|RU" || got.Q != "drones" || got.Limit != limitDefault {
		t.Fatalf("store got filter %+v", got)
	}
}

// TestItemsNextLinkRoundTrip follows next links from the first page to the
// last and expects every incident exactly once, in store order, and prev
// links on later pages.
func TestItemsNextLinkRoundTrip(t *testing.T) {
	deps := testDeps()
	incidents := sampleIncidents(23)
	deps.Store = sliceStore(incidents)
	s := mustServer(t, Config{}, deps)

	seen := map[float64]bool{}
	target := "/collections/incidents/items?limit=5&country=UA"
	pages := 0
	for target != "" {
		rec := serve(s, request{target: target})
		if rec.Code != http.StatusOK {
			t.Fatalf("page %d (%s): status %d: %s", pages, target, rec.Code, rec.Body)
		}
		var fc featureCollection
		mustJSON(t, rec, &fc)
		if fc.NumberMatched != len(incidents) {
			t.Fatalf("numberMatched %d, want %d", fc.NumberMatched, len(incidents))
		}
		for _, f := range fc.Features {
			id := f.ID.(float64)
			if seen[id] {
				t.Fatalf("incident %v returned twice", id)
			}
			seen[id] = true
		}
		if pages > 0 && linkOf(fc.Links, relPrev) == "" {
			t.Fatalf("page %d has no prev link", pages)
		}
		next := linkOf(fc.Links, relNext)
		if next != "" {
			u, err := url.Parse(next)
			if err != nil || u.Query().Get("country") != "UA" || u.Query().Get("limit") != "5" {
				t.Fatalf("next link %q lost the filters", next)
			}
			target = u.RequestURI()
		} else {
			target = ""
		}
		pages++
		if pages > 10 {
			t.Fatal("next links do not end")
		}
	}
	if len(seen) != len(incidents) || pages != 5 {
		t.Fatalf("saw %d incidents in %d pages, want %d in 5", len(seen), pages, len(incidents))
	}
}

func TestItemsPlacesAndRegions(t *testing.T) {
	deps := testDeps()
	deps.Store = &fakeStore{
		PlacesFn: func(context.Context, geo.IncidentFilter) ([]geo.PlaceCount, error) {
			return []geo.PlaceCount{
				{Place: geo.Place{ID: 1, Name: "Vodiane", Country: "UA", Lat: 48.09, Lon: 37.63}, Key: "p48090,37630", Incidents: 3, LastSeen: "2024-04-05", ByType: map[string]int{geo.Battles: 3}},
				{Place: geo.Place{ID: 2, Name: "Avdiivka", Country: "UA", Lat: 48.14, Lon: 37.74}, Key: "g713122", Incidents: 1, LastSeen: "2024-04-02"},
			}, nil
		},
		RegionsFn: func(context.Context, geo.IncidentFilter) ([]geo.RegionCount, error) {
			return []geo.RegionCount{{Country: "UA", Admin1: "05", Admin1Name: "Donetsk", Lat: 48, Lon: 37.8, Incidents: 4,
				ByType: map[string]int{geo.Battles: 4}, LastSeen: "2024-04-05"}}, nil
		},
	}
	s := mustServer(t, Config{}, deps)

	rec := serve(s, request{target: "/collections/places/items?limit=1"})
	var fc featureCollection
	mustJSON(t, rec, &fc)
	if rec.Code != 200 || fc.NumberMatched != 2 || fc.NumberReturned != 1 || fc.Features[0].Properties["name"] != "Vodiane" {
		t.Fatalf("places page: status %d %s", rec.Code, rec.Body)
	}
	next, err := url.Parse(linkOf(fc.Links, relNext))
	if err != nil || next.Query().Get("offset") != "1" {
		t.Fatalf("places next link %q", linkOf(fc.Links, relNext))
	}
	rec = serve(s, request{target: next.RequestURI()})
	fc = featureCollection{}
	mustJSON(t, rec, &fc)
	if fc.NumberReturned != 1 || fc.Features[0].Properties["name"] != "Avdiivka" || linkOf(fc.Links, relNext) != "" {
		t.Fatalf("second places page: %s", rec.Body)
	}
	if byType, ok := fc.Features[0].Properties["by_type"].(map[string]any); !ok || len(byType) != 0 {
		t.Fatalf("by_type should be an empty object, got %v", fc.Features[0].Properties["by_type"])
	}

	rec = serve(s, request{target: "/collections/regions/items/UA.05"})
	var region struct {
		ID         string         `json:"id"`
		Properties map[string]any `json:"properties"`
		Links      []link         `json:"links"`
	}
	mustJSON(t, rec, &region)
	if rec.Code != 200 || region.ID != "UA.05" || region.Properties["incidents"] != float64(4) || linkOf(region.Links, relSelf) == "" {
		t.Fatalf("region: status %d %s", rec.Code, rec.Body)
	}
	rec = serve(s, request{target: "/collections/places/items/g713122"})
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"Avdiivka"`) {
		t.Fatalf("place g713122: status %d %s", rec.Code, rec.Body)
	}
}

func TestItemsStoreFailureIsInternalAndHidden(t *testing.T) {
	deps := testDeps()
	deps.Store = &fakeStore{IncidentsFn: func(context.Context, geo.IncidentFilter) ([]geo.Incident, int, error) {
		return nil, 0, errSecret
	}}
	s := mustServer(t, Config{}, deps)
	rec := serve(s, request{target: "/collections/incidents/items"})
	e := mustErrorBody(t, rec, http.StatusInternalServerError, "internal")
	if strings.Contains(rec.Body.String(), "secret") || e.Code != geo.EInternal {
		t.Fatalf("internal detail leaked: %s", rec.Body)
	}
}

var errSecret = &secretError{}

type secretError struct{}

func (*secretError) Error() string { return "store: secret path /var/db is locked" }

// FuzzItemsQuery sends arbitrary query strings to items: whatever the
// client sends, the answer is 200 or a 4xx JSON error, never a 500.
func FuzzItemsQuery(f *testing.F) {
	for _, q := range []string{"bbox=1,2,3,4", "datetime=2024-04-01/..", "limit=5&offset=3", "cursor=abc", "f=json&q=x", "%zz", "event_type=Battles&country=ua"} {
		f.Add(q)
	}
	deps := testDeps()
	deps.Store = sliceStore(sampleIncidents(20))
	s := mustServer(f, Config{}, deps)
	f.Fuzz(func(t *testing.T, q string) {
		u := &url.URL{Path: "/collections/incidents/items", RawQuery: q}
		req := newRequest(http.MethodGet, "/", nil)
		req.URL = u
		req.RequestURI = u.RequestURI()
		rec := serveHTTP(s, req)
		if rec.Code >= 500 {
			t.Fatalf("query %q: status %d: %s", q, rec.Code, rec.Body)
		}
	})
}

func TestItemsBBoxAcrossTheAntimeridian(t *testing.T) {
	incidents := sampleIncidents(3)
	incidents[0].Lon, incidents[0].Lat = 179.5, -16.5  // Fiji, west of the line
	incidents[1].Lon, incidents[1].Lat = -179.5, -16.2 // east of the line
	deps := testDeps()
	deps.Store = sliceStore(incidents)
	s := mustServer(t, Config{}, deps)
	rec := serve(s, request{target: "/collections/incidents/items?bbox=179,-17,-179,-16"})
	var fc featureCollection
	mustJSON(t, rec, &fc)
	if rec.Code != http.StatusOK || fc.NumberReturned != 2 {
		t.Fatalf("status %d, %d features; want both sides of the antimeridian: %s", rec.Code, fc.NumberReturned, rec.Body)
	}
}

// TestEveryNextLinkIsAccepted follows next links from cursors near the
// offset bound: a link the server writes must be one it accepts.
func TestEveryNextLinkIsAccepted(t *testing.T) {
	deps := testDeps()
	deps.Store = &fakeStore{IncidentsFn: func(_ context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
		return sampleIncidents(f.Limit), math.MaxInt, nil
	}}
	s := mustServer(t, Config{}, deps)
	for _, off := range []int{0, maxOffset - 15, maxOffset - 10, maxOffset - 3, maxOffset} {
		target := "/collections/incidents/items?limit=10&cursor=" + encodeCursor(pageCursor{"2024-04-10", 99, off})
		rec := serve(s, request{target: target})
		if rec.Code != http.StatusOK {
			t.Fatalf("offset %d: %d %s", off, rec.Code, rec.Body)
		}
		var fc featureCollection
		mustJSON(t, rec, &fc)
		next := linkOf(fc.Links, "next")
		if next == "" {
			continue
		}
		if rec := serve(s, request{target: next}); rec.Code != http.StatusOK {
			t.Fatalf("next link of offset %d refused: %d %s", off, rec.Code, rec.Body)
		}
	}
}
