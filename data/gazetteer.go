// Package data holds what the binary carries with it: the bundled gazetteer
// built by data/gazbuild from pinned GeoNames and Natural Earth packages,
// and the demo reports. The SQLite store lives in data/store.
package data

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"strings"
)

//go:embed gazetteer/countries.geojson.gz gazetteer/BUILDINFO gazetteer/english-words.txt.gz gazetteer/first-names.txt.gz
var gazetteerFiles embed.FS

//go:generate go run ./gazindex gazetteer/places.tsv.gz gazetteer/places.idx

// gazetteerIndex is the gazetteer rows data/gazbuild writes
// (gazetteer/places.tsv.gz, which the binary does not carry) with their
// indexes built, as data/gazindex derives it; geo/gazetteer.Open reads it
// in place.
//
//go:embed gazetteer/places.idx
var gazetteerIndex []byte

// GazetteerIndex is the bundled gazetteer packed (see
// geo/gazetteer.Open). The caller must not modify it.
func GazetteerIndex() []byte { return gazetteerIndex }

// Lexicon opens the geoparser's word lists (gzipped, one entry a line):
// common English words and common first names.
func Lexicon() (words, firstNames io.ReadCloser, err error) {
	words, err = gazetteerFiles.Open("gazetteer/english-words.txt.gz")
	if err != nil {
		return nil, nil, err
	}
	firstNames, err = gazetteerFiles.Open("gazetteer/first-names.txt.gz")
	if err != nil {
		words.Close()
		return nil, nil, err
	}
	return words, firstNames, nil
}

// BasemapGzip is the Natural Earth country polygons as a gzipped GeoJSON
// FeatureCollection, for the page's offline basemap.
func BasemapGzip() []byte {
	b, _ := gazetteerFiles.ReadFile("gazetteer/countries.geojson.gz")
	return b
}

// Basemap is the same FeatureCollection uncompressed.
func Basemap() ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(BasemapGzip()))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// GazetteerInfo says what the bundled gazetteer was built from.
func GazetteerInfo() string {
	b, _ := gazetteerFiles.ReadFile("gazetteer/BUILDINFO")
	return strings.TrimSpace(string(b))
}

//go:embed demo/articles.jsonl
var demoFiles embed.FS

// DemoArticles is the bundled demo set: invented illustrative reports, one
// JSON object per line, loaded into an empty store so a new map is not
// empty.
func DemoArticles() io.Reader {
	f, _ := demoFiles.Open("demo/articles.jsonl")
	return f
}
