package web

// Thin wrappers over browsertest for the page's own tests, which all use
// one window size and a 10 s wait.

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/incidentmap/incidentmap/web/browsertest"
)

type browserPage struct{ *browsertest.Page }

// openBrowser opens a 1280x900 headless tab, or skips (fails in CI) when
// Chromium or the vendored Leaflet files are missing.
func openBrowser(t *testing.T) *browserPage {
	t.Helper()
	if !VendorReady(FS()) {
		browsertest.Missing(t, "web/static/vendor is missing (run make web)")
	}
	p := browsertest.Open(t, 1280, 900)
	// The form test provokes a 400 on purpose; the page shows it by the field.
	p.Allow("network", "400", "/api/gazetteer")
	return &browserPage{p}
}

func (p *browserPage) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	p.Do(t, what, steps...)
}

func (p *browserPage) waitFor(t *testing.T, what, predicate string) {
	t.Helper()
	p.WaitFor(t, what, predicate, 10*time.Second)
}

func (p *browserPage) clickUntil(t *testing.T, what, selector, predicate string) {
	t.Helper()
	p.ClickUntil(t, what, selector, predicate, 10*time.Second)
}

func (p *browserPage) hoverUntil(t *testing.T, what, selector, predicate string) {
	t.Helper()
	p.DispatchUntil(t, what, selector, "mouseenter", predicate, 10*time.Second)
}

func (p *browserPage) problems() []string { return p.Problems() }

func (p *browserPage) saveScreenshot(t *testing.T, name string) {
	t.Helper()
	p.SaveScreenshot(t, name)
}

func eval[T any](t *testing.T, p *browserPage, expr string) T {
	t.Helper()
	return browsertest.Eval[T](t, p.Page, expr)
}
