package e2e

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"
)

// box is a west,south,east,north query box.
type box [4]float64

func (b box) String() string { return fmt.Sprintf("%g,%g,%g,%g", b[0], b[1], b[2], b[3]) }

func (b box) contains(f feature) bool {
	lon, lat := f.lonLat()
	return lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3]
}

// checkBBoxFilter compares the server's bbox filter with the same filter
// applied to every incident here.
func checkBBoxFilter(t *testing.T, s *liveServer, all []feature) {
	cases := []struct {
		name     string
		b        box
		nonEmpty bool
	}{
		{"Ukraine", box{22, 44, 41, 53}, true},
		{"Sudan", box{21.5, 8.5, 39, 23}, true},
		{"eastern Ukraine", box{35, 46.5, 40.5, 50.5}, false},
		{"southern ocean", box{-60, -85, 60, -70}, false},
	}
	for _, c := range cases {
		want := 0
		for _, f := range all {
			if c.b.contains(f) {
				want++
			}
		}
		if c.nonEmpty && (want == 0 || want == len(all)) {
			t.Fatalf("%s: the demo set has %d of %d incidents inside; the check needs some in and some out", c.name, want, len(all))
		}
		var fc featureCollection
		s.getJSON(t, "/collections/incidents/items?limit=10000&bbox="+c.b.String(), &fc)
		if got := fc.matched(t); got != want || len(fc.Features) != want {
			t.Errorf("%s bbox=%s: numberMatched %d, %d features, want %d", c.name, c.b, got, len(fc.Features), want)
		}
		for _, f := range fc.Features {
			if !c.b.contains(f) {
				lon, lat := f.lonLat()
				t.Errorf("%s: incident %d at %g,%g is outside the bbox", c.name, f.id(), lon, lat)
			}
		}
	}
}

// checkDatetimeFilter compares instant, closed and open datetime intervals
// with the event dates of every incident.
func checkDatetimeFilter(t *testing.T, s *liveServer, all []feature) {
	dateSet := map[string]bool{}
	for _, f := range all {
		dateSet[f.str("event_date")] = true
	}
	var dates []string
	for d := range dateSet {
		dates = append(dates, d)
	}
	sort.Strings(dates)
	if len(dates) < 4 {
		t.Fatalf("demo incidents span only %d days", len(dates))
	}
	lo, mid, hi := dates[len(dates)/4], dates[len(dates)/2], dates[3*len(dates)/4]
	cases := []struct {
		param  string
		within func(d string) bool
	}{
		{mid, func(d string) bool { return d == mid }},
		{lo + "/" + hi, func(d string) bool { return d >= lo && d <= hi }},
		{"../" + mid, func(d string) bool { return d <= mid }},
		{mid + "/..", func(d string) bool { return d >= mid }},
		{lo + "T00:00:00Z/" + hi + "T23:59:59Z", func(d string) bool { return d >= lo && d <= hi }},
	}
	for _, c := range cases {
		want := 0
		for _, f := range all {
			if c.within(f.str("event_date")) {
				want++
			}
		}
		var fc featureCollection
		s.getJSON(t, "/collections/incidents/items?limit=10000&datetime="+url.QueryEscape(c.param), &fc)
		if got := fc.matched(t); got != want || len(fc.Features) != want {
			t.Errorf("datetime=%s: numberMatched %d, %d features, want %d", c.param, got, len(fc.Features), want)
		}
		if want == len(all) && !strings.HasPrefix(c.param, "..") && !strings.HasSuffix(c.param, "..") {
			t.Errorf("datetime=%s selects everything; the check cannot fail", c.param)
		}
		for _, f := range fc.Features {
			if !c.within(f.str("event_date")) {
				t.Errorf("datetime=%s returned incident %d of %s", c.param, f.id(), f.str("event_date"))
			}
		}
	}
	res := s.request(t, http.MethodGet, "/collections/incidents/items?datetime=yesterday", nil, nil)
	if res.status != http.StatusBadRequest {
		t.Errorf("datetime=yesterday: status %d, want 400", res.status)
	} else if e := decodeError(t, "bad datetime", res); !strings.Contains(e.Description, "datetime") {
		t.Errorf("error does not name the parameter: %+v", e)
	}
}

// checkPaging follows next links with small pages, with and without a
// filter, and checks each incident comes exactly once.
func checkPaging(t *testing.T, s *liveServer, all []feature) {
	cases := []struct {
		query string
		keep  func(feature) bool
	}{
		{"limit=7", func(feature) bool { return true }},
		{"limit=4&bbox=" + (box{22, 44, 41, 53}).String(), box{22, 44, 41, 53}.contains},
	}
	for _, c := range cases {
		want := map[int64]bool{}
		for _, f := range all {
			if c.keep(f) {
				want[f.id()] = true
			}
		}
		got, pages := s.allItems(t, "/collections/incidents/items?"+c.query)
		seen := map[int64]int{}
		for _, f := range got {
			seen[f.id()]++
		}
		for id, n := range seen {
			if n > 1 {
				t.Errorf("%s: incident %d returned %d times", c.query, id, n)
			}
			if !want[id] {
				t.Errorf("%s: incident %d should not be in the walk", c.query, id)
			}
		}
		for id := range want {
			if seen[id] == 0 {
				t.Errorf("%s: incident %d never returned", c.query, id)
			}
		}
		if pages < 2 {
			t.Errorf("%s: only %d page(s); the walk did not exercise next links", c.query, pages)
		}
		t.Logf("%s: %d incidents in %d pages", c.query, len(got), pages)
	}
}

// checkSingleItem fetches one incident by id and unknown ids.
func checkSingleItem(t *testing.T, s *liveServer, all []feature) {
	want := all[len(all)/2]
	res := s.request(t, http.MethodGet, fmt.Sprintf("/collections/incidents/items/%d", want.id()), nil, nil)
	var f feature
	if res.status != http.StatusOK || json.Unmarshal(res.body, &f) != nil {
		t.Fatalf("GET incident %d: %d %s", want.id(), res.status, res.body)
	}
	if f.id() != want.id() || f.str("quote") != want.str("quote") || f.str("location") != want.str("location") {
		t.Errorf("incident %d by id differs from the one in items: %+v", want.id(), f.Properties)
	}
	if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/geo+json") {
		t.Errorf("Content-Type %q, want application/geo+json", ct)
	}
	for _, path := range []string{"/collections/incidents/items/999999999", "/collections/nosuch/items"} {
		res := s.request(t, http.MethodGet, path, nil, nil)
		if res.status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, res.status)
			continue
		}
		decodeError(t, path, res)
	}
}

// checkAggregates reads the places and regions collections: points with
// incident counts that add up to the incidents.
func checkAggregates(t *testing.T, s *liveServer) {
	var inc featureCollection
	s.getJSON(t, "/collections/incidents/items?limit=1", &inc)
	total := inc.matched(t)
	for _, coll := range []string{"places", "regions"} {
		got, _ := s.allItems(t, "/collections/"+coll+"/items?limit=20")
		if len(got) == 0 {
			t.Errorf("%s: no features", coll)
			continue
		}
		sum := 0
		ids := map[string]int{}
		for _, f := range got {
			ids[string(f.ID)]++
			if f.Type != "Feature" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 {
				t.Errorf("%s: not a GeoJSON point feature: %+v", coll, f)
			}
			n, _ := f.Properties["incidents"].(float64)
			byType, _ := f.Properties["by_type"].(map[string]any)
			typed := 0.0
			for _, v := range byType {
				c, _ := v.(float64)
				typed += c
			}
			if n < 1 || typed != n {
				t.Errorf("%s %v: incidents %v, by_type adds to %v", coll, f.Properties["id"], f.Properties["incidents"], typed)
			}
			atSea := geo.IsWater(f.str("feature_code")) // a sea lies in no country
			if f.str("country") == "" && !atSea || f.str("last_seen") == "" {
				t.Errorf("%s %v lacks country or last_seen: %v", coll, f.Properties["id"], f.Properties)
			}
			sum += int(n)
		}
		// OGC API - Features requires each feature id to identify one
		// feature of the collection (GET .../items/{featureId}).
		for id, n := range ids {
			if n > 1 || id == "" || id == "null" {
				t.Errorf("%s: feature id %s is used by %d features", coll, id, n)
			}
		}
		if coll == "places" && sum != total {
			t.Errorf("place counts add up to %d, want the %d incidents", sum, total)
		}
		if sum > total {
			t.Errorf("%s counts add up to %d, more than the %d incidents", coll, sum, total)
		}
		t.Logf("%s: %d features covering %d incidents", coll, len(got), sum)
	}
}

// checkTile decodes the z2 tile over Ukraine and compares its cluster
// counts with the incidents inside the tile.
func checkTile(t *testing.T, s *liveServer) {
	tile := maptile.New(2, 1, 2)
	b := tile.Bound()
	var fc featureCollection
	s.getJSON(t, "/collections/incidents/items?limit=1&bbox="+(box{b.Min[0], b.Min[1], b.Max[0], b.Max[1]}).String(), &fc)
	want := fc.matched(t)
	if want == 0 {
		t.Fatal("no demo incidents in tile 2/2/1; pick another tile")
	}
	res := s.request(t, http.MethodGet, "/tiles/incidents/2/2/1.mvt", nil, nil)
	if res.status != http.StatusOK {
		t.Fatalf("tile: status %d: %s", res.status, res.body)
	}
	if ct := res.header.Get("Content-Type"); ct != "application/vnd.mapbox-vector-tile" {
		t.Errorf("tile Content-Type %q", ct)
	}
	layers, err := mvt.Unmarshal(res.body)
	if err != nil {
		t.Fatalf("tile does not decode as MVT: %v", err)
	}
	if len(layers) != 1 || layers[0].Name != "incidents" || len(layers[0].Features) == 0 {
		t.Fatalf("tile layers: %d, want one non-empty \"incidents\" layer", len(layers))
	}
	layers.ProjectToWGS84(tile)
	sum := 0
	for _, f := range layers[0].Features {
		c := f.Geometry.Bound().Center()
		if !b.Pad(0.5).Contains(c) {
			t.Errorf("cluster at %v is outside tile bounds %v", c, b)
		}
		sum += int(number(f.Properties["count"]))
	}
	if sum != want {
		t.Errorf("tile cluster counts add up to %d, want the %d incidents in the tile", sum, want)
	}
	t.Logf("tile 2/2/1: %d clusters, %d incidents", len(layers[0].Features), sum)
}

// number reads a decoded MVT property value as a float.
func number(v any) float64 {
	switch n := v.(type) {
	case float64:
		return n
	case float32:
		return float64(n)
	case int64:
		return float64(n)
	case uint64:
		return float64(n)
	case int:
		return float64(n)
	}
	return 0
}

// checkBasemapGzip asks for the countries basemap with gzip and checks it
// arrives compressed and decodes to a FeatureCollection of countries.
func checkBasemapGzip(t *testing.T, s *liveServer) {
	req, err := http.NewRequest(http.MethodGet, s.url+"/basemap/countries.geojson", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "gzip")
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("basemap: status %d, Content-Encoding %q, want 200 gzip", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
	compressed, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(strings.NewReader(string(compressed)))
	if err != nil {
		t.Fatalf("basemap body is not gzip: %v", err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("basemap gzip stream: %v", err)
	}
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(plain, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) < 100 {
		t.Fatalf("basemap: %v, type %q with %d features, want the world's countries", err, fc.Type, len(fc.Features))
	}
	t.Logf("basemap: %d countries, %d bytes gzipped, %d plain", len(fc.Features), len(compressed), len(plain))
}
