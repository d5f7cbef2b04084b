package article

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
)

// checkArticle states what every accepted article satisfies.
func checkArticle(t *testing.T, a geo.Article) {
	t.Helper()
	if strings.TrimSpace(a.Text) == "" {
		t.Fatalf("accepted an article with empty text: %+v", a)
	}
	if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
		t.Fatalf("accepted invalid UTF-8: %+v", a)
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{
		"Title: a\nURL: https://example.org\nPublished: 2024-01-01\n\nbody",
		"Date: 2024-01-01T00:00:00Z\r\n\r\nbody",
		"Kyiv: x\n\nbody",
		"no header at all",
		"Title:\n\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseText(s)
		if err != nil {
			if geo.ErrorCode(err) != geo.EInvalid {
				t.Fatalf("error %v is not invalid input", err)
			}
			return
		}
		checkArticle(t, a)
		if !strings.Contains(s, a.Text) {
			t.Fatalf("article text is not part of the input")
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		"{\"title\":\"a\",\"text\":\"x\"}\n{\"text\":\"y\",\"published\":\"2024-01-01\"}\n",
		"{\"text\":1}\n",
		"{}\n\n[]",
		"\n",
		"{\"text\":\"x\"} {\"text\":\"y\"}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		as, err := Read("fuzz.jsonl", strings.NewReader(s))
		if err != nil {
			if code := geo.ErrorCode(err); code != geo.EInvalid {
				t.Fatalf("error %v has code %q", err, code)
			}
			return
		}
		if len(as) == 0 {
			t.Fatal("no error and no articles")
		}
		for _, a := range as {
			checkArticle(t, a)
		}
	})
}
