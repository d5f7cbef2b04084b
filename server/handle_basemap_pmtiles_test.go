package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBasemapPMTilesRangeRequests(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.pmtiles")
	body := "PMTiles\x03" + strings.Repeat("0123456789", 20)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	s := mustServer(t, Config{BasemapPMTiles: path}, testDeps())
	rec := serve(s, request{target: "/basemap/basemap.pmtiles", headers: map[string]string{"Range": "bytes=8-17"}})
	if rec.Code != http.StatusPartialContent || rec.Body.String() != body[8:18] {
		t.Fatalf("range: status %d body %q", rec.Code, rec.Body)
	}
	if cr := rec.Header().Get("Content-Range"); cr != "bytes 8-17/208" {
		t.Errorf("Content-Range = %q", cr)
	}
	if rec := serve(s, request{target: "/api/config"}); !contains(rec.Body.String(), `"basemap_pmtiles":"/basemap/basemap.pmtiles"`) {
		t.Errorf("config does not name the basemap: %s", rec.Body)
	}
	if rec := serve(mustServer(t, Config{}, testDeps()), request{target: "/basemap/basemap.pmtiles"}); rec.Code != http.StatusNotFound {
		t.Errorf("without --basemap: status %d", rec.Code)
	}
}

func TestBasemapMustBeAPMTilesArchive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "not.pmtiles")
	if err := os.WriteFile(path, []byte("<html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, filepath.Join(t.TempDir(), "missing.pmtiles")} {
		if _, err := New(Config{Addr: "127.0.0.1:0", BasemapPMTiles: p}, testDeps()); err == nil {
			t.Errorf("%s accepted as a basemap", p)
		}
	}
}
