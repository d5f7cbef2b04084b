package browsertest

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// WaitFor polls a JavaScript predicate until it is truthy or the time
// limit passes; on failure it saves a screenshot.
func (p *Page) WaitFor(t *testing.T, what, predicate string, limit time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, limit+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate, chromedp.WithPollingTimeout(limit))); err != nil {
		p.fail(t, fmt.Sprintf("waiting for %s (%s): %v", what, predicate, err))
	}
}

// ClickUntil clicks the element matching selector every half second until
// predicate holds: a click that lands while the map is still animating a
// zoom is lost, and a fixed sleep would be either slow or flaky.
func (p *Page) ClickUntil(t *testing.T, what, selector, predicate string, limit time.Duration) {
	t.Helper()
	p.DispatchUntil(t, what, selector, "click", predicate, limit)
}

// DispatchUntil sends a mouse event ("click", "mouseenter") to the element
// matching selector every half second until predicate holds; the element is
// looked up afresh each time, since the page may have redrawn it.
func (p *Page) DispatchUntil(t *testing.T, what, selector, event, predicate string, limit time.Duration) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
		if (%s) return true;
		const el = document.querySelector(%q);
		if (el) el.dispatchEvent(new MouseEvent(%q, {bubbles: true, cancelable: true, view: window}));
		return false;
	})()`, predicate, selector, event)
	ctx, cancel := context.WithTimeout(p.Ctx, limit+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(limit), chromedp.WithPollingInterval(500*time.Millisecond))); err != nil {
		p.fail(t, fmt.Sprintf("%s on %s until %s: %v", event, what, predicate, err))
	}
}

// fail saves a screenshot and the URL hash, then stops the test.
func (p *Page) fail(t *testing.T, msg string) {
	t.Helper()
	p.SaveScreenshot(t, "failure-"+filepath.Base(t.Name())+".png")
	if hash, err := chromedp.Run(p.Ctx, chromedp.Evaluate[string](`location.hash`)); err == nil {
		t.Logf("location.hash: %s", hash)
	}
	t.Fatalf("%s\npage problems: %q", msg, p.Problems())
}
