// Package store keeps incidentmap's articles, place mentions, incidents,
// user gazetteer entries and imported GeoNames rows in one SQLite file
// (modernc.org/sqlite, no cgo).
//
// The schema lives in embedded, numbered migrations applied by Open. Writes
// go through a single connection that begins IMMEDIATE transactions, so
// writers queue in the process instead of failing with SQLITE_BUSY; reads use
// a separate pool and, thanks to WAL, never wait for a writer. An R*Tree
// over each incident's point and date, kept in step by triggers, answers
// bounding-box and time queries and orders pages by date by itself.
//
// Anything a caller can get wrong is reported as a *geo.Error (geo.EInvalid,
// geo.ENotFound); other errors are prefixed "store: ".
package store
