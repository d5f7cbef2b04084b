package article

import (
	"errors"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// headerKeys maps the header keys a text file may start with (lower case)
// to the field they set.
var headerKeys = map[string]string{
	"title": "title", "url": "url", "link": "url",
	"published": "published", "date": "published",
}

// ParseText reads a plain-text article. The text may begin with a header
// block of "Key: value" lines (Title, URL, Published or Date; other keys
// such as Source are allowed and ignored) ended by a blank line; the block
// counts as a header only if it has at least one known key. Without a title
// the first non-empty line is the title. The article text is what follows
// the header.
func ParseText(s string) (geo.Article, error) {
	s = strings.TrimPrefix(s, "\ufeff")
	h, body, ok := splitHeader(s)
	if !ok {
		return check(fields{Text: s}, "")
	}
	f := fields{Text: body}
	for _, kv := range h {
		switch headerKeys[strings.ToLower(kv.key)] {
		case "title":
			f.Title = kv.value
		case "url":
			f.URL = kv.value
		case "published":
			f.Published = kv.value
		}
	}
	a, err := check(f, "")
	var e *geo.Error
	if errors.As(err, &e) && e.Field != "text" {
		return a, &geo.Error{Code: e.Code, Field: e.Field, Message: "in header: " + e.Message}
	}
	return a, err
}

type headerField struct{ key, value string }

// maxHeaderLines bounds the header block so a long text of colon lines is
// not mistaken for one.
const maxHeaderLines = 20

// splitHeader finds a header block at the start of s. It returns the fields
// and the text after the blank line that ends the block, or ok=false when s
// has no header.
func splitHeader(s string) (h []headerField, body string, ok bool) {
	known := false
	rest := s
	for range maxHeaderLines + 1 {
		line, after, found := strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			if len(h) == 0 || !known || !found {
				return nil, "", false
			}
			return h, after, true
		}
		kv, isField := parseHeaderLine(line)
		if !isField || !found {
			return nil, "", false
		}
		if _, k := headerKeys[strings.ToLower(kv.key)]; k {
			known = true
		}
		h = append(h, kv)
		rest = after
	}
	return nil, "", false
}

// parseHeaderLine splits "Key: value"; a key is one to three words of
// letters, digits or hyphens, so a sentence with a colon is not a key.
func parseHeaderLine(line string) (headerField, bool) {
	key, value, found := strings.Cut(line, ":")
	if !found || key == "" || strings.TrimSpace(key) != key {
		return headerField{}, false
	}
	if len(strings.Fields(key)) > 3 {
		return headerField{}, false
	}
	for _, r := range key {
		if !(r == '-' || r == ' ' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return headerField{}, false
		}
	}
	return headerField{key: key, value: strings.TrimSpace(value)}, true
}
