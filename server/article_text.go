package server

import (
	"time"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/article"
)

// plainTextArticle reads a text/plain body the way `incidentmap ingest`
// reads a text file: an optional Title:/URL:/Published: header block, a
// blank line, then the text. The same file posted or ingested is the same
// article (same title, URL, date and text, so a duplicate is seen).
func plainTextArticle(raw []byte) (articleRequest, error) {
	if !utf8.Valid(raw) {
		return articleRequest{}, geo.FieldError("text", "is not valid UTF-8")
	}
	a, err := article.ParseText(string(raw))
	if err != nil {
		return articleRequest{}, err
	}
	req := articleRequest{Title: a.Title, URL: a.URL, Text: a.Text}
	if !a.Published.IsZero() {
		req.Published = a.Published.UTC().Format(time.RFC3339)
	}
	return req, nil
}
