package e2e

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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

// `incidentmap gazetteer add` while a server runs on the same store: the
// server sees the entry at once (it notices the store version moved), for
// search and for articles ingested after.
func TestGazetteerAddSeenByARunningServer(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store.db")
	s := startServer(t, serverOptions{db: db, noDemo: true})
	search := func() []struct {
		ID   int64   `json:"id"`
		Name string  `json:"name"`
		Lat  float64 `json:"lat"`
	} {
		var found []struct {
			ID   int64   `json:"id"`
			Name string  `json:"name"`
			Lat  float64 `json:"lat"`
		}
		s.getJSON(t, "/api/gazetteer?q=Vyshneve+Pole", &found)
		return found
	}
	if got := search(); len(got) != 0 && got[0].Name == "Vyshneve Pole" {
		t.Fatalf("found before it was added: %+v", got)
	}
	mustCLI(t, "", "gazetteer", "add", "--db", db, "--name", "Vyshneve Pole", "--lat", "47.4321", "--lon", "35.8765",
		"--country", "ua", "--admin1", "26", "--admin1-name", "Zaporizhzhia")
	got := search()
	if len(got) == 0 || got[0].Name != "Vyshneve Pole" || abs(got[0].Lat-47.4321) > 1e-6 {
		t.Fatalf("running server does not see the new entry: %+v", got)
	}
	wantIncidentAt(t, s, article{title: "Strike on Vyshneve Pole", text: "A drone strike hit Vyshneve Pole on Tuesday, the district head said.", published: "2024-04-09"}, "Vyshneve Pole")
}

// wantIncidentAt posts rep and checks that one of its incidents lies at
// the place named location.
func wantIncidentAt(t *testing.T, s *liveServer, rep article, location string) {
	t.Helper()
	res := s.postArticle(t, rep, "", http.StatusCreated)
	for _, f := range res.Incidents.Features {
		if f.str("location") == location {
			return
		}
	}
	t.Errorf("no incident of %q is at %s:%s", rep.title, location, describe(res.Incidents.Features))
}

// `incidentmap gazetteer import` while a server runs on the same store: the
// server reads the rows that import wrote, and only those, at its next
// search or ingest; a second import that moves a row is seen too.
func TestGazetteerImportSeenByARunningServer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store.db")
	s := startServer(t, serverOptions{db: db, noDemo: true})
	search := func() (found []struct {
		GeonameID int64   `json:"geonameid"`
		Name      string  `json:"name"`
		Lat       float64 `json:"lat"`
	}) {
		s.getJSON(t, "/api/gazetteer?q=Ozerne+Pole+Druhe", &found)
		return found
	}
	if got := search(); len(got) != 0 && got[0].GeonameID == 9900011 {
		t.Fatalf("found before the import: %+v", got)
	}
	row := func(lat string) string {
		return geonamesRow("9900011", "Ozerne Pole Druhe", "", lat, "36.81234", "PPL", "UA", "26", "350") + "\n"
	}
	mustCLI(t, "", "gazetteer", "import", "--db", db, writeFile(t, filepath.Join(dir, "first.txt"), row("47.71234")))
	if got := search(); len(got) == 0 || got[0].GeonameID != 9900011 || abs(got[0].Lat-47.71234) > 1e-6 {
		t.Fatalf("running server does not see the imported row: %+v", got)
	}
	mustCLI(t, "", "gazetteer", "import", "--db", db, writeFile(t, filepath.Join(dir, "second.txt"), row("47.6")))
	if got := search(); len(got) == 0 || abs(got[0].Lat-47.6) > 1e-6 {
		t.Fatalf("running server does not see the row imported again: %+v", got)
	}
	wantIncidentAt(t, s, article{title: "Shelling of Ozerne Pole Druhe", text: "Shelling hit Ozerne Pole Druhe on Tuesday, the district head said.", published: "2024-04-09"}, "Ozerne Pole Druhe")
}

// An empty store shows a hint over the map with a way to add an article;
// after the first article the hint goes away.
func TestEmptyStoreShowsHowToStart(t *testing.T) {
	t.Parallel()
	p := openBrowser(t, 1400, 900)
	s := startServer(t, serverOptions{noDemo: true})
	p.do(t, "open page", chromedp.Navigate(s.url+"/#z=5&lat=48.5&lon=33"))
	p.waitFor(t, "hint shown", `(h => h && !h.hidden)(document.querySelector('.empty-hint'))`, 10*time.Second)
	p.saveScreenshot(t, "empty-store-hint.png")
	p.do(t, "click the hint's button", chromedp.Click(chromedp.CSS(`.empty-hint button`)))
	p.waitFor(t, "article dialog open", `document.getElementById('ingest-dialog').open`, 5*time.Second)
	rep := khersonReport()
	p.do(t, "add an article",
		chromedp.SetValue(chromedp.CSS(`#ingest-text`), rep.text),
		chromedp.SetValue(chromedp.CSS(`#ingest-published`), rep.published),
		chromedp.Click(chromedp.CSS(`#ingest-form button[type="submit"]`)),
	)
	p.waitFor(t, "hint gone", `document.querySelector('.empty-hint').hidden`, 15*time.Second)
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}

// Every items query the README shows with curl finds features in the demo
// data, so a newcomer who pastes one sees something.
func TestREADMEQueriesFindDemoData(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := startServer(t, serverOptions{})
	n := 0
	for _, line := range strings.Split(string(readme), "\n") {
		const prefix = `curl -s "$H/collections/`
		if !strings.HasPrefix(line, prefix) || !strings.Contains(line, "/items?") {
			continue
		}
		path := "/collections/" + strings.SplitN(strings.TrimPrefix(line, prefix), `"`, 2)[0]
		n++
		var fc featureCollection
		if res := s.getJSON(t, path, &fc); res.status != http.StatusOK {
			t.Errorf("%s: status %d: %s", path, res.status, res.body)
			continue
		}
		if len(fc.Features) == 0 {
			t.Errorf("README query %s finds nothing in the demo data", path)
		}
	}
	if n < 4 {
		t.Fatalf("found only %d README item queries; has the README changed shape?", n)
	}
}
