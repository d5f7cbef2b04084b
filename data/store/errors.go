package store

import (
	"errors"

	"github.com/incidentmap/incidentmap/geo"
	"modernc.org/sqlite"
)

// sqliteFull is SQLite's primary result code for a full disk (SQLITE_FULL,
// also returned when max_page_count is reached).
const sqliteFull = 13

// errStoreFull is what writers see when the disk under the store is full.
func errStoreFull() error {
	return geo.Errorf(geo.EStorageFull, "the store's disk is full: nothing more can be stored until space is freed")
}

// isFull reports whether err is SQLite's full-disk error.
func isFull(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqliteFull
}

// fullDisk replaces a full-disk error in *err with the domain's
// EStorageFull error; write methods defer it on their named result.
func fullDisk(err *error) {
	if *err != nil && isFull(*err) {
		*err = errStoreFull()
	}
}
