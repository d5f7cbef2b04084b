package export

import (
	"io"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// Export formats, as accepted by NewWriter and the --format flag.
const (
	FormatGeoJSON = "geojson"
	FormatCSV     = "csv"
	FormatNDJSON  = "ndjson"
)

// Formats lists the export formats in the order help texts show them.
func Formats() []string { return []string{FormatGeoJSON, FormatCSV, FormatNDJSON} }

// Writer streams incidents in one format. Close finishes the document (the
// GeoJSON closing brackets, the CSV header of an empty export) and flushes;
// it does not close the underlying io.Writer.
type Writer interface {
	Write(inc geo.Incident) error
	Close() error
}

// NewWriter returns the writer for format, or an EInvalid error naming the
// known formats.
func NewWriter(format string, w io.Writer) (Writer, error) {
	switch strings.ToLower(format) {
	case FormatGeoJSON:
		return NewGeoJSONWriter(w), nil
	case FormatCSV:
		return NewCSVWriter(w), nil
	case FormatNDJSON:
		return NewNDJSONWriter(w), nil
	}
	return nil, geo.FieldError("format", "unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// ContentType is the media type of an export format, for HTTP responses.
func ContentType(format string) string {
	switch strings.ToLower(format) {
	case FormatGeoJSON:
		return "application/geo+json"
	case FormatCSV:
		return "text/csv; charset=utf-8"
	case FormatNDJSON:
		return "application/x-ndjson"
	}
	return "application/octet-stream"
}

// FileExtension is the usual file name extension of an export format.
func FileExtension(format string) string {
	switch strings.ToLower(format) {
	case FormatGeoJSON:
		return ".geojson"
	case FormatCSV:
		return ".csv"
	case FormatNDJSON:
		return ".ndjson"
	}
	return ""
}
