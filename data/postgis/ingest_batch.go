package postgis

import (
	"context"
	"errors"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// IngestBatch stores many articles in one transaction, each inside its own
// savepoint: an article that fails is rolled back alone and its error is
// errs[i]; the rest commit together. One commit for many articles is what
// makes bulk ingest fast. err is set, and nothing is written, only when the
// transaction itself fails.
func (s *Store) IngestBatch(ctx context.Context, items []contract.IngestItem, opt contract.IngestOptions) (results []geo.IngestResult, errs []error, err error) {
	err = retryOnConflict(ctx, func() error {
		results, errs, err = s.ingestBatch(ctx, items, opt)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return results, errs, nil
}

// ingestBatch is one attempt at IngestBatch.
func (s *Store) ingestBatch(ctx context.Context, items []contract.IngestItem, opt contract.IngestOptions) ([]geo.IngestResult, []error, error) {
	results := make([]geo.IngestResult, len(items))
	errs := make([]error, len(items))
	tx, err := s.writeTx(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer rollback(tx)
	stored := false
	// Each article runs in a savepoint, released before the next one
	// starts (a transaction with many open subtransactions slows every
	// reader of the database); the release and the new savepoint ride
	// along with the next article's insert.
	var before []string
	for i, it := range items {
		if errs[i] = contract.ValidateArticle(it.Article); errs[i] != nil {
			continue
		}
		before = append(before, `SAVEPOINT article`)
		var fresh bool
		results[i], fresh, errs[i] = ingestArticle(ctx, tx, it, opt, before...)
		before = nil
		var te *txError
		if errors.As(errs[i], &te) {
			return nil, nil, te.err
		}
		if isConflict(errs[i]) {
			// A deadlock ends the transaction: the batch is tried again.
			return nil, nil, errs[i]
		}
		if errs[i] != nil {
			results[i] = geo.IngestResult{}
			if _, err := tx.Exec(ctx, `ROLLBACK TO SAVEPOINT article`); err != nil {
				return nil, nil, fmt.Errorf("postgis: rollback article: %w", err)
			}
		}
		before = []string{`RELEASE SAVEPOINT article`}
		stored = stored || (fresh && errs[i] == nil)
	}
	if stored {
		if err := bumpVersion(ctx, tx); err != nil {
			return nil, nil, err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, nil, fmt.Errorf("postgis: commit batch: %w", err)
	}
	return results, errs, nil
}
