package e2e

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/incidentmap/incidentmap/data/store"
)

// pointOfJS returns the page coordinates of a lat/lon on a map centred on
// (clat, clon) at zoom z, from Leaflet's own projection.
func pointOfJS(lat, lon, clat, clon float64, z int) string {
	return fmt.Sprintf(`(() => {
  const box = document.getElementById('map').getBoundingClientRect();
  const crs = L.CRS.EPSG3857;
  const c = crs.latLngToPoint(L.latLng(%f, %f), %d);
  const p = crs.latLngToPoint(L.latLng(%f, %f), %d);
  return [box.left + box.width / 2 + p.x - c.x, box.top + box.height / 2 + p.y - c.y];
})()`, clat, clon, z, lat, lon, z)
}

// regionPointJS finds a spot on the map where a click lands on the given
// region's fill (not on a marker or a control), or null.
func regionPointJS(id string) string {
	return fmt.Sprintf(`(() => {
  const box = document.getElementById('map').getBoundingClientRect();
  for (let y = box.top + 60; y < box.bottom - 60; y += 17) {
    for (let x = box.left + 60; x < box.right - 60; x += 17) {
      const hit = document.elementFromPoint(x, y);
      if (hit && hit.dataset && hit.dataset.region === %q) return [x, y];
    }
  }
  return null;
})()`, id)
}

func click(x, y float64) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	}
}

// TestWorkingMapInBrowser checks the map an analyst works on, against a
// real server with the demo data: town labels and oblast boundaries at
// zoom 9 over Donetsk oblast, the per-region choropleth and its legend,
// a region click that filters the list, the timeline's axis, brush and
// play button, the ingest result list and adding a place by a map click.
// Screenshots of each step are kept as test artefacts.
func TestWorkingMapInBrowser(t *testing.T) {
	t.Parallel()
	p := openBrowser(t, 1400, 900)
	s := startServer(t, serverOptions{})
	const lat, lon, z = 48.5, 37.7, 9
	view := fmt.Sprintf("#z=%d&lat=%v&lon=%v", z, lat, lon)

	p.do(t, "open page over Donetsk oblast", chromedp.Navigate(s.url+"/"+view+"&layers=incidents"))

	t.Run("town labels at zoom 9", func(t *testing.T) {
		p.waitFor(t, "labels drawn", `document.querySelectorAll('.place-label').length >= 15`, 15*time.Second)
		names := eval[[]string](t, p, `[...document.querySelectorAll('.place-label')].map(e => e.textContent)`)
		for _, want := range []string{"Kramatorsk", "Sloviansk", "Donetsk"} {
			if !contains(names, want) {
				t.Errorf("no label %q among %d: %v", want, len(names), names)
			}
		}
		overlaps := eval[int](t, p, `(() => {
  const boxes = [...document.querySelectorAll('.place-label-text')].map(e => e.getBoundingClientRect());
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.left < b.right - 2 && b.left < a.right - 2 && a.top < b.bottom - 2 && b.top < a.bottom - 2) n++;
  }
  return n;
})()`)
		if overlaps > 0 {
			t.Errorf("%d pairs of labels overlap", overlaps)
		}
	})

	t.Run("oblast boundaries drawn", func(t *testing.T) {
		// Ukraine's oblast borders cross this view (Donetsk meets Kharkiv,
		// Luhansk and Dnipropetrovsk oblasts): some drawn border must lie
		// inside the map.
		p.waitFor(t, "boundaries in view", `(() => {
  const m = document.getElementById('map').getBoundingClientRect();
  return [...document.querySelectorAll('path.admin1-border')].some(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.left < m.right && r.right > m.left && r.top < m.bottom && r.bottom > m.top && e.getAttribute('d').length > 50;
  });
})()`, 15*time.Second)
		time.Sleep(300 * time.Millisecond) // let the other countries' borders arrive too
		p.saveScreenshot(t, "work-labels-boundaries-z9.png")
	})

	t.Run("choropleth classes and legend; a click filters the list", func(t *testing.T) {
		// Through the layers control, as a user would.
		p.do(t, "turn on the choropleth", chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('.leaflet-control-layers-overlays label')]
  .find(l => l.textContent.includes('Incidents per region')).querySelector('input').click()`))
		p.waitFor(t, "legend classes", `document.querySelectorAll('.choropleth-legend li').length >= 2`, 15*time.Second)
		p.waitFor(t, "Donetsk oblast coloured", `[...document.querySelectorAll('path[data-region="UA.05"]')].some(e => Number(e.dataset.class) >= 0)`, 10*time.Second)
		p.saveScreenshot(t, "work-choropleth.png")

		var inRegion featureCollection
		s.getJSON(t, "/collections/incidents/items?admin1=UA.05&limit=1000", &inRegion)
		places := map[string]bool{}
		for _, f := range inRegion.Features {
			places[f.str("location")] = true
		}
		if len(places) == 0 {
			t.Fatal("the demo data has no incident in Donetsk oblast")
		}
		xy := eval[[]float64](t, p, regionPointJS("UA.05"))
		if len(xy) != 2 {
			t.Fatal("no clickable spot of Donetsk oblast in view")
		}
		p.do(t, "click Donetsk oblast", click(xy[0], xy[1])...)
		p.waitFor(t, "region chip", `!document.getElementById('filter-region').hidden`, 10*time.Second)
		p.waitFor(t, "URL names the region", `location.hash.includes('region=UA.05')`, 5*time.Second)
		time.Sleep(700 * time.Millisecond) // the list reloads after the debounce
		p.waitFor(t, "list rows", listRowsJS+` > 0`, 10*time.Second)
		rows := eval[[]string](t, p, `[...document.querySelectorAll('#incident-list .row-place')].map(e => e.textContent)`)
		for _, row := range rows {
			place := strings.TrimSuffix(strings.TrimSpace(row), ", UA")
			if !places[place] {
				t.Errorf("list row %q is not an incident of Donetsk oblast (%v)", row, places)
			}
		}
		p.saveScreenshot(t, "work-region-filter.png")
		p.do(t, "clear the region", chromedp.Click(chromedp.CSS(`#filter-region .region-clear`)))
		p.waitFor(t, "chip hidden", `document.getElementById('filter-region').hidden`, 5*time.Second)
	})

	t.Run("timeline axis, brush and play", func(t *testing.T) {
		// Clearing the region reloads the timeline: wait for the whole span.
		p.waitFor(t, "axis shows April", `[...document.querySelectorAll('svg.timeline .axis text')].some(e => e.textContent === 'Apr')`, 10*time.Second)
		p.do(t, "type a range", chromedp.Evaluate[chromedp.Void](`(() => {
  for (const [id, v] of [['filter-from', '2024-03-25'], ['filter-to', '2024-04-05']]) {
    const input = document.getElementById(id);
    input.value = v;
    input.dispatchEvent(new Event('change'));
  }
})()`))
		p.waitFor(t, "handles shown", `document.querySelectorAll('svg.timeline .handle.shown').length === 2`, 10*time.Second)
		from := eval[string](t, p, `document.getElementById('filter-from').value`)
		if from != "2024-03-25" {
			t.Fatalf("from input = %q", from)
		}
		h := eval[[]float64](t, p, `(r => [r.left + r.width / 2, r.top + r.height / 2])(document.querySelector('svg.timeline .handle-to .handle-bar').getBoundingClientRect())`)
		step := eval[float64](t, p, `(r => r.width / document.querySelectorAll('svg.timeline .bars rect').length)(document.querySelector('svg.timeline').getBoundingClientRect())`)
		p.do(t, "drag the end handle three days left",
			chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, h[0], h[1], chromedp.ButtonLeft),
			chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, h[0]-step, h[1], chromedp.ButtonLeft),
			chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, h[0]-3*step, h[1], chromedp.ButtonLeft),
			chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, h[0]-3*step, h[1], chromedp.ButtonLeft),
		)
		p.waitFor(t, "end moved earlier", `document.getElementById('filter-to').value < '2024-04-05' && document.getElementById('filter-to').value >= '2024-03-25'`, 5*time.Second)
		if got := eval[string](t, p, `document.getElementById('filter-from').value`); got != "2024-03-25" {
			t.Errorf("dragging the end handle moved the start to %q", got)
		}
		p.saveScreenshot(t, "work-timeline-brush.png")
		before := eval[string](t, p, `document.getElementById('filter-from').value`)
		p.do(t, "play", chromedp.Click(chromedp.CSS(`#timeline-play`)))
		p.waitFor(t, "playing", `document.getElementById('timeline-play').getAttribute('aria-pressed') === 'true'`, 5*time.Second)
		p.waitFor(t, "range stepped", fmt.Sprintf(`document.getElementById('filter-from').value > %q`, before), 10*time.Second)
		p.do(t, "pause", chromedp.Click(chromedp.CSS(`#timeline-play`)))
		p.waitFor(t, "paused", `document.getElementById('timeline-play').getAttribute('aria-pressed') === 'false'`, 5*time.Second)
		p.do(t, "clear filters", chromedp.Click(chromedp.CSS(`#filters button[type="reset"]`)))
	})

	t.Run("ingest lists the incidents found", func(t *testing.T) {
		rep := ukraineReport()
		p.do(t, "open the article dialog", chromedp.Click(chromedp.CSS(`#ingest-open`)))
		p.do(t, "fill and submit",
			chromedp.SetValue(chromedp.CSS(`#ingest-title-input`), rep.title),
			chromedp.SetValue(chromedp.CSS(`#ingest-url`), rep.url),
			chromedp.SetValue(chromedp.CSS(`#ingest-published`), rep.published),
			chromedp.SetValue(chromedp.CSS(`#ingest-text`), rep.text),
			chromedp.Click(chromedp.CSS(`#ingest-form button[type="submit"]`)),
		)
		p.waitFor(t, "result list", fmt.Sprintf(`document.querySelectorAll('.ingest-incident').length === %d`, len(rep.want)), 15*time.Second)
		rows := eval[[]string](t, p, `[...document.querySelectorAll('.ingest-incident')].map(e => e.textContent)`)
		for _, w := range rep.want {
			found := false
			for _, r := range rows {
				found = found || (strings.Contains(r, w.location) && strings.Contains(r, w.subEventType))
			}
			if !found {
				t.Errorf("no result row for %+v in %q", w, rows)
			}
		}
		if !strings.Contains(rows[0], "at the named place") && !strings.Contains(rows[0], "near the place") && !strings.Contains(rows[0], "region only") {
			t.Errorf("row %q does not say the precision", rows[0])
		}
		p.saveScreenshot(t, "work-ingest-result.png")
		// One click, as a user would: the map flies there and opens the popup.
		p.do(t, "show on map", chromedp.Click(chromedp.CSS(`.ingest-incident .show-on-map`)))
		p.waitFor(t, "popup of the new incident", `document.querySelector('.leaflet-popup-content .quote') !== null`, 10*time.Second)
		p.do(t, "close the dialog", chromedp.Click(chromedp.CSS(`#ingest-dialog .close`)))
	})

	t.Run("add a place by clicking the map", func(t *testing.T) {
		// A reload still pending from the last view may rewrite the URL
		// after the hash is set: set it until the map has taken it.
		p.waitFor(t, "back to Donetsk oblast", `(() => {
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get('z') === '9' && Math.abs(h.get('lat') - 48.5) < 0.01 && Math.abs(h.get('lon') - 37.7) < 0.01) return true;
  location.hash = '`+strings.TrimPrefix(view, "#")+`&layers=incidents';
  return false;
})()`, 10*time.Second)
		time.Sleep(800 * time.Millisecond) // the view settles
		p.do(t, "open the place dialog", chromedp.Click(chromedp.CSS(`#place-open`)))
		p.waitFor(t, "dialog open", `document.getElementById('place-dialog').open`, 5*time.Second)
		xy := eval[[]float64](t, p, pointOfJS(48.25, 37.25, lat, lon, z))
		if tag := eval[string](t, p, fmt.Sprintf(`(e => e ? e.tagName + '.' + (e.className.baseVal ?? e.className) : '')(document.elementFromPoint(%f, %f))`, xy[0], xy[1])); strings.Contains(tag, "marker") {
			t.Fatalf("the spot to click is covered by %s", tag)
		}
		p.do(t, "click the map", click(xy[0], xy[1])...)
		p.waitFor(t, "country and region filled", `document.getElementById('place-country').value === 'UA' && document.getElementById('place-admin1').value === '05'`, 10*time.Second)
		if where := eval[string](t, p, `document.getElementById('place-where').textContent`); !strings.Contains(where, "Donetsk") || !strings.Contains(where, "Ukraine") {
			t.Errorf("place-where = %q", where)
		}
		overflow := eval[[]string](t, p, `(() => {
  const d = document.getElementById('place-dialog').getBoundingClientRect();
  return [...document.querySelectorAll('#place-dialog input:not([type=hidden]), #place-dialog select, #place-dialog output')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.left < d.left - 0.5 || r.right > d.right + 0.5; })
    .map(e => e.id);
})()`)
		if len(overflow) > 0 {
			t.Errorf("inputs wider than the dialog at 1400 px: %v", overflow)
		}
		p.do(t, "name and save",
			chromedp.SetValue(chromedp.CSS(`#place-name`), "Novyi Khutir Testovyi"),
			chromedp.Click(chromedp.CSS(`#place-form button[type="submit"]`)),
		)
		p.waitFor(t, "saved", `document.querySelector('#place-dialog .form-status').textContent.includes('Saved')`, 10*time.Second)
		p.waitFor(t, "drawn at once", `[...document.querySelectorAll('.saved-place-label')].some(e => e.textContent.includes('Novyi Khutir Testovyi'))`, 5*time.Second)
		p.saveScreenshot(t, "work-add-place.png")
		var found []struct {
			Name    string `json:"name"`
			Country string `json:"country"`
			Admin1  string `json:"admin1"`
		}
		s.getJSON(t, "/api/gazetteer?q="+url.QueryEscape("Novyi Khutir Testovyi"), &found)
		if len(found) == 0 || found[0].Country != "UA" || found[0].Admin1 != "05" {
			t.Errorf("stored entry: %+v", found)
		}
		p.do(t, "close", chromedp.Click(chromedp.CSS(`#place-dialog .close`)))
	})

	time.Sleep(300 * time.Millisecond) // let late errors arrive
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}

// TestPlaceDialogFitsAPhone opens the add-a-place dialog at phone size and
// checks that every input fits inside it.
func TestPlaceDialogFitsAPhone(t *testing.T) {
	t.Parallel()
	p := openBrowser(t, 390, 844)
	s := startServer(t, serverOptions{noDemo: true})
	p.do(t, "open page", chromedp.Navigate(s.url+"/#z=7&lat=48.5&lon=37.7"))
	// The button works once the page's script has wired it: click until then.
	p.clickUntil(t, "open the place dialog", `#place-open`, `document.getElementById('place-dialog').open`, 10*time.Second)
	overflow := eval[[]string](t, p, `(() => {
  const d = document.getElementById('place-dialog').getBoundingClientRect();
  const out = d.right > window.innerWidth + 0.5 || d.left < -0.5 ? ['dialog'] : [];
  return out.concat([...document.querySelectorAll('#place-dialog input:not([type=hidden]), #place-dialog select, #place-dialog output, #place-dialog button')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.left < d.left - 0.5 || r.right > d.right + 0.5; })
    .map(e => e.id || e.className));
})()`)
	if len(overflow) > 0 {
		t.Errorf("wider than the dialog on a phone: %v", overflow)
	}
	p.saveScreenshot(t, "work-add-place-phone.png")
}

// The ingest dialog lists a village the gazetteer lacks, with the region
// it is thought to be in, and "Add as a place" starts the entry.
func TestIngestListsNamesThatCouldNotBePlaced(t *testing.T) {
	t.Parallel()
	p := openBrowser(t, 1400, 900)
	s := startServer(t, serverOptions{noDemo: true})
	p.do(t, "open page", chromedp.Navigate(s.url+"/#z=6&lat=48.5&lon=36"))
	p.clickUntil(t, "open the article dialog", `#ingest-open`, `document.getElementById('ingest-dialog').open`, 10*time.Second)
	p.do(t, "post an article naming an unknown village",
		chromedp.SetValue(chromedp.CSS(`#ingest-published`), "2024-04-09"),
		chromedp.SetValue(chromedp.CSS(`#ingest-text`), "Russian forces shelled the village of Zzyzxivka in the Donetsk region on Monday, killing two people."),
		chromedp.Click(chromedp.CSS(`#ingest-form button[type="submit"]`)),
	)
	p.waitFor(t, "unresolved listed", `[...document.querySelectorAll('.ingest-unresolved li')].some(e => e.textContent.includes('Zzyzxivka'))`, 15*time.Second)
	if row := eval[string](t, p, `document.querySelector('.ingest-unresolved li').textContent`); !strings.Contains(row, "Donetsk") {
		t.Errorf("unresolved row %q does not say the region", row)
	}
	p.saveScreenshot(t, "work-ingest-unresolved.png")
	p.do(t, "add it as a place", chromedp.Click(chromedp.CSS(`.ingest-unresolved .add-unresolved`)))
	p.waitFor(t, "place dialog with the name", `document.getElementById('place-dialog').open && document.getElementById('place-name').value === 'Zzyzxivka'`, 5*time.Second)
	for _, problem := range p.problems() {
		t.Errorf("page reported %s", problem)
	}
}

// Clusters are rings in the legend's colours: each ring segment is an event
// type of the incidents inside, and the number in the middle is the count.
func TestClustersShowTheirEventTypes(t *testing.T) {
	t.Parallel()
	p := openBrowser(t, 1400, 900)
	s := startServer(t, serverOptions{})
	p.do(t, "open page", chromedp.Navigate(s.url+"/#z=5&lat=48.5&lon=34"))
	p.waitFor(t, "clusters drawn", `document.querySelectorAll('.marker-cluster .cluster-donut').length > 0`, 15*time.Second)
	bad := eval[[]string](t, p, `[...document.querySelectorAll('.marker-cluster .cluster-donut')].filter(d => {
  const n = Number(d.querySelector('text').textContent);
  const segs = [...d.querySelectorAll('.seg')];
  const label = d.getAttribute('aria-label') || '';
  const parts = label.replace(/^\d+ incidents: /, '').split(', ').map(x => Number(x.split(' ')[0]));
  return !(n >= 2 && segs.length >= 1 && segs.every(e => /ev-/.test(e.getAttribute('class'))) &&
    parts.reduce((a, b) => a + b, 0) === n && parts.length === segs.length);
}).map(d => d.getAttribute('aria-label'))`)
	if len(bad) > 0 {
		t.Errorf("clusters whose ring does not match their count: %v", bad)
	}
	p.saveScreenshot(t, "work-clusters.png")
}

// A view holding more incidents than the page loads one by one shows the
// true totals: the counts drawn on the map add up to the number the list
// says are in view.
func TestMapCountsAreTrueTotals(t *testing.T) {
	t.Parallel()
	const n = 6000 // three times the page's 2,000
	db := filepath.Join(t.TempDir(), "many.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LoadSynthetic(context.Background(), n, 1); err != nil {
		t.Fatal(err)
	}
	st.Close()
	p := openBrowser(t, 1400, 900)
	s := startServer(t, serverOptions{db: db, noDemo: true})
	p.do(t, "open page", chromedp.Navigate(s.url+"/#z=4&lat=48&lon=33"))
	p.waitFor(t, "list says how many", `/ of \d+ incidents in view/.test(document.getElementById('list-summary').textContent)`, 20*time.Second)
	p.waitFor(t, "counts drawn", `document.querySelectorAll('.leaflet-marker-pane .aggregate').length > 0`, 20*time.Second)
	inView := eval[int](t, p, `Number(document.getElementById('list-summary').textContent.match(/ of (\d+) incidents/)[1])`)
	drawn := eval[int](t, p, `[...document.querySelectorAll('.leaflet-marker-pane .aggregate text')].reduce((a, e) => a + Number(e.textContent), 0)`)
	if inView <= 2000 {
		t.Fatalf("only %d incidents in view; the test needs more than a page", inView)
	}
	if drawn != inView {
		t.Errorf("the map's counts add up to %d, the list says %d are in view", drawn, inView)
	}
	if single := eval[int](t, p, `document.querySelectorAll('.leaflet-marker-pane .incident-marker').length`); single != 0 {
		t.Errorf("%d single markers drawn beside the counts", single)
	}
	p.saveScreenshot(t, "work-true-counts.png")
}

// TestSeaLabelsInBrowser: at a region's zoom the seas are named, in
// their own style (italic, blue), from the bundled gazetteer.
func TestSeaLabelsInBrowser(t *testing.T) {
	t.Parallel()
	p := openBrowser(t, 1400, 900)
	s := startServer(t, serverOptions{})
	p.do(t, "open page over the Black Sea", chromedp.Navigate(s.url+"/#z=6&lat=45.5&lon=35.5&layers=incidents"))
	p.waitFor(t, "sea labels drawn", `(() => {
  const seas = [...document.querySelectorAll('.place-label--water')].map(e => e.textContent);
  return seas.includes('Black Sea') && seas.includes('Sea of Azov');
})()`, 15*time.Second)
	style := eval[string](t, p, `getComputedStyle(document.querySelector('.place-label--water .place-label-text')).fontStyle`)
	if style != "italic" {
		t.Errorf("sea label font style %q, want italic", style)
	}
	p.saveScreenshot(t, "work-sea-labels-z6.png")
}
