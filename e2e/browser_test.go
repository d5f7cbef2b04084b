package e2e

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// shownIncidentsJS counts incidents drawn on the map: single markers plus
// the counts written on cluster icons.
const shownIncidentsJS = `(() => {
  let n = document.querySelectorAll('.leaflet-marker-pane .incident-marker').length;
  for (const c of document.querySelectorAll('.leaflet-marker-pane .marker-cluster')) n += Number(c.textContent.trim()) || 0;
  return n;
})()`

// listRowsJS counts the entries of the side list.
const listRowsJS = `document.querySelectorAll('#incident-list .incident-row').length`

// TestMapPageAgainstRealServer ingests three reports through the API of a
// real server and checks the page shows them: markers, side list, a popup
// that shows article markup as text, the event-type filter, the add-a-place
// form, and no console errors.
func TestMapPageAgainstRealServer(t *testing.T) {
	t.Parallel()
	p := openBrowser(t, 1280, 900)
	s := startServer(t, serverOptions{noDemo: true})

	reports := []article{sudanReport(), georgiaReport(), khersonReport()}
	byLocation := map[string]feature{}
	for _, rep := range reports {
		res := s.postArticle(t, rep, "", http.StatusCreated)
		if len(res.Incidents.Features) != len(rep.want) {
			t.Fatalf("%q gave %d incidents, want %d:%s", rep.title, len(res.Incidents.Features), len(rep.want), describe(res.Incidents.Features))
		}
		for _, w := range rep.want {
			f := findFeature(res.Incidents.Features, w)
			if f == nil {
				t.Fatalf("%q: no incident %+v in%s", rep.title, w, describe(res.Incidents.Features))
			}
			byLocation[w.location] = *f
		}
	}
	kherson := byLocation["Kherson"]
	const wideView = "#z=3&lat=32&lon=35"

	start := time.Now()
	p.do(t, "open page", chromedp.Navigate(s.url+"/"+wideView))
	p.waitFor(t, "three incidents drawn", shownIncidentsJS+` === 3`, 15*time.Second)
	t.Logf("3 incidents drawn %v after navigation", time.Since(start).Round(time.Millisecond))

	t.Run("side list shows the incidents newest first", func(t *testing.T) {
		p.waitFor(t, "three list rows", listRowsJS+` === 3`, 10*time.Second)
		places := eval[[]string](t, p, `[...document.querySelectorAll('#incident-list .row-place')].map(e => e.textContent)`)
		dates := eval[[]string](t, p, `[...document.querySelectorAll('#incident-list time')].map(e => e.textContent)`)
		want := []string{"Tbilisi", "Kherson", "El Fasher"} // 04-15, 03-17, 03-10
		for i, w := range want {
			if i >= len(places) || !strings.Contains(places[i], w) {
				t.Errorf("list places %q (dates %q), want %q in that order", places, dates, want)
				break
			}
		}
	})

	t.Run("popup shows article markup as text", func(t *testing.T) {
		lon, lat := kherson.lonLat()
		p.do(t, "zoom to Kherson", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = 'z=9&lat=%f&lon=%f'`, lat, lon)))
		marker := fmt.Sprintf(`.incident-marker[data-id="%d"]`, kherson.id())
		p.waitFor(t, "Kherson marker", fmt.Sprintf(`document.querySelector('%s') !== null`, marker), 10*time.Second)
		p.clickUntil(t, "Kherson marker", marker, `document.querySelector('.leaflet-popup-content .quote') !== null`, 10*time.Second)
		quote := eval[string](t, p, `document.querySelector('.leaflet-popup-content .quote').textContent`)
		if !strings.Contains(quote, markupQuote) {
			t.Errorf("popup quote %q does not show %q literally", quote, markupQuote)
		}
		if n := eval[int](t, p, `document.querySelectorAll('.leaflet-popup-content b, .leaflet-popup-content img, img[src="x"]').length`); n != 0 {
			t.Errorf("%d elements created from the article's markup", n)
		}
		if ran := eval[bool](t, p, `window.__xss !== undefined`); ran {
			t.Error("the article's onerror handler ran")
		}
		place := eval[string](t, p, `document.querySelector('.leaflet-popup-content .place').textContent`)
		if !strings.Contains(place, "Kherson") || !strings.Contains(place, "Ukraine") {
			t.Errorf("popup place %q, want Kherson, Ukraine", place)
		}
		if mark := eval[string](t, p, `document.querySelector('.leaflet-popup-content .quote mark')?.textContent || ''`); !strings.EqualFold(mark, "Kherson") {
			t.Errorf("highlighted place in the quote = %q, want Kherson", mark)
		}
		href := eval[string](t, p, `document.querySelector('.leaflet-popup-content .sources a')?.href || ''`)
		if href != khersonReport().url {
			t.Errorf("source link %q, want %q", href, khersonReport().url)
		}
	})

	t.Run("event type filter hides what it should", func(t *testing.T) {
		p.do(t, "back to the wide view", chromedp.Evaluate[chromedp.Void](`location.hash = '`+strings.TrimPrefix(wideView, "#")+`'`))
		p.waitFor(t, "three again", listRowsJS+` === 3 && `+shownIncidentsJS+` === 3`, 10*time.Second)
		p.do(t, "untick explosions", chromedp.Click(chromedp.CSS(`#type-explosions`)))
		p.waitFor(t, "two left", listRowsJS+` === 2 && `+shownIncidentsJS+` === 2`, 10*time.Second)
		places := eval[string](t, p, `document.getElementById('incident-list').textContent`)
		if strings.Contains(places, "Kherson") || !strings.Contains(places, "Tbilisi") || !strings.Contains(places, "El Fasher") {
			t.Errorf("list after hiding explosions: %q", places)
		}
		p.do(t, "tick explosions again", chromedp.Click(chromedp.CSS(`#type-explosions`)))
		p.waitFor(t, "three again", listRowsJS+` === 3`, 10*time.Second)
	})

	t.Run("add a place round-trips to the gazetteer", func(t *testing.T) {
		p.do(t, "open form", chromedp.Click(chromedp.CSS(`#place-open`)))
		p.waitFor(t, "dialog open", `document.getElementById('place-dialog').open`, 5*time.Second)
		p.do(t, "fill and submit",
			chromedp.SetValue(chromedp.CSS(`#place-name`), "Pryberezhne Nove"),
			chromedp.SetValue(chromedp.CSS(`#place-lat`), "46.5123"),
			chromedp.SetValue(chromedp.CSS(`#place-lon`), "32.4567"),
			chromedp.SetValue(chromedp.CSS(`#place-country`), "UA"),
			chromedp.Click(chromedp.CSS(`#place-form button[type="submit"]`)),
		)
		p.waitFor(t, "saved", `document.querySelector('#place-dialog .form-status').textContent.includes('Saved')`, 10*time.Second)
		var found []struct {
			Name string  `json:"name"`
			Lat  float64 `json:"lat"`
			Lon  float64 `json:"lon"`
		}
		s.getJSON(t, "/api/gazetteer?q="+url.QueryEscape("Pryberezhne Nove"), &found)
		if len(found) == 0 || found[0].Name != "Pryberezhne Nove" || abs(found[0].Lat-46.5123) > 1e-6 || abs(found[0].Lon-32.4567) > 1e-6 {
			t.Errorf("gazetteer search after the form: %+v", found)
		}
		p.do(t, "close form", chromedp.Click(chromedp.CSS(`#place-dialog .close`)))
	})

	p.saveScreenshot(t, "e2e-real-server.png")
	time.Sleep(300 * time.Millisecond) // let late errors arrive
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}

// saveDemoScreenshot opens the page on the demo server at 1400x900 and
// saves it as a test artefact; with INCIDENTMAP_UPDATE_SCREENSHOT=1 it also
// writes docs/screenshot.png for the README.
func saveDemoScreenshot(t *testing.T, s *liveServer) {
	p := openBrowser(t, 1400, 900)
	p.do(t, "open page", chromedp.Navigate(s.url+"/#z=4&lat=36&lon=34"))
	p.waitFor(t, "incidents drawn", shownIncidentsJS+` > 10`, 15*time.Second)
	p.waitFor(t, "basemap labels", `document.querySelectorAll('.country-label').length > 0`, 10*time.Second)
	var fc featureCollection
	s.getJSON(t, "/collections/incidents/items?limit=1", &fc)
	shown := eval[int](t, p, shownIncidentsJS)
	if shown > fc.matched(t) {
		t.Errorf("map shows %d incidents, store has %d", shown, fc.matched(t))
	}
	time.Sleep(500 * time.Millisecond) // let marker and cluster animations end
	png := p.screenshot(t)
	if png == nil {
		return
	}
	writeArtifact(t, "e2e-demo.png", png)
	if os.Getenv("INCIDENTMAP_UPDATE_SCREENSHOT") != "" {
		dest := filepath.Join("..", "docs", "screenshot.png")
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dest, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", dest)
	}
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}
