package article

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
)

// maxTitleRunes bounds a title taken from the first line of a text.
const maxTitleRunes = 300

// fields are an article's parts as they were written, before checking.
type fields struct {
	Title, URL, Published, Text string
}

// check validates f and builds the article. where says which record of an
// input is checked ("line 3", "item 2"), or "" for a single article.
func check(f fields, where string) (geo.Article, error) {
	fail := func(field, format string, args ...any) (geo.Article, error) {
		msg := fmt.Sprintf(format, args...)
		if where != "" {
			msg = where + ": " + msg
		}
		return geo.Article{}, &geo.Error{Code: geo.EInvalid, Field: field, Message: msg}
	}
	for _, v := range [...]struct{ name, value string }{
		{"title", f.Title}, {"url", f.URL}, {"published", f.Published}, {"text", f.Text},
	} {
		if !utf8.ValidString(v.value) {
			return fail(v.name, "is not valid UTF-8")
		}
	}
	if strings.TrimSpace(f.Text) == "" {
		return fail("text", "is empty")
	}
	a := geo.Article{Title: strings.TrimSpace(f.Title), URL: strings.TrimSpace(f.URL), Text: f.Text}
	if a.Title == "" {
		a.Title = firstLine(f.Text)
	}
	if a.URL != "" {
		if err := checkURL(a.URL); err != nil {
			return fail("url", "%s", err)
		}
	}
	if p := strings.TrimSpace(f.Published); p != "" {
		t, err := ParsePublished(p)
		if err != nil {
			return fail("published", "%s", err)
		}
		a.Published = t
	}
	return a, nil
}

// ParsePublished accepts RFC 3339 or a plain date YYYY-MM-DD (midnight UTC).
func ParsePublished(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is neither RFC 3339 nor YYYY-MM-DD", s)
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Errorf("%q is not an absolute http(s) URL", s)
	}
	return nil
}

// firstLine is the first non-empty line of text, trimmed and shortened to
// maxTitleRunes.
func firstLine(text string) string {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) > maxTitleRunes {
			line = string([]rune(line)[:maxTitleRunes]) + "…"
		}
		return line
	}
	return ""
}
