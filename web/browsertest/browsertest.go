// Package browsertest drives the map page in headless Chromium for the
// tests of web/ and e2e/: one tab per test, console errors and dialogs
// collected, every step under a time limit, screenshots kept as artefacts.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Page is one headless tab and what it reported on its console.
type Page struct {
	Ctx     context.Context
	mu      sync.Mutex
	console []string
	dialogs []string
	allowed []allowance
}

// allowance is a console message a test provokes on purpose.
type allowance struct{ source, text, urlSuffix string }

// Allow keeps console messages from source whose text contains text and
// whose URL ends with urlSuffix out of Problems: the browser logs every
// 4xx answer, and a test of a form's error display provokes one.
func (p *Page) Allow(source, text, urlSuffix string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.allowed = append(p.allowed, allowance{source, text, urlSuffix})
}

func (p *Page) isAllowed(m chromedp.ConsoleMessage) bool {
	for _, a := range p.allowed {
		if string(m.Source) == a.source && strings.Contains(m.Text, a.text) && strings.HasSuffix(m.URL, a.urlSuffix) {
			return true
		}
	}
	return false
}

// FindChromium returns $CHROME_PATH, Debian's /usr/bin/chromium, or a
// browser on PATH, or "".
func FindChromium() string {
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

// Missing skips a browser test that cannot run here, or fails it when
// INCIDENTMAP_REQUIRE_BROWSER is set (as CI does), saying why.
func Missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("INCIDENTMAP_REQUIRE_BROWSER") != "" {
		t.Fatalf("browser test cannot run: %s", why)
	}
	t.Skipf("browser test skipped: %s", why)
}

// Open starts headless Chromium with a fresh profile and a window of the
// given size, or calls Missing when there is no Chromium. Callers check
// that the page's vendored files are there (web.VendorReady) first.
func Open(t *testing.T, width, height int) *Page {
	t.Helper()
	chrome := FindChromium()
	if chrome == "" {
		Missing(t, "no chromium found (apt-get install chromium, or set CHROME_PATH)")
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
	p := &Page{Ctx: ctx}
	if err := p.listen(); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// Size the page itself too, so screenshots have exactly this size.
	p.Do(t, "set viewport", chromedp.EmulateViewport(int64(width), int64(height)))
	return p
}

// listen collects dialogs and console errors, exceptions and warnings.
func (p *Page) listen() error {
	err := chromedp.Listen(p.Ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			p.mu.Lock()
			p.dialogs = append(p.dialogs, d.Message)
			p.mu.Unlock()
		}
	})
	if err != nil {
		return err
	}
	messages := chromedp.Console(p.Ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type != chromedp.ConsoleError && m.Type != chromedp.ConsoleException && m.Type != chromedp.ConsoleWarning {
				continue
			}
			p.mu.Lock()
			if !p.isAllowed(m) {
				p.console = append(p.console, fmt.Sprintf("%s (%s %s)", m.String(), m.Source, m.URL))
			}
			p.mu.Unlock()
		}
	}()
	return nil
}

// Do runs steps with a time limit so a broken page fails instead of hanging.
func (p *Page) Do(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v\npage problems: %q", what, err, p.Problems())
	}
}

// Eval evaluates a JavaScript expression and decodes its value.
func Eval[T any](t *testing.T, p *Page, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// Problems returns console errors and warnings and any dialogs seen.
func (p *Page) Problems() []string {
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
