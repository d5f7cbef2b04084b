package main

// wire_adapters.go fits the real components to each other: the store
// (SQLite or PostGIS, both a contract.Store) to the commands and the
// server, the gazetteer service to the server's search options.

import (
	"context"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	gaz "github.com/incidentmap/incidentmap/geo/gazetteer"
	httpserver "github.com/incidentmap/incidentmap/server"
)

// storeAdapter adapts either store to the commands' store interface.
type storeAdapter struct{ contract.Store }

// WarmUp lets the store prepare its first reads, where it can (warmer).
func (s storeAdapter) WarmUp(ctx context.Context) error {
	if w, ok := s.Store.(warmer); ok {
		return w.WarmUp(ctx)
	}
	return nil
}

func (s storeAdapter) Ingest(ctx context.Context, p processed, merge bool) (geo.IngestResult, error) {
	return s.Store.IngestOne(ctx, ingestItem(p), contract.IngestOptions{Merge: merge})
}

// ingestItem is a processed article as the store takes it.
func ingestItem(p processed) contract.IngestItem {
	return contract.IngestItem{Article: p.Article, Mentions: p.Mentions, Incidents: p.Incidents, Unresolved: p.Unresolved}
}

func (s storeAdapter) IngestBatch(ctx context.Context, items []processed, merge, counts bool) ([]geo.IngestResult, []error, error) {
	batch := make([]contract.IngestItem, len(items))
	for i, it := range items {
		batch[i] = ingestItem(it)
	}
	return s.Store.IngestBatch(ctx, batch, contract.IngestOptions{Merge: merge, Counts: counts})
}

// AddPlaces stores rows of a GeoNames dump in the imported-places table
// (upserted by geonameid) and anything else as user entries.
func (s storeAdapter) AddPlaces(ctx context.Context, ps []geo.Place) ([]geo.Place, error) {
	var out []geo.Place
	var im contract.PlaceImporter
	for _, p := range ps {
		if p.Source != gaz.ImportSource || p.GeonameID == 0 {
			added, err := s.AddUserPlace(ctx, p)
			if err != nil {
				return out, err
			}
			out = append(out, added)
			continue
		}
		if im == nil {
			var err error
			if im, err = s.BeginImport(ctx); err != nil {
				return out, err
			}
		}
		if err := im.Add(p); err != nil {
			im.Abort()
			return out, err
		}
		out = append(out, p)
	}
	if im != nil {
		if _, err := im.Close(); err != nil {
			return out, err
		}
	}
	return out, nil
}

// UserPlaces is what overlays the bundled gazetteer at start-up: imported
// GeoNames rows first, then the user's own entries, which win.
func (s storeAdapter) UserPlaces(ctx context.Context) ([]geo.Place, error) {
	var out []geo.Place
	err := s.ImportedPlaces(ctx, func(p geo.Place) error {
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	user, err := s.Store.UserPlaces(ctx)
	return append(out, user...), err
}

// Ping tells /healthz the store answers.
func (s storeAdapter) Ping(ctx context.Context) error { return s.Store.Ping(ctx) }

// serverStore adapts the store's daily counts to the server's type.
type serverStore struct{ contract.Store }

func (s serverStore) DailyCounts(ctx context.Context, f geo.IncidentFilter) ([]httpserver.DayCount, error) {
	days, err := s.Store.DailyCounts(ctx, f)
	out := make([]httpserver.DayCount, len(days))
	for i, d := range days {
		out[i] = httpserver.DayCount{Date: d.Date, Count: d.Count}
	}
	return out, err
}

// lateGazetteer is the gazetteer service once the index has loaded. The
// server answers 503 while it loads, so its calls rarely wait here.
type lateGazetteer struct {
	ld *loading
	st contract.Store
}

// service waits for the index.
func (g lateGazetteer) service(ctx context.Context) (*gaz.Service, error) {
	gz, _, err := g.ld.wait(ctx)
	if err != nil {
		return nil, err
	}
	ix, err := indexOf(gz)
	if err != nil {
		return nil, err
	}
	return &gaz.Service{Index: ix, Store: g.st}, nil
}

func (g lateGazetteer) Search(q string, opt httpserver.SearchOptions) []geo.Place {
	s, err := g.service(context.Background())
	if err != nil {
		return nil
	}
	return s.Search(q, gaz.SearchOptions{Country: opt.Country, Limit: opt.Limit})
}

func (g lateGazetteer) Get(id int64) (geo.Place, bool) {
	s, err := g.service(context.Background())
	if err != nil {
		return geo.Place{}, false
	}
	return s.Get(id)
}

func (g lateGazetteer) Add(ctx context.Context, p geo.Place) (geo.Place, error) {
	s, err := g.service(ctx)
	if err != nil {
		return geo.Place{}, err
	}
	return s.Add(ctx, p)
}

func (g lateGazetteer) Update(ctx context.Context, p geo.Place) (geo.Place, error) {
	s, err := g.service(ctx)
	if err != nil {
		return geo.Place{}, err
	}
	return s.Update(ctx, p)
}

func (g lateGazetteer) Delete(ctx context.Context, id int64) error {
	s, err := g.service(ctx)
	if err != nil {
		return err
	}
	return s.Delete(ctx, id)
}

// articleReader gives the page an article with its mentions.
type articleReader struct{ contract.Store }

func (r articleReader) Article(ctx context.Context, id int64) (geo.Article, []geo.Mention, error) {
	a, err := r.Store.Article(ctx, id)
	if err != nil {
		return geo.Article{}, nil, err
	}
	ms, err := r.ArticleMentions(ctx, id)
	return a, ms, err
}

// ingester runs POST /api/articles through the same pipeline as the CLI,
// once the gazetteer has loaded.
type ingester struct {
	st    storeAdapter
	ld    *loading
	merge bool
}

func (i ingester) Ingest(ctx context.Context, a geo.Article) (geo.IngestResult, error) {
	_, pl, err := i.ld.wait(ctx)
	if err != nil {
		return geo.IngestResult{}, err
	}
	return ingestArticle(ctx, i.st, pl, a, i.merge)
}
