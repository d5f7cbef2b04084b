package store

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// IngestItem is one article of a batch with the places and incidents found
// in it.
type IngestItem = contract.IngestItem

// IngestBatch stores many articles in one transaction, each inside its own
// savepoint: an article that fails is rolled back alone and its error is
// errs[i]; the rest commit together. One commit for many articles is what
// makes bulk ingest fast. err is set, and nothing is written, only when the
// transaction itself fails, which includes a full disk (geo.EStorageFull).
func (s *Store) IngestBatch(ctx context.Context, items []IngestItem, opt IngestOptions) (results []geo.IngestResult, errs []error, err error) {
	defer func() {
		fullDisk(&err)
		for i := range errs {
			fullDisk(&errs[i])
		}
	}()
	results = make([]geo.IngestResult, len(items))
	errs = make([]error, len(items))
	tx, err := s.writeTx(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	stored := false
	for i, it := range items {
		if errs[i] = contract.ValidateArticle(it.Article); errs[i] != nil {
			continue
		}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT article`); err != nil {
			return nil, nil, fmt.Errorf("store: savepoint: %w", err)
		}
		hash := ContentHash(it.Article.Text)
		id, found, ferr := findArticle(ctx, tx, it.Article.URL, hash)
		switch {
		case ferr != nil:
			errs[i] = ferr
		case found:
			results[i], errs[i] = describeArticle(ctx, tx, id)
		default:
			results[i], errs[i] = ingestNew(ctx, tx, it, hash, opt)
			stored = stored || errs[i] == nil
		}
		if isFull(errs[i]) {
			// SQLite may have rolled the whole transaction back; the
			// batch fails as one, and nothing of it is stored.
			return nil, nil, errs[i]
		}
		if errs[i] != nil {
			if _, err := tx.ExecContext(ctx, `ROLLBACK TO article`); err != nil {
				return nil, nil, fmt.Errorf("store: rollback article: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `RELEASE article`); err != nil {
			return nil, nil, fmt.Errorf("store: release savepoint: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("store: commit batch: %w", err)
	}
	if stored {
		s.ver.changed()
	}
	return results, errs, nil
}
