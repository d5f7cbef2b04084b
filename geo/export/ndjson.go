package export

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"

	"github.com/incidentmap/incidentmap/geo"
)

// NDJSONWriter writes one incident per line as the flat JSON of
// geo.Incident (lat/lon fields, not a Feature), the easiest shape for jq,
// pandas and re-import.
type NDJSONWriter struct {
	w      *bufio.Writer
	enc    *json.Encoder
	closed bool
}

// NewNDJSONWriter starts newline-delimited JSON on w.
func NewNDJSONWriter(w io.Writer) *NDJSONWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &NDJSONWriter{w: bw, enc: enc}
}

// Write appends one incident as one line.
func (n *NDJSONWriter) Write(inc geo.Incident) error {
	if n.closed {
		return errors.New("export: write after close")
	}
	if inc.Sources == nil {
		inc.Sources = []geo.Source{}
	}
	return n.enc.Encode(inc)
}

// Close flushes what is buffered.
func (n *NDJSONWriter) Close() error {
	if n.closed {
		return nil
	}
	n.closed = true
	return n.w.Flush()
}
