package postgis

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
)

// conflictRetries is how often a write that lost a deadlock is tried
// again. Batches from two servers that merge into the same incidents in
// different orders can deadlock on their merge-key locks; PostgreSQL then
// aborts one, which is safe to run again.
const conflictRetries = 5

// isConflict reports whether err is a deadlock or a serialization failure.
func isConflict(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// retryOnConflict runs fn until it succeeds, fails otherwise than by a
// conflict, or has lost conflictRetries times.
func retryOnConflict(ctx context.Context, fn func() error) error {
	var err error
	for range conflictRetries {
		if err = fn(); !isConflict(err) || ctx.Err() != nil {
			return err
		}
	}
	return err
}
