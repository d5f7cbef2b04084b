package e2e

// Thin wrappers over web/browsertest, the driver the page's own tests use.

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/incidentmap/incidentmap/web"
	"github.com/incidentmap/incidentmap/web/browsertest"
)

type browserPage struct{ *browsertest.Page }

// openBrowser opens a headless tab of the given size, or skips (fails in
// CI) when Chromium or the vendored Leaflet files are missing.
func openBrowser(t *testing.T, width, height int) *browserPage {
	t.Helper()
	if !web.VendorReady(web.FS()) {
		browsertest.Missing(t, "web/static/vendor is missing (run make web)")
	}
	return &browserPage{browsertest.Open(t, width, height)}
}

func (p *browserPage) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	p.Do(t, what, steps...)
}

func (p *browserPage) waitFor(t *testing.T, what, predicate string, limit time.Duration) {
	t.Helper()
	p.WaitFor(t, what, predicate, limit)
}

func (p *browserPage) clickUntil(t *testing.T, what, selector, predicate string, limit time.Duration) {
	t.Helper()
	p.ClickUntil(t, what, selector, predicate, limit)
}

func (p *browserPage) problems() []string { return p.Problems() }

func (p *browserPage) screenshot(t *testing.T) []byte {
	t.Helper()
	return p.Screenshot(t)
}

func (p *browserPage) saveScreenshot(t *testing.T, name string) {
	t.Helper()
	p.SaveScreenshot(t, name)
}

func writeArtifact(t *testing.T, name string, b []byte) {
	t.Helper()
	browsertest.WriteArtifact(t, name, b)
}

func eval[T any](t *testing.T, p *browserPage, expr string) T {
	t.Helper()
	return browsertest.Eval[T](t, p.Page, expr)
}
