package web

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// xssQuote is article text that would run script if the page ever parsed
// data as HTML.
const xssQuote = `<img src=x onerror=alert(1)>`

// fakeIncident is one fixture incident; it becomes a GeoJSON feature.
type fakeIncident struct {
	ID           int64
	EventType    string
	SubEventType string
	Date         string
	Location     string
	Country      string
	Admin1Name   string
	Lat, Lon     float64
	GeoPrecision int
	Count        *int
	CountUnit    string
	Fatalities   *int
	Quote        string
	SourceURL    string
}

func intp(n int) *int { return &n }

// fixtureIncidents are spread so that none cluster at zoom 5 around
// (48, 35): one per event type, in five countries, one region-only.
func fixtureIncidents() []fakeIncident {
	return []fakeIncident{
		{ID: 1, EventType: "Battles", SubEventType: "Armed clash", Date: "2024-04-05", Location: "Kharkiv", Country: "UA", Admin1Name: "Kharkivska", Lat: 49.99, Lon: 36.23, GeoPrecision: 1, Fatalities: intp(3),
			Quote: "Fighting was reported near Kharkiv " + xssQuote + " overnight.", SourceURL: "https://news.example.org/kharkiv"},
		{ID: 2, EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike", Date: "2024-04-06", Location: "Odesa", Country: "UA", Admin1Name: "Odeska", Lat: 46.48, Lon: 30.73, GeoPrecision: 1, Count: intp(12), CountUnit: "drones",
			Quote: "Twelve drones struck the port of Odesa.", SourceURL: "javascript:alert(2)"},
		{ID: 3, EventType: "Strategic developments", SubEventType: "Disrupted weapons use", Date: "2024-04-07", Location: "Moscow", Country: "RU", Admin1Name: "Moscow", Lat: 55.76, Lon: 37.62, GeoPrecision: 2,
			Quote: "Air defence downed drones approaching Moscow.", SourceURL: "http://news.example.org/moscow"},
		{ID: 4, EventType: "Protests", SubEventType: "Peaceful protest", Date: "2024-04-03", Location: "Tbilisi", Country: "GE", Admin1Name: "Tbilisi", Lat: 41.72, Lon: 44.79, GeoPrecision: 1,
			Quote: "Thousands marched in Tbilisi.", SourceURL: "https://news.example.org/tbilisi"},
		{ID: 5, EventType: "Violence against civilians", SubEventType: "Attack", Date: "2024-04-04", Location: "Zaporizhzhia Oblast", Country: "UA", Admin1Name: "Zaporizka", Lat: 47.6, Lon: 35.4, GeoPrecision: 3,
			Quote: "Civilians were attacked somewhere in Zaporizhzhia Oblast.", SourceURL: "https://news.example.org/zap"},
		{ID: 6, EventType: "Riots", SubEventType: "Mob violence", Date: "2024-04-02", Location: "Minsk", Country: "BY", Admin1Name: "Minsk City", Lat: 53.9, Lon: 27.56, GeoPrecision: 1,
			Quote: "A crowd clashed with guards in Minsk.", SourceURL: "https://news.example.org/minsk"},
	}
}

func (in fakeIncident) feature() map[string]any {
	return map[string]any{
		"type":     "Feature",
		"id":       in.ID,
		"geometry": map[string]any{"type": "Point", "coordinates": []float64{in.Lon, in.Lat}},
		"properties": map[string]any{
			"id": in.ID, "event_type": in.EventType, "sub_event_type": in.SubEventType,
			"event_date": in.Date, "time_precision": 1, "location": in.Location, "geonameid": 0,
			"feature_code": "PPL", "country": in.Country, "admin1": "", "admin1_name": in.Admin1Name,
			"admin2": "", "geo_precision": in.GeoPrecision, "count": in.Count, "count_unit": in.CountUnit,
			"fatalities": in.Fatalities, "injured": nil, "actor1": nil, "actor2": nil,
			"quote": in.Quote, "quote_start": 0, "quote_end": len(in.Quote),
			"sources": []map[string]any{{"article_id": in.ID, "title": "Report on " + in.Location, "url": in.SourceURL, "published": in.Date + "T00:00:00Z"}},
		},
	}
}

// fakeAPI serves the page plus the subset of the HTTP API it calls, and
// records the queries and posts it receives so tests can assert on them.
type fakeAPI struct {
	mu           sync.Mutex
	incidents    []fakeIncident
	itemQueries  []url.Values
	placePosts   []map[string]any
	articlePosts []map[string]any
	authRequired bool
	placeAuth    []string // Authorization header of each place post
}

func newFakeAPI() *fakeAPI {
	return &fakeAPI{incidents: fixtureIncidents()}
}

// itemQueriesCopy returns the recorded incidents item queries.
func (f *fakeAPI) itemQueriesCopy() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.itemQueries)
}

// handler serves static at / with the page's CSP, and the fake API.
func (f *fakeAPI) handler(static fs.FS) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /collections/incidents/items", f.items)
	mux.HandleFunc("GET /collections/places/items", f.aggregates("place"))
	mux.HandleFunc("GET /collections/regions/items", f.aggregates("region"))
	mux.HandleFunc("GET /api/timeline", f.timeline)
	mux.HandleFunc("GET /api/unresolved", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"names": []any{}, "numberMatched": 0, "numberReturned": 0})
	})
	mux.HandleFunc("GET /api/config", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		auth := f.authRequired
		f.mu.Unlock()
		writeJSON(w, http.StatusOK, map[string]any{"tile_url": "", "tile_attribution": "", "version": "test", "auth_required": auth})
	})
	mux.HandleFunc("GET /basemap/countries.geojson", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, fakeCountries())
	})
	mux.HandleFunc("GET /api/gazetteer", f.gazetteerSearch)
	mux.HandleFunc("POST /api/gazetteer", f.gazetteerAdd)
	mux.HandleFunc("POST /api/articles", f.ingest)
	registerFakeMapData(mux)
	mux.Handle("GET /", http.FileServerFS(static))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'")
		mux.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// matches applies the filters the page sends: bbox, datetime, event_type,
// country and q.
func (in fakeIncident) matches(q url.Values) bool {
	if bbox := q.Get("bbox"); bbox != "" {
		var b [4]float64
		for i, part := range strings.Split(bbox, ",") {
			if i < 4 {
				b[i], _ = strconv.ParseFloat(part, 64)
			}
		}
		if in.Lon < b[0] || in.Lat < b[1] || in.Lon > b[2] || in.Lat > b[3] {
			return false
		}
	}
	if dt := q.Get("datetime"); dt != "" {
		from, to, _ := strings.Cut(dt, "/")
		if from != ".." && from != "" && in.Date < from || to != ".." && to != "" && in.Date > to {
			return false
		}
	}
	if types := q.Get("event_type"); types != "" && !slices.Contains(strings.Split(types, ","), in.EventType) {
		return false
	}
	if cs := q.Get("country"); cs != "" && !slices.Contains(strings.Split(cs, ","), in.Country) {
		return false
	}
	if text := q.Get("q"); text != "" && !strings.Contains(strings.ToLower(in.Quote), strings.ToLower(text)) {
		return false
	}
	return true
}

func (f *fakeAPI) matching(q url.Values) []fakeIncident {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []fakeIncident
	for _, in := range f.incidents {
		if in.matches(q) {
			out = append(out, in)
		}
	}
	return out
}

func (f *fakeAPI) items(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f.mu.Lock()
	f.itemQueries = append(f.itemQueries, q)
	f.mu.Unlock()
	found := f.matching(q)
	features := make([]map[string]any, 0, len(found))
	for _, in := range found {
		features = append(features, in.feature())
	}
	w.Header().Set("Content-Type", "application/geo+json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"type": "FeatureCollection", "features": features,
		"numberMatched": len(features), "numberReturned": len(features), "links": []any{},
	})
}

func (f *fakeAPI) aggregates(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		features := []map[string]any{}
		for _, in := range f.matching(r.URL.Query()) {
			props := map[string]any{"country": in.Country, "admin1_name": in.Admin1Name, "incidents": 1,
				"last_seen": in.Date, "by_type": map[string]int{in.EventType: 1}}
			if kind == "place" {
				props["name"] = in.Location
			}
			features = append(features, map[string]any{"type": "Feature",
				"geometry": map[string]any{"type": "Point", "coordinates": []float64{in.Lon, in.Lat}}, "properties": props})
		}
		writeJSON(w, http.StatusOK, map[string]any{"type": "FeatureCollection", "features": features})
	}
}

func (f *fakeAPI) timeline(w http.ResponseWriter, r *http.Request) {
	counts := map[string]int{}
	for _, in := range f.matching(r.URL.Query()) {
		counts[in.Date]++
	}
	days := make([]string, 0, len(counts))
	for d := range counts {
		days = append(days, d)
	}
	slices.Sort(days)
	out := make([]map[string]any, 0, len(days))
	for _, d := range days {
		out = append(out, map[string]any{"date": d, "count": counts[d]})
	}
	writeJSON(w, http.StatusOK, out)
}

// fakeCountries is two boxes standing in for Natural Earth polygons.
func fakeCountries() map[string]any {
	box := func(code, name string, w, s, e, n float64) map[string]any {
		ring := [][]float64{{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}
		return map[string]any{"type": "Feature", "properties": map[string]any{"iso_a2": code, "name": name},
			"geometry": map[string]any{"type": "Polygon", "coordinates": [][][]float64{ring}}}
	}
	return map[string]any{"type": "FeatureCollection", "features": []any{
		box("UA", "Ukraine", 22.1, 44.4, 40.2, 52.4),
		box("BY", "Belarus", 23.2, 51.3, 32.8, 56.2),
	}}
}

var fakePlaces = []map[string]any{
	{"id": 1, "geonameid": 706483, "name": "Kharkiv", "feature_code": "PPLA", "country": "UA", "admin1": "07", "admin1_name": "Kharkivska", "lat": 49.98081, "lon": 36.25272, "population": 1430885},
	{"id": 2, "geonameid": 706482, "name": "Kharkiv Oblast", "feature_code": "ADM1", "country": "UA", "admin1": "07", "admin1_name": "Kharkivska", "lat": 49.5, "lon": 36.5, "population": 0},
}

func (f *fakeAPI) gazetteerSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.ToLower(r.URL.Query().Get("q"))
	out := []map[string]any{}
	for _, p := range fakePlaces {
		if strings.HasPrefix(strings.ToLower(p["name"].(string)), q) {
			out = append(out, p)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (f *fakeAPI) gazetteerAdd(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"code": "invalid", "description": "body: " + err.Error()})
		return
	}
	f.mu.Lock()
	f.placePosts = append(f.placePosts, body)
	f.placeAuth = append(f.placeAuth, r.Header.Get("Authorization"))
	f.mu.Unlock()
	if lat, _ := body["lat"].(float64); lat < -90 || lat > 90 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"code": "invalid", "description": "lat: must be between -90 and 90"})
		return
	}
	if name, _ := body["name"].(string); name == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"code": "invalid", "description": "name: must not be empty"})
		return
	}
	body["id"] = 99
	writeJSON(w, http.StatusCreated, body)
}

// ingest finds the fixture names in the text by byte offset, as the real
// geoparser reports them, and stores one incident per article.
func (f *fakeAPI) ingest(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Title, URL, Published, Text string
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"code": "invalid", "description": "body: " + err.Error()})
		return
	}
	if strings.TrimSpace(body.Text) == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"code": "invalid", "description": "text: must not be empty"})
		return
	}
	type place struct {
		name     string
		lat, lon float64
	}
	mentions := []map[string]any{}
	var first *place
	for _, p := range []place{{"Харків", 49.99, 36.23}, {"Odesa", 46.48, 30.73}} {
		at := strings.Index(body.Text, p.name)
		if at < 0 {
			continue
		}
		if first == nil {
			first = &p
		}
		mentions = append(mentions, map[string]any{"text": p.name, "start": at, "end": at + len(p.name),
			"name": p.name, "country": "UA", "admin1_name": "", "lat": p.lat, "lon": p.lon, "precision": 1})
	}
	features := []map[string]any{}
	f.mu.Lock()
	f.articlePosts = append(f.articlePosts, map[string]any{"title": body.Title, "text": body.Text})
	if first != nil {
		in := fakeIncident{ID: int64(100 + len(f.articlePosts)), EventType: "Battles", SubEventType: "Armed clash",
			Date: "2024-04-08", Location: first.name, Country: "UA", Lat: first.lat + 0.3, Lon: first.lon + 0.3,
			GeoPrecision: 1, Quote: body.Text, SourceURL: body.URL}
		f.incidents = append(f.incidents, in)
		features = append(features, in.feature())
	}
	id := len(f.articlePosts)
	f.mu.Unlock()
	writeJSON(w, http.StatusCreated, map[string]any{"article_id": id, "duplicate": false, "mentions": mentions,
		"incidents": map[string]any{"type": "FeatureCollection", "features": features}})
}

// String makes a recorded query readable in failure messages.
func queryString(qs []url.Values) string {
	parts := make([]string, len(qs))
	for i, q := range qs {
		parts[i] = fmt.Sprintf("%d:%s", i, q.Encode())
	}
	return strings.Join(parts, "\n")
}
