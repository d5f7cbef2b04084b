package main

// wire.go is the only file that knows the real components: the SQLite
// store (data/store), the gazetteer (geo/gazetteer), the geoparser
// (geo/geoparse), incident extraction (geo/incident), the demo set and the
// HTTP server (server). Everything else in this package sees them through
// the interfaces in app.go.

import (
	"errors"
	"fmt"
	"io"

	"github.com/incidentmap/incidentmap/geo"
)

// errNotWired marks a component that is not connected to this binary yet.
var errNotWired = errors.New("not wired yet")

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
	return nil, fmt.Errorf("store: %w", errNotWired)
}

// loadGazetteer builds the gazetteer index from the bundled data plus the
// user's entries.
func loadGazetteer(user []geo.Place) (gazetteer, error) {
	return nil, fmt.Errorf("gazetteer: %w", errNotWired)
}

// newPipeline chains geoparsing and incident extraction over gz.
func newPipeline(gz gazetteer) (pipeline, error) {
	return nil, fmt.Errorf("pipeline: %w", errNotWired)
}

// newGeoparser returns the geoparser over gz.
func newGeoparser(gz gazetteer) (geoparser, error) {
	return nil, fmt.Errorf("geoparse: %w", errNotWired)
}

// newServer builds the HTTP server; it must not listen before Open.
func newServer(opts serverOptions) (server, error) {
	return nil, fmt.Errorf("server: %w", errNotWired)
}

// gazetteerInfo describes the bundled gazetteer (build date, source
// versions) without loading the whole index.
func gazetteerInfo() (string, error) {
	return "", fmt.Errorf("gazetteer: %w", errNotWired)
}

// demoArticles returns the bundled demo reports loaded into an empty store.
func demoArticles() ([]geo.Article, error) {
	return nil, fmt.Errorf("demo: %w", errNotWired)
}

// readGeoNames parses a GeoNames dump, calling fn for each row.
func readGeoNames(r io.Reader, fn func(geo.Place) error) error {
	return fmt.Errorf("gazetteer: %w", errNotWired)
}
