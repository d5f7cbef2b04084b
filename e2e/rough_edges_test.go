package e2e

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// The same text file through `incidentmap ingest` and through POST
// /api/articles as text/plain is one article: the header is honoured both
// ways, so the second is a duplicate and GET /api/articles lists one.
func TestTextFileIngestedTwiceIsOneArticle(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	rep := ukraineReport()
	file := writeFile(t, filepath.Join(dir, "report.txt"), rep.asFile())
	mustCLI(t, "", "ingest", "--db", db, file)

	s := startServer(t, serverOptions{db: db, noDemo: true})
	res := s.request(t, http.MethodPost, "/api/articles", []byte(rep.asFile()), map[string]string{"Content-Type": "text/plain"})
	if res.status != http.StatusOK {
		t.Fatalf("POST of the ingested file: status %d, want 200 (duplicate): %s", res.status, res.body)
	}
	var list struct {
		Articles []struct {
			Title     string `json:"title"`
			URL       string `json:"url"`
			Published string `json:"published"`
		} `json:"articles"`
		NumberMatched int `json:"numberMatched"`
	}
	if err := json.Unmarshal(s.request(t, http.MethodGet, "/api/articles", nil, nil).body, &list); err != nil {
		t.Fatal(err)
	}
	if list.NumberMatched != 1 || len(list.Articles) != 1 {
		t.Fatalf("articles stored = %d, want 1: %+v", list.NumberMatched, list.Articles)
	}
	a := list.Articles[0]
	if a.Title != rep.title || a.URL != rep.url || a.Published[:10] != rep.published {
		t.Errorf("stored article %+v, want the header's title, URL and date", a)
	}
}

// A JSON Lines file with one bad line stores its good lines; the bad one
// is reported with its line number and counted as failed.
func TestJSONLinesBadLineFailsAlone(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	feed := `{"title":"Kherson","url":"https://wire.example.net/k","published":"2024-03-17","text":"Shelling hit Kherson overnight, officials said."}
{this line is broken
{"title":"Tbilisi","url":"https://wire.example.net/t","published":"2024-04-15","text":"Thousands marched in Tbilisi on Monday."}
`
	file := writeFile(t, filepath.Join(dir, "feed.jsonl"), feed)
	res := runCLI(t, "", "ingest", "--db", db, file)
	if res.code != 1 {
		t.Errorf("exit %d, want 1 (one article failed)", res.code)
	}
	if a, _, f, _ := summaryCounts(t, res.stdout); a != 2 || f != 1 {
		t.Errorf("summary %q: want 2 new articles and 1 failed", res.stdout)
	}
	if !strings.Contains(res.stderr, "line 2") {
		t.Errorf("stderr does not name line 2: %q", res.stderr)
	}
}
