package main

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/web"
	"github.com/incidentmap/incidentmap/web/browsertest"
)

// TestNamesToPlaceInBrowser closes the loop on the page, in real Chromium
// against the real server and components: the unknown village is listed
// under "Names to place"; choosing it opens the add-a-place form with the
// name filled in and the map on its region; a click on the map sets the
// point; saving moves the incident there at precision 1 and empties the
// list.
func TestNamesToPlaceInBrowser(t *testing.T) {
	if !web.VendorReady(web.FS()) {
		browsertest.Missing(t, "web/static/vendor is missing (run make web)")
	}
	if browsertest.FindChromium() == "" {
		browsertest.Missing(t, "no chromium found")
	}
	ctx := context.Background()
	st, pl, srv := realServer(t)
	report := geo.Article{Title: "Shelling", Published: time.Date(2024, 4, 5, 8, 0, 0, 0, time.UTC),
		Text: "Russian forces shelled the village of Zorianivka in the Donetsk region on Thursday, killing two civilians."}
	if _, err := ingestArticle(ctx, st, pl, report, true); err != nil {
		t.Fatal(err)
	}
	if err := srv.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })

	p := browsertest.Open(t, 1280, 900)
	wait := func(what, predicate string) { t.Helper(); p.WaitFor(t, what, predicate, 15*time.Second) }
	p.Do(t, "open page", chromedp.Navigate(srv.URL()+"/#z=5&lat=45&lon=30"))
	wait("one imprecise incident", `document.querySelectorAll('.incident-marker.imprecise').length === 1`)
	wait("the name listed", `[...document.querySelectorAll('#names-list .name-text')].some(e => e.textContent === 'Zorianivka')`)
	if meta := browsertest.Eval[string](t, p, `document.querySelector('#names-list .name-meta').textContent`); meta != "Donetsk, UA · seen 1×" {
		t.Errorf("name meta = %q, want the region and count", meta)
	}

	p.Do(t, "choose the name", chromedp.Click(chromedp.CSS(`#names-list .name-to-place`)))
	wait("form open with the name", `document.getElementById('place-dialog').open && document.getElementById('place-name').value === 'Zorianivka'`)
	if cc := browsertest.Eval[string](t, p, `document.getElementById('place-country').value + '.' + document.getElementById('place-admin1').value`); cc != "UA.05" {
		t.Errorf("country.admin1 = %q, want UA.05 from the region", cc)
	}
	wait("map on the region", `/z=8&lat=48\.0/.test(location.hash)`)

	// Click the map up and left of its centre (the region's point, where
	// the old incident's marker sits).
	x := browsertest.Eval[float64](t, p, `(() => { const r = document.getElementById('map').getBoundingClientRect(); return r.left + r.width / 2 - 150; })()`)
	y := browsertest.Eval[float64](t, p, `(() => { const r = document.getElementById('map').getBoundingClientRect(); return r.top + r.height / 2 - 100; })()`)
	p.Do(t, "click the map", chromedp.MouseClickXY(x, y))
	wait("point from the click", `document.getElementById('place-lat').value !== ''`)
	wait("region from the point", `document.getElementById('place-country').value === 'UA'`)
	lat := browsertest.Eval[float64](t, p, `Number(document.getElementById('place-lat').value)`)
	lon := browsertest.Eval[float64](t, p, `Number(document.getElementById('place-lon').value)`)
	p.Do(t, "save", chromedp.Click(chromedp.CSS(`#place-form button[type="submit"]`)))

	wait("the incident moved to the village", `document.querySelectorAll('.incident-marker').length === 1 &&
		document.querySelectorAll('.incident-marker.imprecise').length === 0 &&
		document.querySelector('#incident-list .row-place').textContent === 'Zorianivka, UA'`)
	wait("the list emptied", `document.querySelectorAll('#names-list li').length === 0`)
	p.SaveScreenshot(t, "names-to-place-after.png")

	incs, _, err := st.Incidents(ctx, geo.IncidentFilter{Limit: 10})
	if err != nil || len(incs) != 1 {
		t.Fatalf("incidents: %v, %d; want 1", err, len(incs))
	}
	if got := incs[0]; math.Abs(got.Lat-lat) > 1e-4 || math.Abs(got.Lon-lon) > 1e-4 || got.GeoPrecision != geo.PrecisionExact {
		t.Errorf("stored incident at %v,%v precision %d; want the clicked %v,%v at precision 1", got.Lat, got.Lon, got.GeoPrecision, lat, lon)
	}
	if problems := p.Problems(); len(problems) > 0 {
		t.Errorf("page problems: %q", problems)
	}
}
