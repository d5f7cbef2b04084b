package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCacheSize bounds the prepared statements kept per pool. Queries are
// built from a filter's shape, not its values, so a few dozen texts cover
// what the server asks; a full cache starts over.
const stmtCacheSize = 256

// stmtCache keeps one prepared statement per SQL text for a pool.
// database/sql prepares a statement on each connection the first time it
// runs there and keeps it, so every hot query is compiled once per
// connection instead of once per request.
//
// A statement is prepared in the background on its first use, and that
// first use runs the plain text: preparing on the pool needs a free
// connection, and the caller may hold the last one (the single writer, or
// every reader in a transaction), which would wait forever.
type stmtCache struct {
	db      *sql.DB
	mu      sync.Mutex
	stmts   map[string]*sql.Stmt
	pending map[string]bool
	closed  bool
	// preparing counts the background prepares, which Close waits for: one
	// still holding a connection when the pool closes would keep the
	// database's -wal and -shm files open past the Store's Close.
	preparing sync.WaitGroup
}

func newStmtCache(db *sql.DB) *stmtCache {
	return &stmtCache{db: db, stmts: map[string]*sql.Stmt{}, pending: map[string]bool{}}
}

// get returns the statement for query, or nil after starting to prepare it.
func (c *stmtCache) get(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok || c.closed || c.pending[query] {
		return st
	}
	c.pending[query] = true
	c.preparing.Add(1)
	go c.prepare(query)
	return nil
}

// prepare prepares query on the pool and keeps it. A query that does not
// prepare is left alone: its plain text fails the same way every time.
func (c *stmtCache) prepare(query string) {
	defer c.preparing.Done()
	st, err := c.db.PrepareContext(context.Background(), query)
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, query)
	if err != nil {
		return
	}
	if c.closed {
		st.Close()
		return
	}
	if len(c.stmts) >= stmtCacheSize {
		// Closing a statement in use is safe: database/sql closes it on
		// each connection once that connection is done with it.
		for q, old := range c.stmts {
			old.Close()
			delete(c.stmts, q)
		}
	}
	c.stmts[query] = st
}

// close closes every statement; later gets prepare nothing. Prepares
// under way may still finish: wait for them after closing the pool, which
// ends those still waiting for a connection.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for q, st := range c.stmts {
		st.Close()
		delete(c.stmts, q)
	}
}

// wait returns once no prepare is under way.
func (c *stmtCache) wait() { c.preparing.Wait() }

// warm prepares queries now, before any transaction holds a connection.
func (c *stmtCache) warm(ctx context.Context, queries ...string) error {
	for _, q := range queries {
		st, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		c.mu.Lock()
		c.stmts[q] = st
		c.mu.Unlock()
	}
	return nil
}

// txn is a transaction whose queries run as prepared statements from the
// pool's cache.
type txn struct {
	*sql.Tx
	stmts *stmtCache
}

// stmt returns query's statement bound to the transaction: the pool's,
// or, before that is prepared, one prepared on the transaction alone.
func (t txn) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := t.stmts.get(query); st != nil {
		return t.StmtContext(ctx, st), nil
	}
	return t.PrepareContext(ctx, query)
}

func (t txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := t.stmts.get(query); st != nil {
		return t.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, query, args...)
}

func (t txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := t.stmts.get(query); st != nil {
		return t.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, query, args...)
}

func (t txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmts.get(query); st != nil {
		return t.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, query, args...)
}

// pooled runs queries as prepared statements on any connection of a pool,
// outside a transaction.
type pooled struct{ stmts *stmtCache }

func (p pooled) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := p.stmts.get(query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return p.stmts.db.QueryContext(ctx, query, args...)
}

func (p pooled) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := p.stmts.get(query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return p.stmts.db.QueryRowContext(ctx, query, args...)
}
