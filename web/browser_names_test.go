package web

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestNamesPanelRendersNamesAsText: a name from a news article that looks
// like HTML is shown as text, never parsed, and choosing it fills the
// add-a-place form with it verbatim.
func TestNamesPanelRendersNamesAsText(t *testing.T) {
	p := openBrowser(t)
	const hostile = `<img src=x onerror="document.body.dataset.pwned=1">Kalynove`
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/unresolved", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"numberMatched": 1, "numberReturned": 1, "names": []any{
			map[string]any{"name": hostile, "key": "kalynove", "count": 2, "articles": []int{1, 2},
				"region": map[string]any{"name": "Donetsk", "admin1_name": "Donetsk", "country": "UA", "admin1": "05", "lat": 48.05, "lon": 37.89}},
		}})
	})
	mux.Handle("/", newFakeAPI().handler(FS()))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	p.do(t, "open page", chromedp.Navigate(srv.URL+"/#z=5&lat=48&lon=35"))
	p.waitFor(t, "one name", `document.querySelectorAll('#names-list .name-to-place').length === 1`)
	if got := eval[string](t, p, `document.querySelector('#names-list .name-text').textContent`); got != hostile {
		t.Errorf("name shown as %q, want the text verbatim", got)
	}
	if n := eval[int](t, p, `document.querySelectorAll('#names-list img').length`); n != 0 {
		t.Errorf("%d img elements in the panel: the name was parsed as HTML", n)
	}
	if got := eval[string](t, p, `document.getElementById('names-summary').textContent`); got != "1 name the gazetteer lacks" {
		t.Errorf("summary = %q", got)
	}
	p.saveScreenshot(t, "names-panel.png")
	p.do(t, "choose it", chromedp.Click(chromedp.CSS(`#names-list .name-to-place`)))
	p.waitFor(t, "form filled", `document.getElementById('place-dialog').open && document.getElementById('place-name').value.endsWith('Kalynove')`)
	if got := eval[string](t, p, `document.getElementById('place-name').value`); got != hostile {
		t.Errorf("form name = %q, want the name verbatim", got)
	}
	p.waitFor(t, "map on the region", `/z=8&lat=48\.05/.test(location.hash)`)
	if pwned := eval[string](t, p, `document.body.dataset.pwned || ''`); pwned != "" {
		t.Error("the name's markup ran")
	}
	if problems := p.problems(); len(problems) > 0 {
		t.Errorf("page problems: %q", problems)
	}
}
