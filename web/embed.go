// Package web holds the map page: HTML, CSS and ES modules, embedded in the
// binary, plus the pinned Leaflet files that the build copies into
// static/vendor (see vendor.sh).
package web

import (
	"embed"
	"io/fs"
	"os"
)

// static holds the page. The vendor/ folder inside it exists only after
// `npm ci && npm run vendor`; the embed pattern does not require it.
//
//go:embed static
var static embed.FS

// vendorFiles are the library files the page cannot work without.
var vendorFiles = []string{
	"vendor/leaflet/leaflet.js",
	"vendor/leaflet/leaflet.css",
	"vendor/markercluster/leaflet.markercluster.js",
	"vendor/markercluster/MarkerCluster.css",
	"vendor/markercluster/MarkerCluster.Default.css",
	"vendor/pmtiles/pmtiles.js",
}

// FS returns the embedded page, rooted at the static folder so that
// index.html is at its top.
func FS() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		// fs.Sub fails only for an invalid path name, and "static" is valid.
		panic("web: " + err.Error())
	}
	return sub
}

// DevFS returns the page read from disk at dir (normally web/static), so
// that edits show on reload without rebuilding the binary.
func DevFS(dir string) fs.FS {
	return os.DirFS(dir)
}

// VendorReady reports whether fsys holds the Leaflet files the page loads;
// when it does not, the server should tell the operator to run the build
// (make) that fetches them.
func VendorReady(fsys fs.FS) bool {
	for _, name := range vendorFiles {
		info, err := fs.Stat(fsys, name)
		if err != nil || info.IsDir() || info.Size() == 0 {
			return false
		}
	}
	return true
}
