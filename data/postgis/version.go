package postgis

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Version is a number that changes whenever the stored data may have
// changed, through this Store or any other process on the database. It
// lives in the database, so every server sharing it reads the same number
// and drops its caches together. It never goes back, and costs one tiny
// query.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, `SELECT n FROM store_version`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgis: version: %w", err)
	}
	return n, nil
}

// bumpVersion moves the version on inside a write transaction, as its last
// statement: the row lock it takes is held only until the commit, and a
// reader sees the new number only once the writes it counts are visible.
func bumpVersion(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `UPDATE store_version SET n = n + 1`); err != nil {
		return fmt.Errorf("postgis: bump version: %w", err)
	}
	return nil
}
