package postgis

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/incidentmap/incidentmap/data/boxgrid"
	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is an open PostGIS database. It is safe for concurrent use, and
// other processes may use the same database at the same time.
type Store struct {
	pool *pgxpool.Pool
	url  string       // the URL opened, without its password
	grid boxgrid.Grid // cells' incident counts, for box counts
	// articles keeps the sources pages have read.
	articles *contract.SourceCache
	// background runs the backfill of older incidents' article ids
	// (backfill.go); stop ends it.
	background sync.WaitGroup
	stop       context.CancelFunc
}

// IsURL reports whether dsn names a PostgreSQL database rather than a file.
func IsURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openTimeout bounds connecting and migrating.
const openTimeout = time.Minute

// Open connects to the database at a postgres:// URL and applies any
// migrations it has not seen yet. Connection settings, search_path among
// them, may be given as URL parameters.
func Open(dsn string) (*Store, error) {
	if !IsURL(dsn) {
		return nil, fmt.Errorf("postgis: need a postgres:// or postgresql:// URL, got %q", dsn)
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgis: %s: %w", Redact(dsn), err)
	}
	// A request's queries take milliseconds; starting parallel workers
	// for them takes longer than it saves, and a server's concurrent
	// requests already use every core. The URL may say otherwise.
	if _, ok := cfg.ConnConfig.RuntimeParams["max_parallel_workers_per_gather"]; !ok {
		cfg.ConnConfig.RuntimeParams["max_parallel_workers_per_gather"] = "0"
	}
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgis: connect %s: %w", Redact(dsn), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgis: connect %s: %w", Redact(dsn), err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	s := &Store{pool: pool, url: Redact(dsn), articles: contract.NewSourceCache()}
	var bg context.Context
	bg, s.stop = context.WithCancel(context.Background())
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		s.backfillSourceIDs(bg)
	}()
	return s, nil
}

// Redact is dsn with its password, if any, replaced by "xxxxx", for
// messages and logs.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unparsable URL)"
	}
	return u.Redacted()
}

// URL is the database the store was opened on, without its password.
func (s *Store) URL() string { return s.url }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, "SELECT 1"); err != nil {
		return fmt.Errorf("postgis: ping: %w", err)
	}
	return nil
}

// Close stops the background work and closes the connection pool.
func (s *Store) Close() error {
	s.stop()
	s.background.Wait()
	s.pool.Close()
	return nil
}

// querier is what the pool and a transaction both offer.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// readTx starts a read-only transaction on one snapshot, so a page and its
// total always agree.
func (s *Store) readTx(ctx context.Context) (pgx.Tx, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("postgis: begin read: %w", err)
	}
	return tx, nil
}

// writeTx starts a read-committed write transaction: each statement sees
// what other servers committed before it, which is what lets an insert
// that lost a race find the winner's row.
func (s *Store) writeTx(ctx context.Context) (pgx.Tx, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgis: begin write: %w", err)
	}
	return tx, nil
}

// rollback ends a transaction that may already be over; for defer.
func rollback(tx pgx.Tx) { tx.Rollback(context.Background()) }

// Store is one of the two implementations of the stores' contract.
var _ contract.Store = (*Store)(nil)
