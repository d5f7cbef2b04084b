package web

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestMapPageInBrowser drives the page against the fake API: markers,
// popup, list, filters, URL state, the add-a-place form, search and ingest.
func TestMapPageInBrowser(t *testing.T) {
	p := openBrowser(t)
	api := newFakeAPI()
	srv := httptest.NewServer(api.handler(FS()))
	t.Cleanup(srv.Close)

	p.do(t, "open page", chromedp.Navigate(srv.URL+"/#z=5&lat=48&lon=35"))
	p.waitFor(t, "six incident markers", `document.querySelectorAll('.incident-marker').length === 6`)

	p.saveScreenshot(t, "map-initial.png")

	t.Run("markers and list", func(t *testing.T) {
		if n := eval[int](t, p, `document.querySelectorAll('.incident-marker.imprecise').length`); n != 1 {
			t.Errorf("imprecise markers = %d, want 1 (incident 5 is region-only)", n)
		}
		if id := eval[string](t, p, `document.querySelector('.incident-marker.imprecise').dataset.id`); id != "5" {
			t.Errorf("imprecise marker is incident %s, want 5", id)
		}
		if n := eval[int](t, p, `document.querySelectorAll('#incident-list li').length`); n != 6 {
			t.Errorf("list entries = %d, want 6", n)
		}
		dates := eval[[]string](t, p, `[...document.querySelectorAll('#incident-list time')].map(e => e.textContent)`)
		for i := 1; i < len(dates); i++ {
			if dates[i] > dates[i-1] {
				t.Errorf("list not newest first: %v", dates)
				break
			}
		}
		if n := eval[int](t, p, `document.querySelectorAll('.country-label').length`); n == 0 {
			t.Error("no country labels drawn from the basemap")
		}
		q := api.itemQueriesCopy()
		if len(q) == 0 || q[len(q)-1].Get("bbox") == "" {
			t.Errorf("items request without bbox:\n%s", queryString(q))
		}
	})

	t.Run("popup shows quote as text", func(t *testing.T) {
		p.clickUntil(t, "marker 1", `.incident-marker[data-id="1"]`, `document.querySelector('.leaflet-popup-content .quote') !== null`)
		quote := eval[string](t, p, `document.querySelector('.leaflet-popup-content .quote').textContent`)
		if !strings.Contains(quote, xssQuote) {
			t.Errorf("quote %q does not show %q literally", quote, xssQuote)
		}
		if n := eval[int](t, p, `document.querySelectorAll('.leaflet-popup-content img, img[src="x"]').length`); n != 0 {
			t.Errorf("%d <img> elements created from article text", n)
		}
		if mark := eval[string](t, p, `document.querySelector('.leaflet-popup-content mark').textContent`); mark != "Kharkiv" {
			t.Errorf("highlighted place = %q, want Kharkiv", mark)
		}
		place := eval[string](t, p, `document.querySelector('.leaflet-popup-content .place').textContent`)
		if !strings.Contains(place, "Kharkiv") || !strings.Contains(place, "Ukraine") {
			t.Errorf("place line %q lacks place or country", place)
		}
		href := eval[string](t, p, `document.querySelector('.leaflet-popup-content .sources a').href`)
		if href != "https://news.example.org/kharkiv" {
			t.Errorf("source link = %q", href)
		}
	})

	t.Run("unsafe source url is not a link", func(t *testing.T) {
		p.do(t, "close popup", chromedp.Evaluate[chromedp.Void](`document.querySelector('.leaflet-popup-close-button').click()`))
		p.clickUntil(t, "marker 2", `.incident-marker[data-id="2"]`, `(document.querySelector('.leaflet-popup-content .quote')?.textContent || '').includes('Odesa')`)
		if n := eval[int](t, p, `document.querySelectorAll('.leaflet-popup-content .sources a').length`); n != 0 {
			t.Errorf("javascript: source rendered as %d link(s)", n)
		}
		if c := eval[string](t, p, `document.querySelector('.leaflet-popup-content .facts').textContent`); !strings.Contains(c, "12 drones") {
			t.Errorf("facts %q lack the count", c)
		}
	})

	t.Run("event type filter changes the request and the URL", func(t *testing.T) {
		before := len(api.itemQueriesCopy())
		p.do(t, "untick Riots", chromedp.Click(chromedp.CSS(`#type-riots`)))
		p.waitFor(t, "five entries", `document.querySelectorAll('#incident-list li').length === 5`)
		qs := api.itemQueriesCopy()
		if len(qs) <= before {
			t.Fatalf("no new items request after the toggle")
		}
		types := qs[len(qs)-1].Get("event_type")
		if types == "" || strings.Contains(types, "Riots") || !strings.Contains(types, "Battles") {
			t.Errorf("event_type after unticking Riots = %q", types)
		}
		hash := eval[string](t, p, `location.hash`)
		state, err := url.ParseQuery(strings.TrimPrefix(hash, "#"))
		if err != nil {
			t.Fatalf("hash %q: %v", hash, err)
		}
		if got := state.Get("types"); got == "" || strings.Contains(got, "Riots") {
			t.Errorf("URL types = %q, want the five others", got)
		}
		if state.Get("z") != "5" || state.Get("lat") == "" || state.Get("lon") == "" {
			t.Errorf("URL lacks the view: %q", hash)
		}
	})

	t.Run("URL state restores the view", func(t *testing.T) {
		link := eval[string](t, p, `location.href`)
		p.do(t, "reload from link", chromedp.Navigate("about:blank"), chromedp.Navigate(link))
		p.waitFor(t, "five markers", `document.querySelectorAll('.incident-marker').length === 5`)
		if checked := eval[bool](t, p, `document.getElementById('type-riots').checked`); checked {
			t.Error("Riots toggle is on after restoring a link that filtered it out")
		}
		if checked := eval[bool](t, p, `document.getElementById('type-battles').checked`); !checked {
			t.Error("Battles toggle is off after restore")
		}
		qs := api.itemQueriesCopy()
		if types := qs[len(qs)-1].Get("event_type"); strings.Contains(types, "Riots") {
			t.Errorf("restored page asked for %q", types)
		}
		p.do(t, "tick Riots again", chromedp.Click(chromedp.CSS(`#type-riots`)))
		p.waitFor(t, "six markers again", `document.querySelectorAll('.incident-marker').length === 6`)
	})

	t.Run("a pan makes one items request", func(t *testing.T) {
		before := len(api.itemQueriesCopy())
		box := eval[[]float64](t, p, `(r => [r.left, r.top, r.width, r.height])(document.getElementById('map').getBoundingClientRect())`)
		x, y := box[0]+box[2]/2, box[1]+box[3]*0.8
		steps := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft)}
		for i := 1; i <= 10; i++ {
			steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+float64(i)*4, y-float64(i)*2, chromedp.ButtonLeft))
		}
		steps = append(steps, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x+40, y-20, chromedp.ButtonLeft))
		p.do(t, "drag the map", steps...)
		time.Sleep(900 * time.Millisecond)
		if got := len(api.itemQueriesCopy()) - before; got != 1 {
			t.Errorf("items requests after one pan = %d, want 1:\n%s", got, queryString(api.itemQueriesCopy()[before:]))
		}
	})

	t.Run("dragging across the timeline selects dates", func(t *testing.T) {
		box := eval[[]float64](t, p, `(r => [r.left, r.top, r.width, r.height])(document.querySelector('svg.timeline').getBoundingClientRect())`)
		if n := eval[int](t, p, `document.querySelectorAll('svg.timeline .bars rect').length`); n != 6 {
			t.Fatalf("timeline has %d day columns, want 6 (2024-04-02..07)", n)
		}
		col := func(i int) float64 { return box[0] + box[2]*(float64(i)+0.5)/6 }
		y := box[1] + box[3]/2
		p.do(t, "drag",
			chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, col(1), y, chromedp.ButtonLeft),
			chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, col(2), y, chromedp.ButtonLeft),
			chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, col(3), y, chromedp.ButtonLeft),
			chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, col(3), y, chromedp.ButtonLeft),
		)
		p.waitFor(t, "three entries", `document.querySelectorAll('#incident-list li').length === 3`)
		if from := eval[string](t, p, `document.getElementById('filter-from').value + '/' + document.getElementById('filter-to').value`); from != "2024-04-03/2024-04-05" {
			t.Errorf("date inputs = %q after dragging 04-03..04-05", from)
		}
		qs := api.itemQueriesCopy()
		if dt := qs[len(qs)-1].Get("datetime"); dt != "2024-04-03/2024-04-05" {
			t.Errorf("datetime sent = %q", dt)
		}
		if hash := eval[string](t, p, `location.hash`); !strings.Contains(hash, "from=2024-04-03") || !strings.Contains(hash, "to=2024-04-05") {
			t.Errorf("URL lacks the dates: %q", hash)
		}
		p.do(t, "clear filters", chromedp.Click(chromedp.CSS(`#filters button[type="reset"]`)))
		p.waitFor(t, "six entries", `document.querySelectorAll('#incident-list li').length === 6`)
	})

	t.Run("layers control shows places and regions", func(t *testing.T) {
		toggle := func(label string) {
			t.Helper()
			p.do(t, "toggle "+label, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
				`[...document.querySelectorAll('.leaflet-control-layers-overlays label')].find(l => l.textContent.trim() === %q).querySelector('input').click()`, label)))
		}
		toggle("Places")
		p.waitFor(t, "place circles", `document.querySelectorAll('path.place-circle').length === 6`)
		toggle("Regions (admin1)")
		p.waitFor(t, "region circles", `document.querySelectorAll('path.region-circle').length === 6`)
		p.waitFor(t, "layers in URL", `/layers=incidents%2Cplaces%2Cregions/.test(location.hash)`)
		toggle("Incidents")
		p.waitFor(t, "incidents hidden", `document.querySelectorAll('.incident-marker').length === 0`)
		toggle("Incidents")
		toggle("Places")
		toggle("Regions (admin1)")
		p.waitFor(t, "only incidents", `document.querySelectorAll('.incident-marker').length === 6 && document.querySelectorAll('path.place-circle, path.region-circle').length === 0`)
	})

	t.Run("add a place shows field errors and round-trips", func(t *testing.T) {
		p.do(t, "open form", chromedp.Click(chromedp.CSS(`#place-open`)))
		p.waitFor(t, "dialog open", `document.getElementById('place-dialog').open`)
		p.do(t, "click map", chromedp.Click(chromedp.CSS(`#map`)))
		p.waitFor(t, "lat from map click", `document.getElementById('place-lat').value !== ''`)
		lat := eval[float64](t, p, `Number(document.getElementById('place-lat').value)`)
		if lat < 35 || lat > 60 {
			t.Errorf("map click set lat %v, want inside the view", lat)
		}
		p.do(t, "fill form",
			chromedp.SetValue(chromedp.CSS(`#place-name`), "Test village"),
			chromedp.SetValue(chromedp.CSS(`#place-lat`), "95"),
			chromedp.Click(chromedp.CSS(`#place-form button[type="submit"]`)),
		)
		p.waitFor(t, "lat error", `document.getElementById('place-lat-error').textContent !== ''`)
		if msg := eval[string](t, p, `document.getElementById('place-lat-error').textContent`); msg != "must be between -90 and 90" {
			t.Errorf("lat error = %q", msg)
		}
		if inv := eval[string](t, p, `document.getElementById('place-lat').getAttribute('aria-invalid') || ''`); inv != "true" {
			t.Errorf("lat input aria-invalid = %q", inv)
		}
		if msg := eval[string](t, p, `document.getElementById('place-name-error').textContent`); msg != "" {
			t.Errorf("name shows an error %q it was not given", msg)
		}
		p.do(t, "fix lat",
			chromedp.SetValue(chromedp.CSS(`#place-lat`), "50.1"),
			chromedp.Click(chromedp.CSS(`#place-form button[type="submit"]`)),
		)
		p.waitFor(t, "saved", `document.querySelector('#place-dialog .form-status').textContent.includes('Saved')`)
		api.mu.Lock()
		last := api.placePosts[len(api.placePosts)-1]
		api.mu.Unlock()
		if last["name"] != "Test village" || last["lat"] != 50.1 {
			t.Errorf("posted place = %v", last)
		}
		p.do(t, "close form", chromedp.Click(chromedp.CSS(`#place-dialog .close`)))
	})

	t.Run("search flies to a place", func(t *testing.T) {
		p.do(t, "type", chromedp.Click(chromedp.CSS(`#place-search`)), chromedp.SendKeys(chromedp.CSS(`#place-search`), "Khar"))
		p.waitFor(t, "options", `document.querySelectorAll('#place-results [role=option]').length === 2`)
		p.do(t, "choose second", chromedp.SendKeys(chromedp.CSS(`#place-search`), kb.ArrowDown+kb.Enter))
		p.waitFor(t, "flown to Kharkiv Oblast", `(p => p.get('z') === '8' && Math.abs(p.get('lat') - 49.5) < 0.05 && Math.abs(p.get('lon') - 36.5) < 0.05)(new URLSearchParams(location.hash.slice(1)))`)
	})

	t.Run("side list hover highlights and click flies to the marker", func(t *testing.T) {
		p.waitFor(t, "Kharkiv in the list", `document.querySelector('.incident-row[data-id="1"]') !== null`)
		// The list may redraw as the view settles, so hover until it takes.
		p.hoverUntil(t, "Kharkiv row", `.incident-row[data-id="1"]`, `document.querySelector('.incident-marker[data-id="1"]')?.classList.contains('highlight')`)
		// One click: it starts a flight, and another would restart it.
		p.do(t, "click row", chromedp.Click(chromedp.CSS(`.incident-row[data-id="1"]`)))
		p.waitFor(t, "popup for the row", `(document.querySelector('.leaflet-popup-content .place')?.textContent || '').startsWith('Kharkiv')`)
		p.waitFor(t, "zoomed in", `new URLSearchParams(location.hash.slice(1)).get('z') === '9'`)
	})

	t.Run("ingest highlights places by byte offsets", func(t *testing.T) {
		text := "Звіт: обстріл у Харків 😀 " + xssQuote + " and later Odesa."
		p.do(t, "open ingest", chromedp.Click(chromedp.CSS(`#ingest-open`)))
		p.do(t, "fill article",
			chromedp.SetValue(chromedp.CSS(`#ingest-title-input`), "Test report"),
			chromedp.SetValue(chromedp.CSS(`#ingest-text`), text),
			chromedp.Click(chromedp.CSS(`#ingest-form button[type="submit"]`)),
		)
		p.waitFor(t, "highlights", `document.querySelectorAll('.ingest-text mark').length === 2`)
		marks := eval[[]string](t, p, `[...document.querySelectorAll('.ingest-text mark')].map(m => m.textContent)`)
		if fmt.Sprint(marks) != "[Харків Odesa]" {
			t.Errorf("highlighted %q, want [Харків Odesa]", marks)
		}
		if got := eval[string](t, p, `document.querySelector('.ingest-text').textContent`); got != text {
			t.Errorf("ingest text changed: %q", got)
		}
		if n := eval[int](t, p, `document.querySelectorAll('.ingest-text img, img[src="x"]').length`); n != 0 {
			t.Errorf("%d <img> created from the article", n)
		}
		p.waitFor(t, "new incident marker", `document.querySelector('.incident-marker[data-id="101"]') !== null`)
	})

	p.saveScreenshot(t, "map-page.png")
	// Give late errors (e.g. a failed image) a moment to arrive.
	time.Sleep(300 * time.Millisecond)
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}
