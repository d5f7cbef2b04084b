// Package e2e holds end-to-end tests of the built incidentmap binary: the
// commands as a user runs them, the HTTP API of a real server on a real
// SQLite store, GDAL's OGC API client, and the map page in headless
// Chromium. It has no code of its own; see the _test.go files and load.sh.
package e2e
