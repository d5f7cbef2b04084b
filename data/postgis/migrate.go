package postgis

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLock is the advisory lock key held while migrating, so servers
// that start together apply each file once.
const migrationLock = 0x696e636d6170 // "incmap"

// migrate applies, in name order, every embedded migration not yet recorded
// in schema_migrations, each in its own transaction so a failed file leaves
// the schema as the previous file left it.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("postgis: list migrations: %w", err)
	}
	sort.Strings(names)
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`
	if err := inLockedTx(ctx, pool, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, create)
		return err
	}); err != nil {
		return fmt.Errorf("postgis: create schema_migrations: %w", err)
	}
	for _, name := range names {
		if err := inLockedTx(ctx, pool, func(tx pgx.Tx) error { return migrateFile(ctx, tx, name) }); err != nil {
			return fmt.Errorf("postgis: migration %s: %w", name, err)
		}
	}
	return nil
}

// inLockedTx runs fn in a transaction holding the migration lock.
func inLockedTx(ctx context.Context, pool *pgxpool.Pool, fn func(pgx.Tx) error) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer rollback(tx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// migrateFile applies one migration file unless it is already recorded.
func migrateFile(ctx context.Context, tx pgx.Tx, name string) error {
	var done bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE name = $1)`, name).Scan(&done); err != nil {
		return err
	}
	if done {
		return nil
	}
	body, err := migrationFiles.ReadFile(name)
	if err != nil {
		return err
	}
	// The simple protocol runs a file of several statements as one.
	if _, err := tx.Exec(ctx, string(body), pgx.QueryExecModeSimpleProtocol); err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO schema_migrations (name) VALUES ($1)`, name)
	return err
}
