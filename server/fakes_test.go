package server

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// fakeStore is an IncidentStore made of func fields; a nil field answers
// empty.
type fakeStore struct {
	IncidentsFn   func(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error)
	IncidentFn    func(ctx context.Context, id int64) (geo.Incident, error)
	PlacesFn      func(ctx context.Context, f geo.IncidentFilter) ([]geo.PlaceCount, error)
	PlaceFn       func(ctx context.Context, key string) (geo.PlaceCount, error)
	RegionsFn     func(ctx context.Context, f geo.IncidentFilter) ([]geo.RegionCount, error)
	DailyCountsFn func(ctx context.Context, f geo.IncidentFilter) ([]DayCount, error)
	ExtentFn      func(ctx context.Context) (geo.BBox, string, string, int, error)
}

var _ IncidentStore = (*fakeStore)(nil)

func (s *fakeStore) Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
	if s.IncidentsFn == nil {
		return nil, 0, nil
	}
	return s.IncidentsFn(ctx, f)
}

func (s *fakeStore) Incident(ctx context.Context, id int64) (geo.Incident, error) {
	if s.IncidentFn == nil {
		return geo.Incident{}, geo.Errorf(geo.ENotFound, "no incident %d", id)
	}
	return s.IncidentFn(ctx, id)
}

func (s *fakeStore) Places(ctx context.Context, f geo.IncidentFilter) ([]geo.PlaceCount, error) {
	if s.PlacesFn == nil {
		return nil, nil
	}
	return s.PlacesFn(ctx, f)
}

// Place answers from PlaceFn, or else finds the key among all Places.
func (s *fakeStore) Place(ctx context.Context, key string) (geo.PlaceCount, error) {
	if s.PlaceFn != nil {
		return s.PlaceFn(ctx, key)
	}
	all, err := s.Places(ctx, geo.IncidentFilter{})
	if err != nil {
		return geo.PlaceCount{}, err
	}
	for _, pc := range all {
		if pc.Key == key {
			return pc, nil
		}
	}
	return geo.PlaceCount{}, geo.Errorf(geo.ENotFound, "no place %q", key)
}

func (s *fakeStore) Regions(ctx context.Context, f geo.IncidentFilter) ([]geo.RegionCount, error) {
	if s.RegionsFn == nil {
		return nil, nil
	}
	return s.RegionsFn(ctx, f)
}

func (s *fakeStore) DailyCounts(ctx context.Context, f geo.IncidentFilter) ([]DayCount, error) {
	if s.DailyCountsFn == nil {
		return nil, nil
	}
	return s.DailyCountsFn(ctx, f)
}

func (s *fakeStore) Extent(ctx context.Context) (geo.BBox, string, string, int, error) {
	if s.ExtentFn == nil {
		return geo.BBox{}, "", "", 0, nil
	}
	return s.ExtentFn(ctx)
}

// fakeIngester is an Ingester made of a func field.
type fakeIngester struct {
	IngestFn func(ctx context.Context, a geo.Article) (geo.IngestResult, error)
}

var _ Ingester = (*fakeIngester)(nil)

func (f *fakeIngester) Ingest(ctx context.Context, a geo.Article) (geo.IngestResult, error) {
	if f.IngestFn == nil {
		return geo.IngestResult{}, geo.Errorf(geo.EInternal, "no ingester")
	}
	return f.IngestFn(ctx, a)
}

// fakeGazetteer is a Gazetteer made of func fields.
type fakeGazetteer struct {
	SearchFn func(q string, opt SearchOptions) []geo.Place
	GetFn    func(id int64) (geo.Place, bool)
	AddFn    func(ctx context.Context, p geo.Place) (geo.Place, error)
	UpdateFn func(ctx context.Context, p geo.Place) (geo.Place, error)
	DeleteFn func(ctx context.Context, id int64) error
}

var _ Gazetteer = (*fakeGazetteer)(nil)

func (g *fakeGazetteer) Search(q string, opt SearchOptions) []geo.Place {
	if g.SearchFn == nil {
		return nil
	}
	return g.SearchFn(q, opt)
}

func (g *fakeGazetteer) Get(id int64) (geo.Place, bool) {
	if g.GetFn == nil {
		return geo.Place{}, false
	}
	return g.GetFn(id)
}

func (g *fakeGazetteer) Add(ctx context.Context, p geo.Place) (geo.Place, error) {
	if g.AddFn == nil {
		return geo.Place{}, geo.Errorf(geo.EInternal, "no add")
	}
	return g.AddFn(ctx, p)
}

func (g *fakeGazetteer) Update(ctx context.Context, p geo.Place) (geo.Place, error) {
	if g.UpdateFn == nil {
		return geo.Place{}, geo.Errorf(geo.EInternal, "no update")
	}
	return g.UpdateFn(ctx, p)
}

func (g *fakeGazetteer) Delete(ctx context.Context, id int64) error {
	if g.DeleteFn == nil {
		return geo.Errorf(geo.EInternal, "no delete")
	}
	return g.DeleteFn(ctx, id)
}

// fakeArticles is an ArticleReader made of a func field.
type fakeArticles struct {
	ArticleFn func(ctx context.Context, id int64) (geo.Article, []geo.Mention, error)
}

func (f *fakeArticles) Article(ctx context.Context, id int64) (geo.Article, []geo.Mention, error) {
	return f.ArticleFn(ctx, id)
}

// fakeHealth is a HealthChecker made of a func field.
type fakeHealth struct {
	PingFn func(ctx context.Context) error
}

func (f *fakeHealth) Ping(ctx context.Context) error { return f.PingFn(ctx) }

// sliceStore is a fakeStore over a slice that filters and pages the way the
// store contract says (newest event_date first, then id descending; the
// total ignores paging), so paging links can be followed end to end.
func sliceStore(all []geo.Incident) *fakeStore {
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, func(a, b geo.Incident) int {
		if c := strings.Compare(b.EventDate, a.EventDate); c != 0 {
			return c
		}
		return int(b.ID - a.ID)
	})
	return &fakeStore{
		IncidentsFn: func(_ context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
			var matched []geo.Incident
			for _, in := range sorted {
				if matchesFilter(in, f) {
					matched = append(matched, in)
				}
			}
			start := f.Offset
			if f.After != nil {
				start = len(matched)
				for i, in := range matched {
					if in.EventDate < f.After.EventDate || (in.EventDate == f.After.EventDate && in.ID < f.After.ID) {
						start = i
						break
					}
				}
			}
			start = min(start, len(matched))
			end := len(matched)
			if f.Limit > 0 {
				end = min(start+f.Limit, end)
			}
			return matched[start:end], len(matched), nil
		},
		IncidentFn: func(_ context.Context, id int64) (geo.Incident, error) {
			for _, in := range sorted {
				if in.ID == id {
					return in, nil
				}
			}
			return geo.Incident{}, geo.Errorf(geo.ENotFound, "no incident with id %d", id)
		},
	}
}

// matchesFilter applies the filter fields the server sets.
func matchesFilter(in geo.Incident, f geo.IncidentFilter) bool {
	if b := f.BBox; b != nil {
		inLon := in.Lon >= b.West && in.Lon <= b.East
		if b.West > b.East { // across the antimeridian
			inLon = in.Lon >= b.West || in.Lon <= b.East
		}
		if !inLon || in.Lat < b.South || in.Lat > b.North {
			return false
		}
	}
	day, _ := time.Parse(time.DateOnly, in.EventDate)
	if f.From != nil && day.Before(*f.From) || f.To != nil && day.After(*f.To) {
		return false
	}
	if len(f.EventType) > 0 && !slices.Contains(f.EventType, in.EventType) {
		return false
	}
	if len(f.Country) > 0 && !slices.Contains(f.Country, in.Country) {
		return false
	}
	return true
}
