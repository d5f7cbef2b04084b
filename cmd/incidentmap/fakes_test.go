package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// fakeStore keeps articles and incidents in memory with the paging rules
// of the real store (newest event date first, then id descending).
type fakeStore struct {
	mu         sync.Mutex
	path       string
	articles   map[string]int64 // by URL, else by text
	incidents  []geo.Incident
	places     []geo.Place
	filters    []geo.IncidentFilter
	ingested   []geo.Article
	failTitles map[string]bool
	fullAfter  int // when > 0, a batch that would pass this many articles fails as a full disk
	closed     bool
}

func newFakeStore() *fakeStore {
	return &fakeStore{articles: map[string]int64{}, failTitles: map[string]bool{}}
}

func (s *fakeStore) IngestBatch(ctx context.Context, items []processed, merge, counts bool) ([]geo.IngestResult, []error, error) {
	if s.fullAfter > 0 && len(s.ingested)+len(items) > s.fullAfter {
		return nil, nil, geo.Errorf(geo.EStorageFull, "the store's disk is full: nothing more can be stored until space is freed")
	}
	res := make([]geo.IngestResult, len(items))
	errs := make([]error, len(items))
	for i, it := range items {
		res[i], errs[i] = s.Ingest(ctx, it, merge)
	}
	return res, errs, nil
}

func (s *fakeStore) Ingest(ctx context.Context, p processed, merge bool) (geo.IngestResult, error) {
	a, ms, incs := p.Article, p.Mentions, p.Incidents
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failTitles[a.Title] {
		return geo.IngestResult{}, errors.New("store: disk I/O error")
	}
	key := a.URL
	if key == "" {
		key = a.Text
	}
	if id, ok := s.articles[key]; ok {
		return geo.IngestResult{ArticleID: id, Duplicate: true}, nil
	}
	id := int64(len(s.articles) + 1)
	s.articles[key] = id
	s.ingested = append(s.ingested, a)
	res := geo.IngestResult{ArticleID: id, Mentions: ms}
	for _, inc := range incs {
		inc.ID = int64(len(s.incidents) + 1)
		inc.Sources = []geo.Source{{ArticleID: id, Title: a.Title, URL: a.URL, Published: a.Published}}
		s.incidents = append(s.incidents, inc)
		res.Incidents = append(res.Incidents, inc)
		res.NewCount++
	}
	return res, nil
}

func (s *fakeStore) Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.filters = append(s.filters, f)
	all := append([]geo.Incident(nil), s.incidents...)
	sort.Slice(all, func(i, j int) bool {
		if all[i].EventDate != all[j].EventDate {
			return all[i].EventDate > all[j].EventDate
		}
		return all[i].ID > all[j].ID
	})
	var matched []geo.Incident
	for _, inc := range all {
		if len(f.Country) > 0 && !containsString(f.Country, inc.Country) {
			continue
		}
		matched = append(matched, inc)
	}
	total := len(matched)
	if f.After != nil {
		for len(matched) > 0 {
			m := matched[0]
			if m.EventDate < f.After.EventDate || (m.EventDate == f.After.EventDate && m.ID < f.After.ID) {
				break
			}
			matched = matched[1:]
		}
	}
	if f.Limit > 0 && len(matched) > f.Limit {
		matched = matched[:f.Limit]
	}
	return matched, total, nil
}

func (s *fakeStore) AddPlaces(ctx context.Context, ps []geo.Place) ([]geo.Place, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []geo.Place
	for _, p := range ps {
		p.ID = geo.UserIDBase + int64(len(s.places)) + 1
		s.places = append(s.places, p)
		out = append(out, p)
	}
	return out, nil
}

func (s *fakeStore) UserPlaces(ctx context.Context) ([]geo.Place, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]geo.Place(nil), s.places...), nil
}

func (s *fakeStore) Close() error { s.closed = true; return nil }

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// fakePipeline makes one incident per line that mentions "drone", dated by
// the article's published day and placed in the country named after
// "country=" on that line (UA by default).
type fakePipeline struct{}

func (fakePipeline) Process(a geo.Article) processed {
	var incs []geo.Incident
	for line := range strings.Lines(a.Text) {
		if !strings.Contains(line, "drone") {
			continue
		}
		country := "UA"
		if _, after, ok := strings.Cut(line, "country="); ok && len(after) >= 2 {
			country = after[:2]
		}
		incs = append(incs, geo.Incident{
			EventType: geo.StrategicDevelopments, SubEventType: geo.SubDisruptedWeapons,
			EventDate: a.Published.Format(time.DateOnly), TimePrecision: geo.TimeDay,
			Location: "Testville", Country: country, Lat: 48.5, Lon: 35.1,
			GeoPrecision: geo.PrecisionExact, Quote: strings.TrimSpace(line),
		})
	}
	return processed{Article: a, Incidents: incs}
}

type fakeGazetteer struct{ user []geo.Place }

func (g fakeGazetteer) Search(q string, limit int) []geo.Place {
	var out []geo.Place
	for _, p := range append([]geo.Place{{ID: 1, GeonameID: 703448, Name: "Kyiv", FeatureCode: "PPLC", Country: "UA", Lat: 50.45, Lon: 30.52, Population: 2797553}}, g.user...) {
		if strings.EqualFold(p.Name, q) && len(out) < limit {
			out = append(out, p)
		}
	}
	return out
}

func (fakeGazetteer) BuildInfo() string { return "fake gazetteer 2024-01-01" }

type fakeGeoparser struct{}

// Parse finds "Kyiv", and "Ukrainian" as a demonym of Ukraine.
func (fakeGeoparser) Parse(text string) []geo.Mention {
	var out []geo.Mention
	if i := strings.Index(text, "Ukrainian"); i >= 0 {
		p := geo.Place{Name: "Ukraine", FeatureCode: "PCLI", Country: "UA", Lat: 49, Lon: 32}
		m := geo.MentionOf(text, i, i+len("Ukrainian"), &p, geo.PrecisionRegion, 0.9)
		m.Kind = geo.KindDemonym
		out = append(out, m)
	}
	if i := strings.Index(text, "Kyiv"); i >= 0 {
		p := geo.Place{Name: "Kyiv", GeonameID: 703448, FeatureCode: "PPLC", Country: "UA", Lat: 50.45, Lon: 30.52}
		out = append(out, geo.MentionOf(text, i, i+4, &p, geo.PrecisionExact, 0.9))
	}
	return out
}

func (g fakeGeoparser) Geoparse(text string) geo.Geoparse {
	places := g.Parse(text)
	if places == nil {
		places = []geo.Mention{}
	}
	return geo.Geoparse{Places: places, Unresolved: []geo.Unresolved{}}
}

func (g fakeGeoparser) Explain(text string) []geo.Mention {
	ms := g.Parse(text)
	for i := range ms {
		ms[i].Weighed = []geo.Weighed{{Name: ms[i].Name, Score: 1, Chosen: true, Evidence: map[string]float64{"population_log10": 1}}}
	}
	return ms
}

type fakeServer struct {
	opts   serverOptions
	opened bool
	closed bool
}

func (s *fakeServer) Open() error                     { s.opened = true; return nil }
func (s *fakeServer) URL() string                     { return "http://" + s.opts.Config.Addr + "/" }
func (s *fakeServer) Close(ctx context.Context) error { s.closed = true; return nil }

// testApp is an app over fakes with captured output.
type testApp struct {
	*app
	store          *fakeStore
	server         *fakeServer
	env            map[string]string
	stdout, stderr *bytes.Buffer
	openedPaths    []string
	demo           []geo.Article
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	ta := &testApp{store: newFakeStore(), env: map[string]string{}, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ta.app = &app{
		ctx:     ctx,
		getenv:  func(k string) string { return ta.env[k] },
		stdin:   strings.NewReader(""),
		stdout:  ta.stdout,
		stderr:  ta.stderr,
		version: "v9.9.9-test",
		deps: deps{
			openStore: func(path string) (store, error) {
				ta.openedPaths = append(ta.openedPaths, path)
				ta.store.path = path
				return ta.store, nil
			},
			loadGazetteer: func(user []geo.Place, _ bool) (gazetteer, error) { return fakeGazetteer{user: user}, nil },
			newPipeline:   func(gazetteer) (pipeline, error) { return fakePipeline{}, nil },
			newGeoparser:  func(gazetteer) (geoparser, error) { return fakeGeoparser{}, nil },
			countryHolds: func() (func(string, float64, float64) bool, error) {
				return func(code string, lat, lon float64) bool { return false }, nil
			},
			newServer: func(opts serverOptions) (server, error) {
				ta.server = &fakeServer{opts: opts}
				return ta.server, nil
			},
			gazetteerInfo: func() (string, error) { return "GeoNames cities500 2024-01-01", nil },
			demoArticles:  func() ([]geo.Article, error) { return ta.demo, nil },
			readGeoNames: func(r io.Reader, fn func(geo.Place) error, bad func(int, error)) (int, error) {
				b, _ := io.ReadAll(r)
				n, malformed := 0, 0
				for line := range strings.Lines(string(b)) {
					n++
					cols := strings.Split(strings.TrimSpace(line), "\t")
					if len(cols) < 2 {
						malformed++
						bad(n, errors.New("too few columns"))
						continue
					}
					if err := fn(geo.Place{Name: cols[1], Country: "UA", Lat: 1, Lon: 2}); err != nil {
						return malformed, err
					}
				}
				return malformed, nil
			},
		},
	}
	return ta
}

// cancelled makes the app's context done, as after SIGTERM.
func (ta *testApp) cancelled() *testApp {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ta.app.ctx = ctx
	return ta
}

func (ta *testApp) runArgs(args ...string) int { return ta.app.run(args) }
