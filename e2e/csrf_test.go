package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/incidentmap/incidentmap/web/browsertest"
)

// attackPage is a page on another origin that tries to make the user's
// browser store an article: an auto-submitted text/plain form (which needs
// no CORS preflight), a no-cors fetch and a beacon. It sets the title to
// "done" when all three have been sent.
func attackPage(target string) string {
	return `<!doctype html><html><head><title>attack</title></head><body>
<iframe name="sink" id="sink"></iframe>
<form id="f" method="POST" action="` + target + `/api/articles" enctype="text/plain" target="sink">
<input name="Shelling hit Kherson overnight. " value="Drones struck Odesa.">
</form>
<script>
let loaded = false;
document.getElementById('sink').addEventListener('load', () => { loaded = true; });
document.getElementById('f').submit();
const sent = [
  fetch('` + target + `/api/articles', {method: 'POST', mode: 'no-cors',
    headers: {'Content-Type': 'text/plain'}, body: 'Shelling hit Kharkiv overnight.'}).catch(() => {}),
  Promise.resolve(navigator.sendBeacon('` + target + `/api/articles', 'Drones struck Kyiv.')),
];
Promise.all(sent).then(() => {
  const wait = () => loaded ? (document.title = 'done') : setTimeout(wait, 50);
  wait();
});
</script></body></html>`
}

// openChromium starts headless Chromium with extra command-line flags, or
// skips when there is none (fails under INCIDENTMAP_REQUIRE_BROWSER).
func openChromium(t *testing.T, flags map[string]any) context.Context {
	t.Helper()
	chrome := browsertest.FindChromium()
	if chrome == "" {
		browsertest.Missing(t, "no chromium found (apt-get install chromium, or set CHROME_PATH)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	for k, v := range flags {
		opts = append(opts, chromedp.Flag(k, v))
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// Start the browser on ctx itself: started on a derived context with
	// a time limit, it would close when that context ends.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// storedArticles is how many articles the server holds, from its export.
func storedArticles(t *testing.T, s *liveServer) int {
	t.Helper()
	resp, err := http.Get(s.url + "/api/articles/1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return 1
	}
	return 0
}

// TestCrossSiteWritesInChromium serves a hostile page from another origin
// and lets real Chromium run it: the server must store nothing, and its
// log must show that the requests did arrive and were refused (403), so
// the test is not passing merely because the browser never sent them.
// A second page reaches the server under a foreign name that resolves to
// 127.0.0.1 (DNS rebinding) and posts same-origin; that is refused too.
func TestCrossSiteWritesInChromium(t *testing.T) {
	t.Parallel()
	s := startServer(t, serverOptions{noDemo: true})
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(s.url, "http://"))

	attacker := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, attackPage(s.url))
	}))
	defer attacker.Close()

	ctx := openChromium(t, map[string]any{
		// evil.example resolves to this machine, as after DNS rebinding.
		"host-resolver-rules": "MAP evil.example 127.0.0.1",
	})
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		c, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(c, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// Another origin: the attacker's server on localhost, another port.
	attackURL := strings.Replace(attacker.URL, "127.0.0.1", "localhost", 1)
	run("open the cross-origin page", chromedp.Navigate(attackURL))
	deadline := time.Now().Add(20 * time.Second)
	for {
		title, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.title`))
		if err == nil && title == "done" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the attack page did not finish sending (title %q, %v)", title, err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	// DNS rebinding: a page from evil.example, served by our server itself
	// (the attacker's name now points at it), posts to its own origin.
	rebound := "http://evil.example:" + port
	run("open the rebound name", chromedp.Navigate(rebound+"/healthz"))
	status, err := chromedp.Run(ctx, chromedp.Evaluate[int](`fetch('/api/articles', {method: 'POST',
		headers: {'Content-Type': 'text/plain'}, body: 'Shelling hit Kherson overnight.'}).then(r => r.status)`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetch under the rebound name: %v", err)
	}
	if status != http.StatusForbidden {
		t.Errorf("same-origin post under a rebound name answered %d, want 403", status)
	}

	if n := storedArticles(t, s); n != 0 {
		t.Fatalf("the server stored %d article(s) from another site", n)
	}
	logs := s.stdout.String() + s.stderr.String()
	refused := strings.Count(logs, "status=403")
	if refused < 3 {
		t.Fatalf("the server logged %d refused requests, want the form, fetch, beacon and rebound posts (4); log:\n%.3000s", refused, logs)
	}
	t.Logf("%d cross-site requests arrived and were refused", refused)
}
