package export

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"

	"github.com/incidentmap/incidentmap/geo"
)

// GeoJSONWriter streams a FeatureCollection: the opening is written with the
// first feature, each feature as it comes, and the closing on Close.
type GeoJSONWriter struct {
	w      *bufio.Writer
	n      int
	closed bool
}

// NewGeoJSONWriter starts a FeatureCollection on w.
func NewGeoJSONWriter(w io.Writer) *GeoJSONWriter {
	return &GeoJSONWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

const (
	collectionOpen  = `{"type":"FeatureCollection","features":[`
	collectionClose = "]}\n"
)

// Write appends one incident as a feature.
func (g *GeoJSONWriter) Write(inc geo.Incident) error {
	if g.closed {
		return errors.New("export: write after close")
	}
	b, err := json.Marshal(Feature(inc))
	if err != nil {
		return err
	}
	sep := ","
	if g.n == 0 {
		sep = collectionOpen
	}
	g.n++
	if _, err := g.w.WriteString(sep); err != nil {
		return err
	}
	_, err = g.w.Write(b)
	return err
}

// Count is the number of features written so far.
func (g *GeoJSONWriter) Count() int { return g.n }

// Close ends the FeatureCollection and flushes it.
func (g *GeoJSONWriter) Close() error {
	if g.closed {
		return nil
	}
	g.closed = true
	if g.n == 0 {
		if _, err := g.w.WriteString(collectionOpen); err != nil {
			return err
		}
	}
	if _, err := g.w.WriteString(collectionClose); err != nil {
		return err
	}
	return g.w.Flush()
}

// WriteGeoJSON writes incs as one FeatureCollection.
func WriteGeoJSON(w io.Writer, incs []geo.Incident) error {
	g := NewGeoJSONWriter(w)
	for _, inc := range incs {
		if err := g.Write(inc); err != nil {
			return err
		}
	}
	return g.Close()
}
