package main

// wire.go (with wire_adapters.go) is the only place that knows the real components: the SQLite
// store (data/store) and the PostGIS store (data/postgis), the gazetteer (geo/gazetteer), the geoparser
// (geo/geoparse), incident extraction (geo/incident), the demo set and the
// HTTP server (server). Everything else in this package sees them through
// the interfaces in app.go.

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/incidentmap/incidentmap/data"
	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/data/postgis"
	sqlite "github.com/incidentmap/incidentmap/data/store"
	"github.com/incidentmap/incidentmap/data/storecopy"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/article"
	"github.com/incidentmap/incidentmap/geo/borders"
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
		countryHolds:  countryHolds,
		newServer:     newServer,
		gazetteerInfo: gazetteerInfo,
		demoArticles:  demoArticles,
		readGeoNames:  readGeoNames,
		copyStore:     copyStore,
	}
}

// openStore opens (creating and migrating if needed) the store at db: the
// PostGIS store when db is a postgres:// URL, else the SQLite file.
func openStore(db string) (store, error) {
	var s contract.Store
	var err error
	if isDatabaseURL(db) {
		s, err = postgis.Open(db)
	} else {
		s, err = sqlite.Open(db)
	}
	if err != nil {
		return nil, err
	}
	return storeAdapter{s}, nil
}

// isDatabaseURL reports whether --db names a PostgreSQL database rather
// than a SQLite file.
func isDatabaseURL(db string) bool { return postgis.IsURL(db) }

// bundledGazetteer is the index over the embedded data and the overlay.
type bundledGazetteer struct{ ix *gaz.Index }

func (g bundledGazetteer) Search(q string, limit int) []geo.Place {
	var out []geo.Place
	for _, c := range g.ix.Find(q, gaz.SearchOptions{Limit: limit}) {
		out = append(out, c.Place)
	}
	return out
}

func (g bundledGazetteer) BuildInfo() string { return data.GazetteerInfo() }

// loadGazetteer opens the bundled gazetteer, packed with its indexes at
// build time, and puts the user's entries on top. Opening costs the same
// with or without search, so search is not needed any more.
func loadGazetteer(user []geo.Place, search bool) (gazetteer, error) {
	ix, err := gaz.Open(data.GazetteerIndex())
	if err != nil {
		return nil, err
	}
	ix.PutAll(user)
	return bundledGazetteer{ix}, nil
}

// textPipeline is geoparsing followed by incident extraction.
type textPipeline struct {
	parser    *geoparse.Parser
	extractor *incident.Extractor
}

// Process geoparses the article, keeping the names it could not place, and
// extracts incidents from the places it did.
func (p textPipeline) Process(a geo.Article) processed {
	g := p.parser.Geoparse(a.Text)
	return processed{Article: a, Mentions: g.Places, Incidents: p.extractor.Extract(a, g.Places), Unresolved: g.Unresolved}
}

// Unresolved lists the names the geoparser took for places in text but
// could not place, for the ingest dialog.
func (p textPipeline) Unresolved(text string) []geo.Unresolved {
	return p.parser.Geoparse(text).Unresolved
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
	lex, err := bundledLexicon()
	if err != nil {
		return nil, err
	}
	return textPipeline{parser: geoparse.New(ix, lex), extractor: incident.New(incident.Options{})}, nil
}

// newGeoparser returns the geoparser over gz.
func newGeoparser(gz gazetteer) (geoparser, error) {
	ix, err := indexOf(gz)
	if err != nil {
		return nil, err
	}
	lex, err := bundledLexicon()
	if err != nil {
		return nil, err
	}
	return geoparse.New(ix, lex), nil
}

// bundledLexicon reads the geoparser's word lists from the binary.
func bundledLexicon() (*geoparse.Lexicon, error) {
	words, names, err := data.Lexicon()
	if err != nil {
		return nil, err
	}
	defer words.Close()
	defer names.Close()
	return geoparse.ReadLexicon(words, names)
}

// countryHolds answers from the bundled Natural Earth country polygons.
func countryHolds() (func(code string, lat, lon float64) bool, error) {
	raw, err := data.Basemap()
	if err != nil {
		return nil, err
	}
	b, err := borders.Parse(raw)
	if err != nil {
		return nil, err
	}
	return b.Contains, nil
}

// newServer builds the HTTP server; it does not listen before Open. The
// gazetteer may still be loading: the server says so while it is.
func newServer(opts serverOptions) (server, error) {
	st, ok := opts.Store.(storeAdapter)
	if !ok {
		return nil, fmt.Errorf("server: unexpected store %T", opts.Store)
	}
	md := loadMapDataLater()
	logger := slog.New(slog.NewTextHandler(opts.Log, &slog.HandlerOptions{Level: opts.Config.LogLevel}))
	users := &lateUserSync{ld: opts.Loading, st: st.Store, log: logger}
	cfg := httpserver.Config{
		Addr: opts.Config.Addr, Token: opts.Config.Token, BodyLimit: opts.Config.BodyLimit,
		TileURL: opts.Config.Tiles, TileAttribution: opts.Config.TilesAttribution, Version: opts.Version,
		BaseURL:        opts.Config.BaseURL,
		BasemapPMTiles: opts.Config.Basemap,
	}
	deps := httpserver.Deps{
		Store:       serverStore{st.Store},
		Articles:    articleReader{st.Store},
		Ingester:    syncedIngester{ingester{st: st, ld: opts.Loading, merge: !opts.Config.NoMerge}, users},
		Gazetteer:   syncedGazetteer{lateGazetteer{ld: opts.Loading, st: st.Store}, users},
		Loading:     opts.Loading.inProgress,
		Health:      st,
		Basemap:     basemap,
		BasemapGzip: data.BasemapGzip,
		MapData:     md,
		Web:         web.FS(),
		Logger:      logger,
	}
	// Adding or changing an entry re-resolves the articles that named it.
	deps.Gazetteer = reresolvingGazetteer{Gazetteer: deps.Gazetteer, st: st, ld: opts.Loading,
		merge: !opts.Config.NoMerge, log: deps.Logger}
	deps.Unresolved = unresolvedLister{st}
	return httpserver.New(cfg, deps)
}

func basemap() []byte {
	b, err := data.Basemap()
	if err != nil {
		return nil
	}
	return b
}

// gazetteerInfo describes the bundled gazetteer without loading the index.
func gazetteerInfo() (string, error) { return data.GazetteerInfo(), nil }

// demoArticles returns the bundled demo reports loaded into an empty store.
func demoArticles() ([]geo.Article, error) {
	return article.Read("articles.jsonl", data.DemoArticles())
}

// readGeoNames parses a GeoNames dump (plain, gzipped or zipped), calling
// fn for each row and bad for the first malformed lines; it returns how
// many lines were malformed in all.
func readGeoNames(r io.Reader, fn func(geo.Place) error, bad func(line int, err error)) (int, error) {
	st, err := gaz.ImportReader(r, gaz.ImportOptions{Sink: fn})
	for _, b := range st.Bad {
		bad(b.Line, b.Err)
	}
	if n := st.BadCount - len(st.Bad); n > 0 {
		bad(0, fmt.Errorf("%d more malformed lines not listed", n))
	}
	return st.BadCount, err
}

// storeName is db as it may be printed: a URL's password is masked.
func storeName(db string) string {
	if isDatabaseURL(db) {
		return postgis.Redact(db)
	}
	return db
}

// copyStore copies a SQLite store into PostGIS with data/storecopy and
// verifies the copy.
func copyStore(ctx context.Context, from, to string, sample int, prog rowProgress) (copyResult, error) {
	rep, err := storecopy.Copy(ctx, from, to, prog)
	res := copyResult{Copied: rep.Copied, Skipped: rep.Skipped}
	if err != nil {
		return res, err
	}
	if err := storecopy.Verify(ctx, from, to, rep, sample); err != nil {
		return res, err
	}
	res.Tables = len(rep.Tables)
	res.Sampled = min(sample, incidentCount(rep))
	return res, nil
}

// incidentCount is the number of incidents a copy moved in all.
func incidentCount(rep storecopy.Report) int {
	for _, t := range rep.Tables {
		if t.Name == "incidents" {
			return t.Source
		}
	}
	return 0
}
