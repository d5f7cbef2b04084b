// Package postgis keeps incidentmap's articles, place mentions, incidents,
// user gazetteer entries and imported GeoNames rows in PostgreSQL with
// PostGIS, through pgx. It is the store behind several servers: every
// method is safe to run from any number of processes at once.
//
// Its methods behave as those of the SQLite store (data/store), and the
// contract test suite (data/storetest) runs against both. The schema lives
// in embedded, numbered migrations, numbered as SQLite's, applied by Open
// under an advisory lock so servers starting together migrate once.
// Incident points are geometry(Point, 4326) with a GiST index; pages come
// from an (event_date, id) index with the same keyset cursors. As in the
// SQLite store, a box's page either walks that index newest first, checking
// points in the index, or reads the box's matches through the GiST index,
// chosen from the exact count (page_plan.go); a box is counted with the
// in-memory grid of data/boxgrid and index-only scans (count_box.go).
//
// What SQLite gets from having one writer, PostgreSQL gets from
// constraints and locks: a unique content hash and URL store an article
// once however many servers ingest it, and a transaction-scoped advisory
// lock on an incident's merge key makes two reports of one event merge
// rather than race. The store version is a row every write transaction
// moves on, so all servers see one version.
//
// Anything a caller can get wrong is reported as a *geo.Error (geo.EInvalid,
// geo.ENotFound); other errors are prefixed "postgis: ".
package postgis
