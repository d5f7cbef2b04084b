package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// requireTool finds a program on PATH, or skips the test when it is
// missing (fails instead when INCIDENTMAP_REQUIRE_BROWSER is set, as CI
// does, since CI installs it).
func requireTool(t *testing.T, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("INCIDENTMAP_REQUIRE_BROWSER") != "" {
		t.Fatalf("%s is required (INCIDENTMAP_REQUIRE_BROWSER is set) but not installed: %s", name, install)
	}
	t.Skipf("%s not installed (%s); skipping", name, install)
	return ""
}

// runGDAL runs a GDAL program against the local server, never through a
// proxy, and returns its combined output.
func runGDAL(t *testing.T, prog string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Env = childEnv("NO_PROXY=127.0.0.1,localhost", "no_proxy=127.0.0.1,localhost", "GDAL_HTTP_TIMEOUT=30", "CPL_DEBUG=OFF")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(prog), strings.Join(args, " "), err, out)
	}
	return string(out)
}

// checkGDALLayers checks that GDAL's OGC API - Features driver opens the
// landing page and lists the three collections as point layers.
func checkGDALLayers(t *testing.T, s *liveServer) {
	ogrinfo := requireTool(t, "ogrinfo", "apt-get install gdal-bin")
	out := runGDAL(t, ogrinfo, "-ro", "-so", "OAPIF:"+s.url)
	for _, layer := range []string{"incidents", "places", "regions"} {
		if !strings.Contains(out, ": "+layer+" (") {
			t.Errorf("ogrinfo does not list layer %s:\n%s", layer, out)
		}
	}
	summary := runGDAL(t, ogrinfo, "-ro", "-so", "OAPIF:"+s.url, "incidents")
	for _, want := range []string{"Geometry: Point", "event_type: String", "event_date: Date"} {
		if !strings.Contains(summary, want) {
			t.Errorf("ogrinfo layer summary lacks %q:\n%.3000s", want, summary)
		}
	}
}

// checkGDALReadsAll reads every incident with ogrinfo and with ogr2ogr to
// GeoJSON, both paging through next links with small pages.
func checkGDALReadsAll(t *testing.T, s *liveServer, total int) {
	ogrinfo := requireTool(t, "ogrinfo", "apt-get install gdal-bin")
	out := runGDAL(t, ogrinfo, "-ro", "-al", "-q", "-oo", "PAGE_SIZE=10", "OAPIF:"+s.url, "incidents")
	if got := strings.Count(out, "OGRFeature("); got != total {
		t.Errorf("ogrinfo read %d features, want numberMatched %d", got, total)
	}

	ogr2ogr := requireTool(t, "ogr2ogr", "apt-get install gdal-bin")
	dest := filepath.Join(t.TempDir(), "incidents.geojson")
	runGDAL(t, ogr2ogr, "-f", "GeoJSON", "-oo", "PAGE_SIZE=7", dest, "OAPIF:"+s.url, "incidents")
	b, err := os.ReadFile(dest)
	if err != nil {
		t.Fatal(err)
	}
	var fc featureCollection
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatalf("ogr2ogr output: %v", err)
	}
	ids := map[int64]bool{}
	for _, f := range fc.Features {
		ids[f.id()] = true
		if lon, lat := f.lonLat(); lon == 0 && lat == 0 {
			t.Errorf("GDAL feature %d has no coordinates", f.id())
		}
	}
	if len(fc.Features) != total || len(ids) != total {
		t.Errorf("ogr2ogr wrote %d features with %d distinct ids, want %d", len(fc.Features), len(ids), total)
	}
}
