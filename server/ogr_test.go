package server

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// TestGDALReadsEveryIncident runs GDAL's OAPIF driver against a live server
// when ogrinfo is installed: it must list the collections and read every
// incident by following the next links.
func TestGDALReadsEveryIncident(t *testing.T) {
	ogrinfo, err := exec.LookPath("ogrinfo")
	if err != nil {
		t.Skip("ogrinfo is not installed")
	}
	incidents := sampleIncidents(250)
	deps := testDeps()
	deps.Store = sliceStore(incidents)
	s := mustServer(t, Config{}, deps)
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	out, err := exec.CommandContext(ctx, ogrinfo, "-ro", "OAPIF:"+s.URL()).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	for _, name := range []string{"incidents", "places", "regions"} {
		if !strings.Contains(string(out), name) {
			t.Fatalf("ogrinfo does not list %s:\n%s", name, out)
		}
	}
	// A page size below the total makes GDAL follow next links.
	out, err = exec.CommandContext(ctx, ogrinfo, "-ro", "-al", "-oo", "PAGE_SIZE=40",
		"OAPIF:"+s.URL()+"/collections/incidents").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	if got := strings.Count(string(out), "OGRFeature("); got != len(incidents) {
		t.Fatalf("GDAL read %d features, want %d\n%.2000s", got, len(incidents), out)
	}
}
