package postgis

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

const (
	// importBatch is how many rows an Importer writes per transaction.
	importBatch = 50_000
	// importRowsPerStmt is how many rows go in one INSERT.
	importRowsPerStmt = 500
)

// errImportClosed is returned by Add after Close or Abort.
var errImportClosed = errors.New("postgis: import is closed")

// Importer upserts GeoNames rows into imported_places by geonameid, as the
// SQLite store's Importer does. It is not safe for concurrent use.
type Importer struct {
	ctx     context.Context
	s       *Store
	tx      pgx.Tx
	buf     []geo.Place   // rows not yet sent
	slot    map[int64]int // geonameid → index in buf: a later row replaces it
	queued  int           // rows added since the last flush, repeats included
	n       int           // rows written, committed or not
	pending int           // rows written in the open transaction
	seq     int64         // the open transaction's import number (import_seq)
	err     error
}

// BeginImport starts an import of GeoNames rows.
func (s *Store) BeginImport(ctx context.Context) (contract.PlaceImporter, error) {
	im := &Importer{ctx: ctx, s: s, slot: map[int64]int{}}
	if err := im.begin(); err != nil {
		return nil, err
	}
	return im, nil
}

// Add upserts one row. An invalid row is reported as a geo.EInvalid error
// and skipped; the import can go on. Any other error ends the import: later
// calls return it and Close rolls back the rows not yet committed.
func (im *Importer) Add(p geo.Place) error {
	if im.err != nil {
		return im.err
	}
	if im.tx == nil {
		return errImportClosed
	}
	if err := contract.CheckImportedPlace(p); err != nil {
		return err
	}
	// One INSERT ... ON CONFLICT may not touch a row twice: a repeated
	// geonameid replaces the row still in the buffer.
	im.queued++
	if i, ok := im.slot[p.GeonameID]; ok {
		im.buf[i] = p
		return nil
	}
	im.slot[p.GeonameID] = len(im.buf)
	im.buf = append(im.buf, p)
	if len(im.buf) < importRowsPerStmt {
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
func (im *Importer) Close() (int, error) {
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
func (im *Importer) Abort() { im.rollback() }

// flush sends the buffered rows.
func (im *Importer) flush() error {
	if len(im.buf) == 0 {
		return nil
	}
	args := make([]any, 0, len(im.buf)*16)
	for _, p := range im.buf {
		args = append(args, p.GeonameID, p.Name, p.ASCIIName, nonNil(p.AlternateNames), p.FeatureClass,
			p.FeatureCode, p.Country, p.CountryName, p.Admin1, p.Admin1Name, p.Admin2, p.Admin2Name,
			p.Lat, p.Lon, p.Population, p.Source)
	}
	if _, err := im.tx.Exec(im.ctx, upsertPlacesSQL(len(im.buf), im.seq), args...); err != nil {
		im.err = fmt.Errorf("postgis: import rows up to geonameid %d: %w", im.buf[len(im.buf)-1].GeonameID, err)
		return im.err
	}
	// Rows are counted as added, repeats included, as SQLite counts them.
	im.n += im.queued
	im.pending += im.queued
	im.buf, im.queued = im.buf[:0], 0
	clear(im.slot)
	return nil
}

func (im *Importer) begin() error {
	tx, err := im.s.writeTx(im.ctx)
	if err != nil {
		im.err = err
		return err
	}
	// The transaction's import number. The counter's row stays locked until
	// the transaction ends, so numbers are handed out in commit order.
	if err := tx.QueryRow(im.ctx, `UPDATE import_counter SET n = n + 1 RETURNING n`).Scan(&im.seq); err != nil {
		tx.Rollback(context.Background())
		im.err = fmt.Errorf("postgis: begin import: %w", err)
		return im.err
	}
	im.tx, im.pending = tx, 0
	return nil
}

func (im *Importer) commit() error {
	err := bumpVersion(im.ctx, im.tx)
	if err == nil {
		err = im.tx.Commit(im.ctx)
	}
	if err != nil {
		im.tx.Rollback(context.Background())
		im.tx = nil
		im.err = fmt.Errorf("postgis: commit import: %w", err)
		return im.err
	}
	im.tx, im.pending = nil, 0
	return nil
}

func (im *Importer) rollback() {
	if im.tx == nil {
		return
	}
	im.tx.Rollback(context.Background())
	im.tx = nil
	im.n -= im.pending
	im.pending = 0
	im.buf, im.queued = im.buf[:0], 0
	clear(im.slot)
}

// upsertPlacesSQL is an INSERT of rows rows into imported_places that
// replaces rows with the same geonameid.
func upsertPlacesSQL(rows int, seq int64) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO imported_places (geonameid, name, asciiname, alternate_names, feature_class,
		feature_code, country, country_name, admin1, admin1_name, admin2, admin2_name, lat, lon,
		population, source, import_seq) VALUES `)
	// The import number is the same for every row: written into the text,
	// an integer the store made, not a value given.
	last := "," + strconv.FormatInt(seq, 10) + ")"
	for r := range rows {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for c := range 16 {
			if c > 0 {
				b.WriteByte(',')
			}
			b.WriteString("$" + strconv.Itoa(r*16+c+1))
		}
		b.WriteString(last)
	}
	b.WriteString(` ON CONFLICT (geonameid) DO UPDATE SET name = excluded.name, asciiname = excluded.asciiname,
		alternate_names = excluded.alternate_names, feature_class = excluded.feature_class,
		feature_code = excluded.feature_code, country = excluded.country,
		country_name = excluded.country_name, admin1 = excluded.admin1,
		admin1_name = excluded.admin1_name, admin2 = excluded.admin2, admin2_name = excluded.admin2_name,
		lat = excluded.lat, lon = excluded.lon, population = excluded.population, source = excluded.source,
		import_seq = excluded.import_seq`)
	return b.String()
}
