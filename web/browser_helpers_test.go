// Helpers that drive headless Chromium for the page tests: start it with a
// fresh profile, run steps with time limits, collect console errors, and
// save screenshots. Kept apart so they can be reused against the real server.

package web

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// findChromium returns the browser to drive: $CHROME_PATH, Debian's
// /usr/bin/chromium, or one on PATH.
func findChromium() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserPage is one headless tab plus everything the page wrote to its
// console, so a test can fail on any error.
type browserPage struct {
	ctx     context.Context
	mu      sync.Mutex
	console []string
	dialogs []string
}

// openBrowser starts headless Chromium with a fresh profile, or skips the
// test when Chromium or the vendored Leaflet files are missing (fails
// instead when INCIDENTMAP_REQUIRE_BROWSER is set, as CI may do).
func openBrowser(t *testing.T) *browserPage {
	t.Helper()
	missing := func(why string) {
		t.Helper()
		if os.Getenv("INCIDENTMAP_REQUIRE_BROWSER") != "" {
			t.Fatalf("browser test cannot run: %s", why)
		}
		t.Skipf("browser test skipped: %s", why)
	}
	chrome := findChromium()
	if chrome == "" {
		missing("no chromium found (apt-get install chromium, or set CHROME_PATH)")
	}
	if !VendorReady(FS()) {
		missing("static/vendor is missing (run `npm ci && npm run vendor` in web/, or make)")
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	p := &browserPage{ctx: ctx}
	err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			p.mu.Lock()
			p.dialogs = append(p.dialogs, d.Message)
			p.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type != chromedp.ConsoleError && m.Type != chromedp.ConsoleException && m.Type != chromedp.ConsoleWarning {
				continue
			}
			// The browser logs every 4xx answer; the form test provokes one
			// on purpose, and the page shows it next to the field.
			if m.Source == "network" && strings.Contains(m.Text, "400") && strings.HasSuffix(m.URL, "/api/gazetteer") {
				continue
			}
			p.mu.Lock()
			p.console = append(p.console, fmt.Sprintf("%s (%s %s)", m.String(), m.Source, m.URL))
			p.mu.Unlock()
		}
	}()
	return p
}

// do runs steps with a time limit so a broken page fails instead of hanging.
func (p *browserPage) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](t *testing.T, p *browserPage, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it is truthy.
func (p *browserPage) waitFor(t *testing.T, what, predicate string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		p.saveScreenshot(t, "failure.png")
		if hash, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.hash`)); err == nil {
			t.Logf("location.hash: %s", hash)
		}
		t.Fatalf("waiting for %s (%s): %v\npage problems: %q", what, predicate, err, p.problems())
	}
}

// problems returns console errors and warnings and any alert dialogs seen.
func (p *browserPage) problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]string, 0, len(p.console)+len(p.dialogs))
	for _, s := range p.console {
		out = append(out, "console "+s)
	}
	for _, s := range p.dialogs {
		out = append(out, "dialog "+s)
	}
	return out
}

// saveScreenshot writes the page as a PNG test artefact: into
// $INCIDENTMAP_ARTIFACTS when set, else the system temp folder.
func (p *browserPage) saveScreenshot(t *testing.T, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	dir := os.Getenv("INCIDENTMAP_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "incidentmap-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Errorf("screenshot dir: %v", err)
		return
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	t.Logf("screenshot saved to %s", path)
}

// clickUntil clicks the element matching selector every half second until
// predicate holds: a click that lands while the map is still animating is
// lost, and a fixed sleep would be either slow or flaky.
func (p *browserPage) clickUntil(t *testing.T, what, selector, predicate string) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
		if (%s) return true;
		const el = document.querySelector(%q);
		if (el) el.click();
		return false;
	})()`, predicate, selector)
	ctx, cancel := context.WithTimeout(p.ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(10*time.Second), chromedp.WithPollingInterval(500*time.Millisecond))); err != nil {
		p.saveScreenshot(t, "failure.png")
		t.Fatalf("clicking %s until %s: %v\npage problems: %q", what, predicate, err, p.problems())
	}
}
