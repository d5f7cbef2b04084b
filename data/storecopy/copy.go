package storecopy

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/incidentmap/incidentmap/data/postgis"
	"github.com/incidentmap/incidentmap/data/store"
	"github.com/jackc/pgx/v5"
)

// Progress is told how many rows a copy has in all before it starts, then
// how many more it has copied after each range.
type Progress interface {
	Total(rows int)
	Add(rows int)
}

// Report says what a copy did: rows copied now, and rows found already
// copied by an earlier run.
type Report struct {
	Copied, Skipped int
	Tables          []TableCount // rows per table in the source, as now in the target
}

// TableCount is one table's rows in both stores after the copy.
type TableCount struct {
	Name           string
	Source, Target int
}

// Copy copies the SQLite store at from into the PostGIS database at to
// (creating its schema if needed), resuming an earlier copy if one was
// cut short. The source must not be written to while it runs.
func Copy(ctx context.Context, from, to string, prog Progress) (Report, error) {
	if _, err := os.Stat(from); err != nil {
		return Report{}, fmt.Errorf("storecopy: source store: %w", err)
	}
	if !postgis.IsURL(to) {
		return Report{}, fmt.Errorf("storecopy: target must be a postgres:// URL, got %q", to)
	}
	// Opening each store brings its schema up to date.
	for _, open := range []func() error{
		func() error { s, err := store.Open(from); return closeAfter(s, err) },
		func() error { s, err := postgis.Open(to); return closeAfter(s, err) },
	} {
		if err := open(); err != nil {
			return Report{}, err
		}
	}
	src, err := sql.Open("sqlite", store.DSN(from)+"&mode=ro")
	if err != nil {
		return Report{}, fmt.Errorf("storecopy: open %s: %w", from, err)
	}
	defer src.Close()
	dst, err := pgx.Connect(ctx, to)
	if err != nil {
		return Report{}, fmt.Errorf("storecopy: connect %s: %w", postgis.Redact(to), err)
	}
	defer dst.Close(context.Background())
	c := &copier{src: src, dst: dst}
	if err := c.checkTarget(ctx); err != nil {
		return Report{}, err
	}
	return c.run(ctx, prog)
}

func closeAfter(s interface{ Close() error }, err error) error {
	if err != nil {
		return err
	}
	return s.Close()
}

// copier holds the two connections of a copy.
type copier struct {
	src *sql.DB
	dst *pgx.Conn
}

// run copies every table, then moves the target's id sequences past the
// copied ids and its version on, so servers on it drop their caches.
func (c *copier) run(ctx context.Context, prog Progress) (Report, error) {
	var rep Report
	counts := make([]TableCount, 0, len(tables()))
	total := 0
	for _, t := range tables() {
		n, err := c.count(ctx, t)
		if err != nil {
			return rep, err
		}
		counts = append(counts, n)
		total += n.Source
		rep.Skipped += n.Target
	}
	prog.Total(total)
	prog.Add(rep.Skipped)
	for _, t := range tables() {
		n, err := c.copyTable(ctx, t, prog)
		rep.Copied += n
		if err != nil {
			return rep, err
		}
	}
	if err := c.finish(ctx); err != nil {
		return rep, err
	}
	for i, t := range tables() {
		n, err := c.count(ctx, t)
		if err != nil {
			return rep, err
		}
		counts[i] = n
	}
	rep.Tables = counts
	return rep, nil
}

// count is a table's rows in both stores.
func (c *copier) count(ctx context.Context, t table) (TableCount, error) {
	n := TableCount{Name: t.name}
	if err := c.src.QueryRowContext(ctx, "SELECT count(*) FROM "+t.name).Scan(&n.Source); err != nil {
		return n, fmt.Errorf("storecopy: count %s: %w", t.name, err)
	}
	if err := c.dst.QueryRow(ctx, "SELECT count(*) FROM "+t.name).Scan(&n.Target); err != nil {
		return n, fmt.Errorf("storecopy: count %s in the target: %w", t.name, err)
	}
	return n, nil
}

// checkTarget refuses a target that holds articles which are not those of
// the source with the same ids: copying would mix two stores.
func (c *copier) checkTarget(ctx context.Context) error {
	rows, err := c.dst.Query(ctx, `SELECT id, content_hash FROM articles
		WHERE id = (SELECT min(id) FROM articles) OR id = (SELECT max(id) FROM articles)`)
	if err != nil {
		return fmt.Errorf("storecopy: check target: %w", err)
	}
	ends, err := pgx.CollectRows(rows, pgx.RowToStructByPos[struct {
		ID   int64
		Hash string
	}])
	if err != nil {
		return fmt.Errorf("storecopy: check target: %w", err)
	}
	for _, e := range ends {
		var hash string
		err := c.src.QueryRowContext(ctx, `SELECT content_hash FROM articles WHERE id = ?`, e.ID).Scan(&hash)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && hash != e.Hash) {
			return fmt.Errorf("storecopy: the target already holds article %d, which is not the source's: "+
				"copy into an empty database, or into one an earlier copy of this store filled", e.ID)
		}
		if err != nil {
			return fmt.Errorf("storecopy: check target: %w", err)
		}
	}
	return nil
}

// copyTable copies the rows of t past the largest key the target holds,
// a range of keys per transaction, and returns how many it copied.
func (c *copier) copyTable(ctx context.Context, t table, prog Progress) (int, error) {
	var done int64
	if err := c.dst.QueryRow(ctx, "SELECT coalesce(max("+t.key+"), -1) FROM "+t.name).Scan(&done); err != nil {
		return 0, fmt.Errorf("storecopy: resume %s: %w", t.name, err)
	}
	copied := 0
	for {
		var next sql.NullInt64
		if err := c.src.QueryRowContext(ctx, "SELECT min("+t.key+") FROM "+t.name+" WHERE "+t.key+" > ?", done).Scan(&next); err != nil {
			return copied, fmt.Errorf("storecopy: read %s: %w", t.name, err)
		}
		if !next.Valid {
			return copied, nil
		}
		lo, hi := next.Int64, next.Int64+t.span-1
		n, err := c.copyRange(ctx, t, lo, hi)
		if err != nil {
			return copied, err
		}
		copied += n
		prog.Add(n)
		done = hi
	}
}

// copyRange copies the rows of t with keys in lo..hi in one transaction.
func (c *copier) copyRange(ctx context.Context, t table, lo, hi int64) (int, error) {
	names := make([]string, len(t.cols))
	for i, col := range t.cols {
		names[i] = col.name
	}
	rows, err := c.src.QueryContext(ctx, "SELECT "+strings.Join(names, ", ")+" FROM "+t.name+
		" WHERE "+t.key+" BETWEEN ? AND ?", lo, hi)
	if err != nil {
		return 0, fmt.Errorf("storecopy: read %s: %w", t.name, err)
	}
	defer rows.Close()
	var batch [][]any
	for rows.Next() {
		raw := make([]any, len(t.cols))
		ptrs := make([]any, len(t.cols))
		for i := range raw {
			ptrs[i] = &raw[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return 0, fmt.Errorf("storecopy: read %s: %w", t.name, err)
		}
		for i, col := range t.cols {
			if raw[i], err = convert(col, raw[i]); err != nil {
				return 0, fmt.Errorf("storecopy: %s with %s %v: %w", t.name, t.key, raw[0], err)
			}
		}
		batch = append(batch, raw)
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("storecopy: read %s: %w", t.name, err)
	}
	tx, err := c.dst.Begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("storecopy: write %s: %w", t.name, err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{t.name}, names, pgx.CopyFromRows(batch)); err != nil {
		return 0, fmt.Errorf("storecopy: write %s %d..%d: %w", t.name, lo, hi, err)
	}
	// A server already on the target sees each range as a write: its
	// caches and count grid must not outlive it.
	if _, err := tx.Exec(ctx, `UPDATE store_version SET n = n + 1`); err != nil {
		return 0, fmt.Errorf("storecopy: bump version: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, fmt.Errorf("storecopy: write %s: %w", t.name, err)
	}
	return len(batch), nil
}

// finish moves the identity sequences past the copied ids and vacuums and
// analyzes the copied tables (autovacuum would, but only a while after the
// first queries were planned as for empty tables and before index-only
// scans could skip the table rows), then moves the version on once more.
func (c *copier) finish(ctx context.Context) error {
	for _, t := range tables() {
		if _, err := c.dst.Exec(ctx, "VACUUM (ANALYZE) "+t.name); err != nil {
			return fmt.Errorf("storecopy: vacuum %s: %w", t.name, err)
		}
	}
	for _, name := range identities {
		_, err := c.dst.Exec(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), max(id)) FROM `+name+
			` HAVING max(id) IS NOT NULL`, name)
		if err != nil {
			return fmt.Errorf("storecopy: sequence of %s: %w", name, err)
		}
	}
	if _, err := c.dst.Exec(ctx, `UPDATE store_version SET n = n + 1`); err != nil {
		return fmt.Errorf("storecopy: bump version: %w", err)
	}
	return nil
}
