package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

const (
	// importBatch is how many rows an Importer writes per transaction: large
	// enough that commits cost nothing, small enough to bound the WAL.
	importBatch = 50_000
	// importRowsPerStmt is how many rows go in one INSERT: per-statement
	// driver overhead, not SQLite, is what limits a row-at-a-time import.
	importRowsPerStmt = 100
	// importColumns is the number of values bound per row.
	importColumns = 16
)

// errImportClosed is returned by Add after Close or Abort.
var errImportClosed = errors.New("store: import is closed")

// Importer upserts GeoNames rows into imported_places by geonameid. It holds
// the store's writer while open, so other writes wait until Close or Abort.
// It is not safe for concurrent use.
type Importer struct {
	ctx     context.Context
	db      *sql.DB
	tx      *sql.Tx
	stmt    *sql.Stmt // upserts importRowsPerStmt rows
	buf     []any     // values of rows not yet sent to SQLite
	n       int       // rows written, committed or not
	pending int       // rows written in the open transaction
	seq     int64     // the open transaction's import number (import_seq)
	err     error
	changed func() // tells the Store's version that rows were written
}

// BeginImport starts an import of GeoNames rows.
func (s *Store) BeginImport(ctx context.Context) (contract.PlaceImporter, error) {
	im := &Importer{ctx: ctx, db: s.write, changed: s.ver.changed, buf: make([]any, 0, importRowsPerStmt*importColumns)}
	if err := im.begin(); err != nil {
		return nil, err
	}
	return im, nil
}

// Add upserts one row. An invalid row is reported as a geo.EInvalid error
// and skipped; the import can go on. Any other error ends the import: later
// calls return it and Close rolls back the rows not yet committed.
func (im *Importer) Add(p geo.Place) (err error) {
	defer fullDisk(&err)
	if im.err != nil {
		return im.err
	}
	if im.tx == nil {
		return errImportClosed
	}
	if err := contract.CheckImportedPlace(p); err != nil {
		return err
	}
	im.buf = append(im.buf, p.GeonameID, p.Name, p.ASCIIName,
		strings.Join(p.AlternateNames, "\t"), p.FeatureClass, p.FeatureCode, p.Country, p.CountryName,
		p.Admin1, p.Admin1Name, p.Admin2, p.Admin2Name, p.Lat, p.Lon, p.Population, p.Source)
	if len(im.buf) < cap(im.buf) {
		return nil
	}
	if err := im.flush(); err != nil {
		return err
	}
	if im.pending >= importBatch {
		if err := im.commit(); err != nil {
			return err
		}
		return im.begin()
	}
	return nil
}

// Close writes and commits the rows not yet committed and returns how many
// rows were imported.
func (im *Importer) Close() (_ int, err error) {
	defer fullDisk(&err)
	if im.tx == nil {
		return im.n, im.err
	}
	if im.err == nil {
		im.flush()
	}
	if im.err != nil {
		im.rollback()
		return im.n, im.err
	}
	if err := im.commit(); err != nil {
		return im.n - im.pending, err
	}
	return im.n, nil
}

// Abort rolls back the rows not yet committed (earlier batches stay) and
// ends the import; a later Close reports the rows that were committed.
func (im *Importer) Abort() {
	im.rollback()
}

// flush sends the buffered rows to SQLite.
func (im *Importer) flush() error {
	rows := len(im.buf) / importColumns
	if rows == 0 {
		return nil
	}
	var err error
	if rows == importRowsPerStmt {
		_, err = im.stmt.ExecContext(im.ctx, im.buf...)
	} else {
		_, err = im.tx.ExecContext(im.ctx, upsertPlacesSQL(rows, im.seq), im.buf...)
	}
	if err != nil {
		im.err = fmt.Errorf("store: import rows up to geonameid %v: %w", im.buf[len(im.buf)-importColumns], err)
		return im.err
	}
	im.buf = im.buf[:0]
	im.n += rows
	im.pending += rows
	return nil
}

func (im *Importer) begin() error {
	tx, err := im.db.BeginTx(im.ctx, nil)
	if err != nil {
		im.err = fmt.Errorf("store: begin import: %w", err)
		return im.err
	}
	// The transaction's import number: the first write takes SQLite's
	// write lock, so numbers are handed out in commit order.
	if err := tx.QueryRowContext(im.ctx, `UPDATE import_counter SET n = n + 1 RETURNING n`).Scan(&im.seq); err != nil {
		tx.Rollback()
		im.err = fmt.Errorf("store: begin import: %w", err)
		return im.err
	}
	stmt, err := tx.PrepareContext(im.ctx, upsertPlacesSQL(importRowsPerStmt, im.seq))
	if err != nil {
		tx.Rollback()
		im.err = fmt.Errorf("store: prepare import: %w", err)
		return im.err
	}
	im.tx, im.stmt, im.pending = tx, stmt, 0
	return nil
}

func (im *Importer) commit() error {
	im.stmt.Close()
	err := im.tx.Commit()
	im.changed()
	im.tx, im.stmt = nil, nil
	if err != nil {
		im.err = fmt.Errorf("store: commit import: %w", err)
		return im.err
	}
	im.pending = 0
	return nil
}

func (im *Importer) rollback() {
	if im.tx == nil {
		return
	}
	im.stmt.Close()
	im.tx.Rollback()
	im.tx, im.stmt = nil, nil
	im.n -= im.pending
	im.pending = 0
	im.buf = im.buf[:0]
}

// upsertPlacesSQL is an INSERT of rows rows into imported_places that
// replaces rows with the same geonameid.
func upsertPlacesSQL(rows int, seq int64) string {
	// The import number is the same for every row of the statement: it is
	// written into the text, an integer the store made, not a value given.
	row := "(" + placeholders(importColumns) + "," + strconv.FormatInt(seq, 10) + ")"
	return `INSERT INTO imported_places (geonameid, name, asciiname, alternate_names, feature_class,
		feature_code, country, country_name, admin1, admin1_name, admin2, admin2_name, lat, lon,
		population, source, import_seq) VALUES ` + strings.TrimSuffix(strings.Repeat(row+",", rows), ",") + `
		ON CONFLICT (geonameid) DO UPDATE SET name = excluded.name, asciiname = excluded.asciiname,
		alternate_names = excluded.alternate_names, feature_class = excluded.feature_class,
		feature_code = excluded.feature_code, country = excluded.country,
		country_name = excluded.country_name, admin1 = excluded.admin1,
		admin1_name = excluded.admin1_name, admin2 = excluded.admin2, admin2_name = excluded.admin2_name,
		lat = excluded.lat, lon = excluded.lon, population = excluded.population, source = excluded.source,
		import_seq = excluded.import_seq`
}
