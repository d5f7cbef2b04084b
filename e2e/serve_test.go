package e2e

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeWithoutDemoStartsEmpty checks --no-demo leaves a new store
// empty and that SIGTERM stops the server with status 0.
func TestServeWithoutDemoStartsEmpty(t *testing.T) {
	t.Parallel()
	s := startServer(t, serverOptions{noDemo: true})
	var fc featureCollection
	s.getJSON(t, "/collections/incidents/items", &fc)
	if n := fc.matched(t); n != 0 || len(fc.Features) != 0 {
		t.Errorf("--no-demo store has %d incidents (%d returned), want none", n, len(fc.Features))
	}
	if strings.Contains(s.stderr.String(), "loaded demo data") {
		t.Errorf("--no-demo still loaded the demo: %s", s.stderr)
	}
	if code := s.terminate(t, 15*time.Second); code != 0 {
		t.Errorf("exit status after SIGTERM = %d, want 0\nstderr: %s", code, s.stderr)
	}
}

// TestServeRefusesPublicAddressWithoutToken checks that serve will not
// expose unauthenticated writes on every interface.
func TestServeRefusesPublicAddressWithoutToken(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store.db")
	addr := fmt.Sprintf("0.0.0.0:%d", freePort(t))
	res := runCLI(t, "", "serve", "--no-demo", "--addr", addr, "--db", db)
	if res.code != 1 {
		t.Errorf("exit status %d, want 1\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
	}
	msg := strings.TrimSuffix(res.stderr, "\n")
	if msg == "" || strings.Contains(msg, "\n") || !strings.Contains(msg, "token") || !strings.Contains(msg, addr) {
		t.Errorf("stderr %q: want one line naming the address and the missing token", res.stderr)
	}
	if strings.Contains(res.stdout, "serving") {
		t.Errorf("printed a serving URL although it refused: %q", res.stdout)
	}
}

// TestDemoServer runs "serve" as a newcomer would, with the demo set on a
// fresh store, then checks the read API, GDAL and the page against it and
// finally that SIGTERM shuts it down cleanly.
func TestDemoServer(t *testing.T) {
	t.Parallel()
	s := startServer(t, serverOptions{})

	t.Run("healthz", func(t *testing.T) {
		var body map[string]any
		s.getJSON(t, "/healthz", &body)
		if body["status"] != "ok" {
			t.Errorf("/healthz = %v", body)
		}
		if !strings.Contains(s.stdout.String(), "serving "+s.url) {
			t.Errorf("stdout does not print the URL %s: %q", s.url, s.stdout)
		}
	})
	var all []feature
	t.Run("demo incidents are loaded", func(t *testing.T) {
		var fc featureCollection
		s.getJSON(t, "/collections/incidents/items?limit=10000", &fc)
		if n := fc.matched(t); n == 0 || n != len(fc.Features) {
			t.Fatalf("numberMatched %d with %d features, want the whole non-empty demo set", n, len(fc.Features))
		}
		if !strings.Contains(s.stderr.String(), "loaded demo data") {
			t.Errorf("stderr does not say the demo was loaded: %s", s.stderr)
		}
		all = fc.Features
		countries := map[string]bool{}
		for _, f := range all {
			checkPointFeature(t, f)
			countries[f.str("country")] = true
		}
		if len(countries) < 3 {
			t.Errorf("demo incidents cover %d countries, want several", len(countries))
		}
	})
	if len(all) == 0 {
		t.Fatal("no demo incidents; the other checks need them")
	}
	t.Run("bbox filter", func(t *testing.T) { checkBBoxFilter(t, s, all) })
	t.Run("datetime filter", func(t *testing.T) { checkDatetimeFilter(t, s, all) })
	t.Run("next links walk every incident once", func(t *testing.T) { checkPaging(t, s, all) })
	t.Run("single incident", func(t *testing.T) { checkSingleItem(t, s, all) })
	t.Run("places and regions", func(t *testing.T) { checkAggregates(t, s) })
	t.Run("vector tile", func(t *testing.T) { checkTile(t, s) })
	t.Run("basemap is gzipped", func(t *testing.T) { checkBasemapGzip(t, s) })
	t.Run("GDAL lists the layers", func(t *testing.T) { checkGDALLayers(t, s) })
	t.Run("GDAL reads every incident", func(t *testing.T) { checkGDALReadsAll(t, s, len(all)) })
	t.Run("screenshot", func(t *testing.T) { saveDemoScreenshot(t, s) })

	t.Run("SIGTERM stops cleanly", func(t *testing.T) {
		if res := s.request(t, http.MethodGet, "/healthz", nil, nil); res.status != http.StatusOK {
			t.Fatalf("server unhealthy before SIGTERM: %d", res.status)
		}
		if code := s.terminate(t, 15*time.Second); code != 0 {
			t.Errorf("exit status after SIGTERM = %d, want 0\nstderr: %s", code, s.stderr)
		}
		if !strings.Contains(s.stdout.String(), "stopped") {
			t.Errorf("stdout lacks \"stopped\": %q", s.stdout)
		}
	})
}
