// Package article reads news articles for ingest from JSON, JSON Lines and
// plain-text files, and checks them before they reach the pipeline.
package article

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// MaxInputBytes caps what Read accepts from one input, so a mistaken
// multi-gigabyte file fails clearly instead of exhausting memory.
const MaxInputBytes = 256 << 20

// Format is how an input's articles are encoded.
type Format int

const (
	FormatText  Format = iota // plain text with an optional header block
	FormatJSON                // one object or an array of objects
	FormatJSONL               // one object per line
)

// Read parses every article in r. name chooses the format by extension
// (.json; .jsonl or .ndjson; anything else is plain text unless its content
// is plainly JSON). Articles without a published time get the zero time;
// the caller fills it. Bad input returns a *geo.Error naming the field.
// In JSON Lines each line succeeds or fails alone: the good lines' articles
// come back with a *LineErrors that names each bad line.
func Read(name string, r io.Reader) ([]geo.Article, error) {
	return readLimited(name, r, MaxInputBytes)
}

func readLimited(name string, r io.Reader, limit int64) ([]geo.Article, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("article: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, geo.Errorf(geo.ETooLarge, "input is larger than %d bytes", limit)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch DetectFormat(name, data) {
	case FormatJSON:
		return readJSON(data)
	case FormatJSONL:
		return readJSONL(data)
	}
	a, err := ParseText(string(data))
	if err != nil {
		return nil, err
	}
	return []geo.Article{a}, nil
}

// DetectFormat decides the format from the file extension, and for other
// names (stdin, .txt, no extension) from the content: text that starts with
// '{' or '[' and parses as JSON is JSON, several lines of objects are JSON
// Lines, anything else is plain text.
func DetectFormat(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return FormatJSON
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".txt", ".text", ".md":
		return FormatText
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
		return FormatText
	}
	if isSingleJSONValue(trimmed) {
		return FormatJSON
	}
	if trimmed[0] == '{' && looksLikeJSONL(trimmed) {
		return FormatJSONL
	}
	return FormatText
}
