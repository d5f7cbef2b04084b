package server

import (
	"strconv"
	"strings"
)

// prefersHTML reports whether an Accept header prefers text/html to JSON.
// API resources answer JSON unless it does: OWSLib and GDAL send "*/*" (or
// nothing) and must get JSON, a browser lists text/html first. A wildcard
// counts for JSON, never for HTML; on equal weight HTML wins, as browsers
// that list both mean the page.
func prefersHTML(accept string) bool {
	html, json := 0.0, 0.0
	for _, part := range strings.Split(accept, ",") {
		media, q := mediaRange(part)
		switch media {
		case mediaHTML, "text/*":
			html = max(html, q)
		case mediaJSON, mediaGeoJSON, "application/*", "*/*":
			json = max(json, q)
		}
	}
	return html > 0 && html >= json
}

// mediaRange splits "type/subtype;q=0.8;..." into the lower-case type and
// its weight (1 when absent or malformed).
func mediaRange(part string) (string, float64) {
	fields := strings.Split(part, ";")
	media := strings.ToLower(strings.TrimSpace(fields[0]))
	q := 1.0
	for _, param := range fields[1:] {
		name, value, ok := strings.Cut(strings.TrimSpace(param), "=")
		if ok && strings.EqualFold(strings.TrimSpace(name), "q") {
			if v, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil && v >= 0 && v <= 1 {
				q = v
			}
		}
	}
	return media, q
}
