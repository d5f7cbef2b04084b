// Package storecopy copies a SQLite store into a PostGIS database: every
// table, row for row, with the same ids, so feature ids, cursors and
// links stay valid after a move from one machine's file to a database
// shared by many servers.
//
// A copy goes table by table in key order, one transaction per range of
// keys, with COPY. A copy that stops (interrupted, or the database went
// away) is resumed by running it again: each table starts after the
// largest key already in the target, and a range is either all there or
// not at all. Running it on a finished copy copies nothing. It refuses a
// target that holds rows it did not copy from the same source.
package storecopy
