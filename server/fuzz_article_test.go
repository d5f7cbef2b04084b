package server

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
)

// FuzzArticleBody posts arbitrary bodies as JSON or plain text through the
// real router: the server must never answer 5xx or panic, and whatever it
// hands the ingester must be valid UTF-8 text without control characters,
// with a plausible published time and an http(s) URL.
func FuzzArticleBody(f *testing.F) {
	for _, seed := range []string{
		`{"title":"Strike","url":"https://example.org/a","published":"2024-04-05T09:00:00Z","text":"A drone hit Kherson."}`,
		`{"text":"\u0000\u0000"}`, `{"text":"a","published":"0000-01-01"}`, `{"text":"a","published":"9999-12-31"}`,
		"{\"text\":\"\xff\"}", `{"text":"a","url":"javascript:alert(1)"}`, `{"text":5}`, `[]`, `{"text":"a"} {}`,
		"Title line\nShelling in Kherson.", "\x00\x1b", "",
	} {
		f.Add([]byte(seed), true)
		f.Add([]byte(seed), false)
	}
	deps := testDeps()
	var bad string
	deps.Ingester = &fakeIngester{IngestFn: func(_ context.Context, a geo.Article) (geo.IngestResult, error) {
		switch {
		case !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title):
			bad = "invalid UTF-8"
		case strings.TrimSpace(a.Text) == "":
			bad = "empty text"
		case geo.CheckPublished(a.Published, fixedNow) != nil:
			bad = "implausible published time " + a.Published.String()
		case a.URL != "" && !strings.HasPrefix(a.URL, "http://") && !strings.HasPrefix(a.URL, "https://"):
			bad = "URL " + a.URL
		}
		if _, ctl := geo.ControlChar(a.Text + a.Title); ctl {
			bad = "control character"
		}
		return geo.IngestResult{ArticleID: 1}, nil
	}}
	s := mustServer(f, Config{}, deps)
	f.Fuzz(func(t *testing.T, body []byte, asJSON bool) {
		bad = ""
		ct := "text/plain"
		if asJSON {
			ct = "application/json"
		}
		req := newRequest(http.MethodPost, "/api/articles", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", ct)
		rec := serveHTTP(s, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		if bad != "" {
			t.Fatalf("the ingester got an article with %s from %q", bad, body)
		}
	})
}
