package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/incidentmap/incidentmap/data/boxgrid"
	"github.com/incidentmap/incidentmap/data/contract"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is an open incidentmap database. It is safe for concurrent use.
type Store struct {
	path  string
	write *sql.DB // one connection: SQLite has one writer at a time
	read  *sql.DB // a pool of readers; WAL lets them run beside the writer
	// scan is one connection for the count grid's scans, which hold a
	// snapshot for seconds: on the read pool they would take a reader
	// from the pages for as long.
	scan   *sql.DB
	ver    *version
	counts *countCache
	// articles keeps the sources of recently paged articles.
	articles *articleCache
	grid     boxgrid.Grid // cells' incident counts, for box counts
	// Prepared statements of each pool, kept per connection.
	readStmts, writeStmts *stmtCache
	// background is the context of work the store runs by itself (the
	// grid's page lists), cancelled by Close, which waits for listing.
	background context.Context
	stop       context.CancelFunc
	listing    sync.WaitGroup
}

// Memory per connection. The file is not memory-mapped: each connection
// would map it again, and a process's resident size would grow by the
// file's size per connection. Pages are read into each connection's own
// cache instead (the kernel's page cache holds the file once), so the
// store's memory is about writerCacheKiB + readers * readerCacheKiB (and
// the small caches of the watcher and the scan connection),
// whatever the file's size.
const (
	writerCacheKiB = 65536 // keeps big write transactions from spilling
	// 14 MB, down from 16, pays for the count grid's page lists (8 bytes
	// an incident, data/boxgrid/newest.go) at a million incidents.
	readerCacheKiB = 14336
	watchCacheKiB  = 256  // the version watcher reads no pages
	scanCacheKiB   = 2048 // the grid's scans read each page once
)

// migrateTimeout bounds opening a store, migrations included. A migration
// may rewrite every row once (0009 fills each incident's article ids,
// about 5 seconds a million incidents), so a large store needs minutes.
const migrateTimeout = 30 * time.Minute

// DSN is the modernc.org/sqlite data source name for the database file at
// path, with the pragmas every connection needs and a writer's page cache.
// Pragmas go in the DSN because a one-off PRAGMA on a pool reaches only
// one connection.
func DSN(path string) string { return dsn(path, writerCacheKiB) }

// dsn is DSN with a page cache of cacheKiB.
func dsn(path string, cacheKiB int) string {
	q := []string{
		"_pragma=foreign_keys(1)",
		"_pragma=busy_timeout(5000)",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		fmt.Sprintf("_pragma=cache_size(-%d)", cacheKiB),
		"_pragma=temp_store(MEMORY)",
		"_pragma=mmap_size(0)",
	}
	return "file:" + uriPathEscaper.Replace(path) + "?" + strings.Join(q, "&")
}

// uriPathEscaper escapes the characters that would end the path part of an
// SQLite URI filename; SQLite decodes %HH escapes when it opens the file.
var uriPathEscaper = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23")

// Open opens (creating if needed) the database file at path and applies any
// migrations it has not seen yet.
func Open(path string) (*Store, error) {
	if path == "" || strings.HasPrefix(path, ":memory:") || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("store: need a plain file path, got %q", path)
	}
	write, err := sql.Open("sqlite", DSN(path)+"&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxIdleTime(0)
	s := &Store{path: path, write: write, writeStmts: newStmtCache(write)}
	ctx, cancel := context.WithTimeout(context.Background(), migrateTimeout)
	defer cancel()
	if err := migrate(ctx, write); err != nil {
		write.Close()
		return nil, err
	}
	if err := s.writeStmts.warm(ctx, ingestQueries()...); err != nil {
		write.Close()
		return nil, fmt.Errorf("store: prepare: %w", err)
	}
	read, err := sql.Open("sqlite", dsn(path, readerCacheKiB))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One reader a core: the SQLite build shares one page cache across
	// connections and locks it on every page touched, and more readers
	// than cores spent their time waiting on that lock (new boxes of
	// 1,000 at 130-143 requests/s with four readers on two cores, 157-205
	// with two).
	readers := max(2, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(readers)
	// Idle readers stay open: a new connection maps the file again and
	// prepares its statements again.
	read.SetMaxIdleConns(readers)
	s.read, s.readStmts = read, newStmtCache(read)
	if err := s.readStmts.warm(ctx, incidentsByIDSQL, articleSourcesSQL, incidentByIDSQL); err != nil {
		read.Close()
		write.Close()
		return nil, fmt.Errorf("store: prepare: %w", err)
	}
	if s.ver, err = newVersion(dsn(path, watchCacheKiB)); err != nil {
		read.Close()
		write.Close()
		return nil, err
	}
	if s.scan, err = sql.Open("sqlite", dsn(path, scanCacheKiB)); err != nil {
		read.Close()
		write.Close()
		s.ver.close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.scan.SetMaxOpenConns(1)
	s.counts = newCountCache(countCacheSize)
	s.articles = newArticleCache()
	s.background, s.stop = context.WithCancel(context.Background())
	return s, nil
}

// Ping checks that the database answers, reading one page: what /healthz
// asks many times a second must not count a million rows.
func (s *Store) Ping(ctx context.Context) error {
	var n int
	if err := s.reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM schema_migrations LIMIT 1)").Scan(&n); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Path is the database file the store was opened on.
func (s *Store) Path() string { return s.path }

// Close closes both connection pools. It returns once no connection is
// open, so the database's files can be removed at once.
func (s *Store) Close() error {
	s.stop()
	s.listing.Wait()
	s.readStmts.close()
	s.writeStmts.close()
	err := errors.Join(s.read.Close(), s.write.Close(), s.ver.close(), s.scan.Close())
	s.readStmts.wait()
	s.writeStmts.wait()
	return err
}

// readTx starts a read-only transaction: every query in it sees one
// snapshot, so a page and its total always agree.
func (s *Store) readTx(ctx context.Context) (txn, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return txn{}, fmt.Errorf("store: begin read: %w", err)
	}
	return txn{tx, s.readStmts}, nil
}

// writeTx starts an IMMEDIATE transaction on the single writer connection.
func (s *Store) writeTx(ctx context.Context) (txn, error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return txn{}, fmt.Errorf("store: begin write: %w", err)
	}
	return txn{tx, s.writeStmts}, nil
}

// reader runs single queries on the read pool as prepared statements.
func (s *Store) reader() pooled { return pooled{s.readStmts} }

// nowText is the current time as stored: RFC 3339 in UTC.
func nowText() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// timeText formats t for storage; the zero time is stored as "".
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// parseTimeText reads back what timeText wrote.
func parseTimeText(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: bad stored time %q: %w", s, err)
	}
	return t, nil
}

// Store is one of the two implementations of the stores' contract.
var _ contract.Store = (*Store)(nil)
