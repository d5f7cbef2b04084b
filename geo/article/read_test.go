package article

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	if v, err := ParsePublished(s); err == nil {
		return v
	}
	t.Fatalf("bad test time %q", s)
	return time.Time{}
}

func TestReadValid(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		input string
		want  []geo.Article
	}{
		{
			name:  "json object",
			file:  "a.json",
			input: `{"title":"Strike on depot","url":"https://example.org/1","published":"2024-04-02T06:00:00Z","text":"A depot burned."}`,
			want:  []geo.Article{{Title: "Strike on depot", URL: "https://example.org/1", Published: mustTime(t, "2024-04-02T06:00:00Z"), Text: "A depot burned."}},
		},
		{
			name:  "json array with date only and unknown members",
			file:  "b.JSON",
			input: `[{"title":"One","published":"2024-04-02","text":"First.","lang":"en"},{"title":"Two","text":"Second."}]`,
			want: []geo.Article{
				{Title: "One", Published: mustTime(t, "2024-04-02"), Text: "First."},
				{Title: "Two", Text: "Second."},
			},
		},
		{
			name:  "json date synonym",
			file:  "c.json",
			input: `{"date":"2023-12-31","text":"Quiet night."}`,
			want:  []geo.Article{{Title: "Quiet night.", Published: mustTime(t, "2023-12-31"), Text: "Quiet night."}},
		},
		{
			name:  "jsonl with blank lines and CRLF",
			file:  "d.jsonl",
			input: "{\"title\":\"A\",\"text\":\"x\"}\r\n\r\n{\"title\":\"B\",\"text\":\"y\",\"published\":\"2024-01-05\"}\n",
			want: []geo.Article{
				{Title: "A", Text: "x"},
				{Title: "B", Text: "y", Published: mustTime(t, "2024-01-05")},
			},
		},
		{
			name:  "ndjson extension",
			file:  "e.ndjson",
			input: `{"title":"A","text":"x"}`,
			want:  []geo.Article{{Title: "A", Text: "x"}},
		},
		{
			name:  "text with header",
			file:  "f.txt",
			input: "Title: Shelling in the north\nURL: https://example.org/f\nPublished: 2024-02-10T08:15:00+02:00\nSource: wire\n\nShells hit the town.\nMore later.",
			want:  []geo.Article{{Title: "Shelling in the north", URL: "https://example.org/f", Published: mustTime(t, "2024-02-10T08:15:00+02:00"), Text: "Shells hit the town.\nMore later."}},
		},
		{
			name:  "text header with date key and lower case",
			file:  "g.txt",
			input: "date: 2024-02-11\n\nHeadline here\n\nBody.",
			want:  []geo.Article{{Title: "Headline here", Published: mustTime(t, "2024-02-11"), Text: "Headline here\n\nBody."}},
		},
		{
			name:  "text without header takes first line as title",
			file:  "h.txt",
			input: "\n\n  Drones downed over the coast  \nAir defence said so.",
			want:  []geo.Article{{Title: "Drones downed over the coast", Text: "\n\n  Drones downed over the coast  \nAir defence said so."}},
		},
		{
			name:  "colon line with unknown key is not a header",
			file:  "i.txt",
			input: "Kyiv: explosions overnight\n\nResidents heard blasts.",
			want:  []geo.Article{{Title: "Kyiv: explosions overnight", Text: "Kyiv: explosions overnight\n\nResidents heard blasts."}},
		},
		{
			name:  "byte order mark is dropped",
			file:  "j.txt",
			input: "\ufeffTitle: T\n\nBody.",
			want:  []geo.Article{{Title: "T", Text: "Body."}},
		},
		{
			name:  "stdin sniffed as json",
			file:  "-",
			input: `  {"title":"S","text":"from stdin"}`,
			want:  []geo.Article{{Title: "S", Text: "from stdin"}},
		},
		{
			name:  "stdin sniffed as jsonl",
			file:  "-",
			input: "{\"text\":\"a\"}\n{\"text\":\"b\"}\n",
			want:  []geo.Article{{Title: "a", Text: "a"}, {Title: "b", Text: "b"}},
		},
		{
			name:  "text starting with a bracket stays text",
			file:  "",
			input: "[Update] Clashes resumed.",
			want:  []geo.Article{{Title: "[Update] Clashes resumed.", Text: "[Update] Clashes resumed."}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, strings.NewReader(tt.input))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d articles, want %d: %+v", len(got), len(tt.want), got)
			}
			for i := range got {
				g, w := got[i], tt.want[i]
				if g.Title != w.Title || g.URL != w.URL || g.Text != w.Text || !g.Published.Equal(w.Published) {
					t.Errorf("article %d:\n got %+v\nwant %+v", i, g, w)
				}
			}
		})
	}
}

func TestReadInvalid(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		input     string
		wantField string
		wantInMsg string
	}{
		{name: "empty text file", file: "a.txt", input: " \n\n", wantField: "text"},
		{name: "header but no body", file: "a.txt", input: "Title: x\n\n", wantField: "text"},
		{name: "bad published in header", file: "a.txt", input: "Published: last Tuesday\n\nBody.", wantField: "published", wantInMsg: "header"},
		{name: "bad url in header", file: "a.txt", input: "URL: not a url\n\nBody.", wantField: "url"},
		{name: "json missing text", file: "a.json", input: `{"title":"x"}`, wantField: "text"},
		{name: "json wrong type", file: "a.json", input: `{"title":5,"text":"x"}`, wantField: "title"},
		{name: "json truncated", file: "a.json", input: `{"title":"x"`, wantField: "json"},
		{name: "json array bad item names item", file: "a.json", input: `[{"text":"ok"},{"text":"x","published":"13/01/2024"}]`, wantField: "published", wantInMsg: "item 2"},
		{name: "jsonl bad published names line", file: "a.jsonl", input: "{\"text\":\"a\"}\n\n{\"text\":\"b\",\"published\":\"soon\"}\n", wantField: "published", wantInMsg: "line 3"},
		{name: "jsonl syntax error names line", file: "a.jsonl", input: "{\"text\":\"a\"}\n{oops}\n", wantField: "json", wantInMsg: "line 2"},
		{name: "jsonl two values on a line", file: "a.jsonl", input: "{\"text\":\"a\"} {\"text\":\"b\"}\n", wantField: "json", wantInMsg: "line 1"},
		{name: "jsonl empty", file: "a.jsonl", input: "\n\n", wantField: "text"},
		{name: "ftp url rejected", file: "a.json", input: `{"url":"ftp://example.org/x","text":"x"}`, wantField: "url"},
		{name: "invalid utf-8", file: "a.txt", input: "ok \xff\xfe bytes", wantField: "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.file, strings.NewReader(tt.input))
			var e *geo.Error
			if !errors.As(err, &e) {
				t.Fatalf("want *geo.Error, got %v", err)
			}
			if e.Code != geo.EInvalid || e.Field != tt.wantField {
				t.Fatalf("got code %q field %q (%v), want invalid %q", e.Code, e.Field, err, tt.wantField)
			}
			if !strings.Contains(err.Error(), tt.wantInMsg) {
				t.Fatalf("error %q does not mention %q", err, tt.wantInMsg)
			}
		})
	}
}

func TestReadTooLarge(t *testing.T) {
	if _, err := readLimited("big.txt", strings.NewReader(strings.Repeat("a", 101)), 100); geo.ErrorCode(err) != geo.ETooLarge {
		t.Fatalf("want too_large, got %v", err)
	}
	if _, err := readLimited("fits.txt", strings.NewReader(strings.Repeat("a", 100)), 100); err != nil {
		t.Fatalf("input at the limit should pass: %v", err)
	}
}

func TestLongFirstLineTitleIsShortened(t *testing.T) {
	a, err := ParseText(strings.Repeat("é", maxTitleRunes+50))
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(a.Title)); n != maxTitleRunes+1 {
		t.Fatalf("title has %d runes, want %d (with ellipsis)", n, maxTitleRunes+1)
	}
}
