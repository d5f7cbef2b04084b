package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
)

// version tracks changes to the database so readers can cache what they
// computed from it. The generation moves on every write made through this
// Store and on every commit SQLite reports from elsewhere (another process
// ingesting into the same file).
type version struct {
	gen atomic.Int64 // bumped by write methods and by seen data_version changes

	mu       sync.Mutex
	watch    *sql.DB   // one connection: PRAGMA data_version is per connection
	check    *sql.Stmt // PRAGMA data_version, prepared on it once
	lastSeen int64     // the watcher's data_version at the last check
}

// newVersion opens the watcher connection on dsn.
func newVersion(dsn string) (*version, error) {
	watch, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open version watcher: %w", err)
	}
	watch.SetMaxOpenConns(1)
	watch.SetMaxIdleConns(1)
	watch.SetConnMaxIdleTime(0)
	watch.SetConnMaxLifetime(0)
	check, err := watch.Prepare("PRAGMA data_version")
	if err != nil {
		watch.Close()
		return nil, fmt.Errorf("store: open version watcher: %w", err)
	}
	v := &version{watch: watch, check: check, lastSeen: -1}
	v.gen.Store(1)
	return v, nil
}

// changed records a write made through this Store. It is called after the
// write ends, committed or not: a needless bump only costs a cache miss.
func (v *version) changed() { v.gen.Add(1) }

// current returns the generation, first moving it on if SQLite reports a
// commit the watcher has not seen. data_version changes whenever another
// connection commits, and every writer (this Store's own writer included)
// is another connection to the watcher.
func (v *version) current(ctx context.Context) (int64, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	var dv int64
	if err := v.check.QueryRowContext(ctx).Scan(&dv); err != nil {
		return 0, fmt.Errorf("store: data version: %w", err)
	}
	if dv != v.lastSeen {
		// The first check also lands here, which is harmless: nothing has
		// been cached under the starting generation with a watcher value.
		v.lastSeen = dv
		v.gen.Add(1)
	}
	return v.gen.Load(), nil
}

func (v *version) close() error {
	v.check.Close()
	return v.watch.Close()
}

// Version is a number that changes whenever the stored data may have
// changed: every Ingest, user-place edit, import or synthetic load through
// this Store, and any commit to the file by another process. It never goes
// back, so a result computed after reading Version n is current for as long
// as Version still returns n. It costs one tiny query.
func (s *Store) Version(ctx context.Context) (int64, error) {
	return s.ver.current(ctx)
}
