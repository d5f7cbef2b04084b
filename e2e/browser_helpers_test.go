package e2e

// Helpers that drive headless Chromium, adapted from the page's own tests
// in web/ (test helpers cannot be imported across packages).

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/incidentmap/incidentmap/web"
)

// findChromium returns $CHROME_PATH, Debian's /usr/bin/chromium, or a
// browser on PATH.
func findChromium() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return ""
		}
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

// browserPage is one headless tab and what it reported on its console.
type browserPage struct {
	ctx     context.Context
	mu      sync.Mutex
	console []string
	dialogs []string
}

// openBrowser starts headless Chromium with a fresh profile and a window
// of the given size. It skips the test when Chromium or the page's
// vendored Leaflet files are missing, or fails when
// INCIDENTMAP_REQUIRE_BROWSER is set (as CI does).
func openBrowser(t *testing.T, width, height int) *browserPage {
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
	if !web.VendorReady(web.FS()) {
		missing("web/static/vendor is missing (run make web)")
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
		chromedp.WindowSize(width, height),
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
			p.mu.Lock()
			p.console = append(p.console, fmt.Sprintf("%s (%s %s)", m.String(), m.Source, m.URL))
			p.mu.Unlock()
		}
	}()
	// Size the page itself too, so screenshots have exactly this size.
	p.do(t, "set viewport", chromedp.EmulateViewport(int64(width), int64(height)))
	return p
}

// do runs steps with a time limit so a broken page fails instead of hanging.
func (p *browserPage) do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v\npage problems: %q", what, err, p.problems())
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

// waitFor polls a JavaScript predicate until it is truthy or the time
// limit passes; on failure it saves a screenshot.
func (p *browserPage) waitFor(t *testing.T, what, predicate string, limit time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, limit+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingTimeout(limit))); err != nil {
		p.saveScreenshot(t, "failure-"+filepath.Base(t.Name())+".png")
		if hash, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](`location.hash`)); err == nil {
			t.Logf("location.hash: %s", hash)
		}
		t.Fatalf("waiting for %s (%s): %v\npage problems: %q", what, predicate, err, p.problems())
	}
}

// problems returns console errors and warnings and any dialogs seen.
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

// artifactsDir is where screenshots go: $INCIDENTMAP_ARTIFACTS, else a
// folder in the system temp dir.
func artifactsDir() string {
	if dir := os.Getenv("INCIDENTMAP_ARTIFACTS"); dir != "" {
		return dir
	}
	return filepath.Join(os.TempDir(), "incidentmap-artifacts")
}

// screenshot captures the viewport as PNG.
func (p *browserPage) screenshot(t *testing.T) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot: %v", err)
		return nil
	}
	return png
}

// saveScreenshot writes the page as a PNG test artefact.
func (p *browserPage) saveScreenshot(t *testing.T, name string) {
	t.Helper()
	png := p.screenshot(t)
	if png == nil {
		return
	}
	writeArtifact(t, name, png)
}

func writeArtifact(t *testing.T, name string, b []byte) {
	t.Helper()
	dir := artifactsDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Errorf("artefacts dir: %v", err)
		return
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Errorf("artefact: %v", err)
		return
	}
	t.Logf("saved %s", path)
}

// clickUntil clicks the element matching selector every half second until
// predicate holds: a click that lands while the map is still animating a
// zoom is lost, and a fixed sleep would be either slow or flaky.
func (p *browserPage) clickUntil(t *testing.T, what, selector, predicate string, limit time.Duration) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
		if (%s) return true;
		const el = document.querySelector(%q);
		if (el) el.click();
		return false;
	})()`, predicate, selector)
	ctx, cancel := context.WithTimeout(p.ctx, limit+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(limit), chromedp.WithPollingInterval(500*time.Millisecond))); err != nil {
		p.saveScreenshot(t, "failure-"+filepath.Base(t.Name())+".png")
		t.Fatalf("clicking %s until %s: %v\npage problems: %q", what, predicate, err, p.problems())
	}
}
