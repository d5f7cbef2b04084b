package main

// wire.go is the only file that knows the real components: the SQLite
// store (data/store), the gazetteer (geo/gazetteer), the geoparser
// (geo/geoparse), incident extraction (geo/incident), the demo set and the
// HTTP server (server). Everything else in this package sees them through
// the interfaces in app.go.

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/incidentmap/incidentmap/data"
	sqlite "github.com/incidentmap/incidentmap/data/store"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/article"
	gaz "github.com/incidentmap/incidentmap/geo/gazetteer"
	"github.com/incidentmap/incidentmap/geo/geoparse"
	"github.com/incidentmap/incidentmap/geo/incident"
	httpserver "github.com/incidentmap/incidentmap/server"
	"github.com/incidentmap/incidentmap/web"
)

func realDeps() deps {
	return deps{
		openStore:     openStore,
		loadGazetteer: loadGazetteer,
		newPipeline:   newPipeline,
		newGeoparser:  newGeoparser,
		newServer:     newServer,
		gazetteerInfo: gazetteerInfo,
		demoArticles:  demoArticles,
		readGeoNames:  readGeoNames,
	}
}

// openStore opens (creating and migrating if needed) the SQLite store.
func openStore(path string) (store, error) {
	s, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	return sqliteStore{s}, nil
}

// sqliteStore adapts *sqlite.Store to the commands' store interface.
type sqliteStore struct{ *sqlite.Store }

func (s sqliteStore) Ingest(ctx context.Context, a geo.Article, ms []geo.Mention, incs []geo.Incident, merge bool) (geo.IngestResult, error) {
	return s.Store.Ingest(ctx, a, ms, incs, sqlite.IngestOptions{Merge: merge})
}

// AddPlaces stores rows of a GeoNames dump in the imported-places table
// (upserted by geonameid) and anything else as user entries.
func (s sqliteStore) AddPlaces(ctx context.Context, ps []geo.Place) ([]geo.Place, error) {
	var out []geo.Place
	var im *sqlite.Importer
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
func (s sqliteStore) UserPlaces(ctx context.Context) ([]geo.Place, error) {
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

// bundledGazetteer is the index over the embedded data and the overlay.
type bundledGazetteer struct{ ix *gaz.Index }

func (g bundledGazetteer) Search(q string, limit int) []geo.Place {
	var out []geo.Place
	for _, c := range g.ix.Search(q, gaz.SearchOptions{Limit: limit}) {
		out = append(out, c.Place)
	}
	return out
}

func (g bundledGazetteer) BuildInfo() string { return data.GazetteerInfo() }

// loadGazetteer builds the gazetteer index from the bundled data plus the
// user's entries.
func loadGazetteer(user []geo.Place) (gazetteer, error) {
	rc, err := data.Gazetteer()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	ix, err := gaz.Load(rc)
	if err != nil {
		return nil, err
	}
	for _, p := range user {
		ix.Put(p)
	}
	return bundledGazetteer{ix}, nil
}

// textPipeline is geoparsing followed by incident extraction.
type textPipeline struct {
	parser    *geoparse.Parser
	extractor *incident.Extractor
}

func (p textPipeline) Process(a geo.Article) ([]geo.Mention, []geo.Incident) {
	ms := p.parser.Parse(a.Text)
	return ms, p.extractor.Extract(a, ms)
}

func indexOf(gz gazetteer) (*gaz.Index, error) {
	g, ok := gz.(bundledGazetteer)
	if !ok {
		return nil, fmt.Errorf("gazetteer: unexpected implementation %T", gz)
	}
	return g.ix, nil
}

// newPipeline chains geoparsing and incident extraction over gz.
func newPipeline(gz gazetteer) (pipeline, error) {
	ix, err := indexOf(gz)
	if err != nil {
		return nil, err
	}
	return textPipeline{parser: geoparse.New(ix), extractor: incident.New(incident.Options{})}, nil
}

// newGeoparser returns the geoparser over gz.
func newGeoparser(gz gazetteer) (geoparser, error) {
	ix, err := indexOf(gz)
	if err != nil {
		return nil, err
	}
	return geoparse.New(ix), nil
}

// newServer builds the HTTP server; it does not listen before Open.
func newServer(opts serverOptions) (server, error) {
	st, ok := opts.Store.(sqliteStore)
	if !ok {
		return nil, fmt.Errorf("server: unexpected store %T", opts.Store)
	}
	ix, err := indexOf(opts.Gazetteer)
	if err != nil {
		return nil, err
	}
	cfg := httpserver.Config{
		Addr: opts.Config.Addr, Token: opts.Config.Token, BodyLimit: opts.Config.BodyLimit,
		TileURL: opts.Config.Tiles, TileAttribution: opts.Config.TilesAttribution, Version: opts.Version,
	}
	deps := httpserver.Deps{
		Store:     serverStore{st.Store},
		Articles:  articleReader{st.Store},
		Ingester:  ingester{st: st, pl: opts.Pipeline, merge: !opts.Config.NoMerge},
		Gazetteer: gazetteerService{&gaz.Service{Index: ix, Store: st.Store}},
		Health:    st,
		Basemap:   basemap,
		Web:       web.FS(),
		Logger:    slog.New(slog.NewTextHandler(opts.Log, nil)),
	}
	return httpserver.New(cfg, deps)
}

// Ping tells /healthz the store answers.
func (s sqliteStore) Ping(ctx context.Context) error {
	_, _, err := s.Stats(ctx)
	return err
}

func basemap() []byte {
	b, err := data.Basemap()
	if err != nil {
		return nil
	}
	return b
}

// serverStore adapts the store's daily counts to the server's type.
type serverStore struct{ *sqlite.Store }

func (s serverStore) DailyCounts(ctx context.Context, f geo.IncidentFilter) ([]httpserver.DayCount, error) {
	days, err := s.Store.DailyCounts(ctx, f)
	out := make([]httpserver.DayCount, len(days))
	for i, d := range days {
		out[i] = httpserver.DayCount{Date: d.Date, Count: d.Count}
	}
	return out, err
}

// gazetteerService adapts the gazetteer's search options to the server's.
type gazetteerService struct{ *gaz.Service }

func (g gazetteerService) Search(q string, opt httpserver.SearchOptions) []geo.Place {
	return g.Service.Search(q, gaz.SearchOptions{Country: opt.Country, Limit: opt.Limit})
}

// articleReader gives the page an article with its mentions.
type articleReader struct{ *sqlite.Store }

func (r articleReader) Article(ctx context.Context, id int64) (geo.Article, []geo.Mention, error) {
	a, err := r.Store.Article(ctx, id)
	if err != nil {
		return geo.Article{}, nil, err
	}
	ms, err := r.ArticleMentions(ctx, id)
	return a, ms, err
}

// ingester runs POST /api/articles through the same pipeline as the CLI.
type ingester struct {
	st    sqliteStore
	pl    pipeline
	merge bool
}

func (i ingester) Ingest(ctx context.Context, a geo.Article) (geo.IngestResult, error) {
	return ingestArticle(ctx, i.st, i.pl, a, i.merge)
}

// gazetteerInfo describes the bundled gazetteer without loading the index.
func gazetteerInfo() (string, error) { return data.GazetteerInfo(), nil }

// demoArticles returns the bundled demo reports loaded into an empty store.
func demoArticles() ([]geo.Article, error) {
	return article.Read("articles.jsonl", data.DemoArticles())
}

// readGeoNames parses a GeoNames dump, calling fn for each row and bad for
// each malformed line.
func readGeoNames(r io.Reader, fn func(geo.Place) error, bad func(line int, err error)) error {
	st, err := gaz.ImportReader(r, gaz.ImportOptions{Sink: fn})
	for _, b := range st.Bad {
		bad(b.Line, b.Err)
	}
	if n := st.BadCount - len(st.Bad); n > 0 {
		bad(0, fmt.Errorf("%d more malformed lines", n))
	}
	return err
}
