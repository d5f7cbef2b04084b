package web

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestMapPageOnPhone checks that on a phone-sized screen the panel starts
// closed and its toggle opens it.
func TestMapPageOnPhone(t *testing.T) {
	p := openBrowser(t)
	api := newFakeAPI()
	srv := httptest.NewServer(api.handler(FS()))
	t.Cleanup(srv.Close)

	p.do(t, "open page on a phone screen",
		chromedp.EmulateViewport(390, 800, chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(srv.URL+"/#z=4&lat=48&lon=35"))
	p.waitFor(t, "markers", `document.querySelectorAll('.incident-marker, .marker-cluster').length > 0`)
	if collapsed := eval[bool](t, p, `document.getElementById('sidepanel').classList.contains('collapsed')`); !collapsed {
		t.Error("panel is open at start on a phone screen")
	}
	if width := eval[float64](t, p, `document.getElementById('map').getBoundingClientRect().width`); width < 380 {
		t.Errorf("map is %vpx wide on a 390px screen", width)
	}
	p.do(t, "open panel", chromedp.Click(chromedp.CSS(`#panel-toggle`)))
	p.waitFor(t, "panel open", `!document.getElementById('sidepanel').classList.contains('collapsed') && document.getElementById('panel-toggle').getAttribute('aria-expanded') === 'true'`)
	p.waitFor(t, "panel on screen", `document.getElementById('sidepanel').getBoundingClientRect().left >= 0`)
	p.saveScreenshot(t, "map-phone.png")
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}

// TestMapPageDrawsAFullPage loads as many incidents as the page asks for
// at once and checks they are all listed and clustered. How fast is
// measured by BenchmarkMapPageFirstView (target: under 2 s).
func TestMapPageDrawsAFullPage(t *testing.T) {
	p := openBrowser(t)
	api := newFakeAPI()
	api.incidents = manyIncidents(2000)
	srv := httptest.NewServer(api.handler(FS()))
	t.Cleanup(srv.Close)

	start := time.Now()
	p.do(t, "open page", chromedp.Navigate(srv.URL+"/#z=5&lat=48&lon=35"))
	p.waitFor(t, "list of 2000", `(document.getElementById('list-summary').textContent || '').startsWith('2000 incidents')`)
	p.waitFor(t, "clusters drawn", `document.querySelectorAll('.marker-cluster').length > 0`)
	t.Logf("2000 incidents drawn %v after navigation", time.Since(start))
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}

// manyIncidents spreads n incidents over a grid on Ukraine, cycling types.
func manyIncidents(n int) []fakeIncident {
	base := fixtureIncidents()
	out := make([]fakeIncident, n)
	for i := range out {
		in := base[i%len(base)]
		in.ID = int64(1000 + i)
		in.Lat = 45.5 + float64(i%50)*0.12
		in.Lon = 24 + float64(i/50)*0.35
		in.Date = fmt.Sprintf("2024-03-%02d", 1+i%28)
		out[i] = in
	}
	return out
}

// TestWritesSendTheToken checks that when the server requires auth the
// page shows a token field and sends the token with writes.
func TestWritesSendTheToken(t *testing.T) {
	p := openBrowser(t)
	api := newFakeAPI()
	api.authRequired = true
	srv := httptest.NewServer(api.handler(FS()))
	t.Cleanup(srv.Close)

	p.do(t, "open page", chromedp.Navigate(srv.URL+"/#z=5&lat=48&lon=35"))
	p.waitFor(t, "token field shown", `!document.getElementById('auth').hidden`)
	p.do(t, "enter token and add a place",
		chromedp.SendKeys(chromedp.CSS(`#api-token`), "s3cret"+kb.Tab),
		chromedp.Click(chromedp.CSS(`#place-open`)),
		chromedp.SetValue(chromedp.CSS(`#place-name`), "Tokenville"),
		chromedp.SetValue(chromedp.CSS(`#place-lat`), "48.1"),
		chromedp.SetValue(chromedp.CSS(`#place-lon`), "35.2"),
		chromedp.Click(chromedp.CSS(`#place-form button[type="submit"]`)),
	)
	p.waitFor(t, "saved", `document.querySelector('#place-dialog .form-status').textContent.includes('Saved')`)
	api.mu.Lock()
	auth := slices.Clone(api.placeAuth)
	api.mu.Unlock()
	if len(auth) != 1 || auth[0] != "Bearer s3cret" {
		t.Errorf("Authorization headers sent = %q, want [Bearer s3cret]", auth)
	}
	if stored := eval[string](t, p, `sessionStorage.getItem('incidentmap.token')`); stored != "s3cret" {
		t.Errorf("sessionStorage token = %q", stored)
	}
}
