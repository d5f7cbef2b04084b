package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// Ingest stores an article with its mentions and incidents in one
// transaction: on any error nothing is written. An article whose non-empty
// URL or content hash is already stored is not stored again; the result then
// has Duplicate set and describes the stored article. Incidents in the result
// are the stored ones (ids and Sources filled), once each, in input order.
func (s *Store) Ingest(ctx context.Context, a geo.Article, mentions []geo.Mention, incidents []geo.Incident, opt contract.IngestOptions) (geo.IngestResult, error) {
	return s.IngestOne(ctx, contract.IngestItem{Article: a, Mentions: mentions, Incidents: incidents}, opt)
}

// IngestOne is Ingest of an item that may also carry the names the
// geoparser could not place; they are stored with the article.
func (s *Store) IngestOne(ctx context.Context, it contract.IngestItem, opt contract.IngestOptions) (geo.IngestResult, error) {
	if err := contract.ValidateArticle(it.Article); err != nil {
		return geo.IngestResult{}, err
	}
	var res geo.IngestResult
	err := retryOnConflict(ctx, func() error {
		tx, err := s.writeTx(ctx)
		if err != nil {
			return err
		}
		defer rollback(tx)
		var stored bool
		if res, stored, err = ingestArticle(ctx, tx, it, opt); err != nil || !stored {
			return err
		}
		if err := bumpVersion(ctx, tx); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return fmt.Errorf("postgis: commit ingest: %w", err)
		}
		return nil
	})
	if err != nil {
		return geo.IngestResult{}, err
	}
	return res, nil
}

// ingestArticle stores a new article and what was found in it, or, when
// the article is stored already (by this transaction's view or by another
// server that just committed it), describes the stored one; stored says
// which. Statements in before (a batch's savepoints) are sent with the
// article's insert, in one round trip; their failure is a *txError.
func ingestArticle(ctx context.Context, tx pgx.Tx, it contract.IngestItem, opt contract.IngestOptions, before ...string) (geo.IngestResult, bool, error) {
	a := it.Article
	hash := contract.ContentHash(a.Text)
	// Names that fail their check are reported by storeFindings, once the
	// article is known new: a duplicate is described, not checked.
	names, namesErr := namesArgs(it)
	namesOK := namesErr == nil
	var id int64
	var inserted bool
	var targets []mergeTarget
	var err error
	if namesOK {
		var merging []geo.Incident
		if opt.Merge {
			merging = it.Incidents
		}
		id, inserted, targets, err = insertArticleWithNames(ctx, tx, a, hash, names, merging, before)
	} else {
		id, inserted, err = insertArticle(ctx, tx, a, hash, before)
	}
	if err != nil {
		return geo.IngestResult{}, false, err
	}
	if !inserted {
		id, err := findArticle(ctx, tx, a.URL, hash)
		if err != nil {
			return geo.IngestResult{}, false, err
		}
		res, err := describeArticle(ctx, tx, id)
		return res, false, err
	}
	res, err := storeFindings(ctx, tx, id, it, opt, !namesOK, targets)
	return res, err == nil, err
}

// txError is a failure of the transaction rather than of one article.
type txError struct{ err error }

func (e *txError) Error() string { return e.err.Error() }
func (e *txError) Unwrap() error { return e.err }

// insertArticle inserts the article row after the statements in before.
// The unique indexes on content_hash and url decide whether it is new: an
// insert that meets a stored article, or one another transaction is
// committing, inserts nothing (after waiting for that transaction), and
// inserted is false.
func insertArticle(ctx context.Context, tx pgx.Tx, a geo.Article, hash string, before []string) (id int64, inserted bool, err error) {
	b := &pgx.Batch{}
	for _, q := range before {
		b.Queue(q)
	}
	b.Queue(`INSERT INTO articles (title, url, published, text, content_hash)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
		a.Title, a.URL, nullTime(a.Published), a.Text, hash)
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	for range before {
		if _, err := br.Exec(); err != nil {
			return 0, false, &txError{fmt.Errorf("postgis: savepoint: %w", err)}
		}
	}
	err = br.QueryRow().Scan(&id)
	if notFound(err) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("postgis: insert article: %w", err)
	}
	return id, true, nil
}

// findArticle finds the stored article with the same non-empty URL or,
// failing that, the same content hash.
func findArticle(ctx context.Context, q querier, url, hash string) (int64, error) {
	var id int64
	err := q.QueryRow(ctx, `SELECT id FROM articles WHERE (url = $1 AND url <> '') OR content_hash = $2
		ORDER BY (url = $1 AND url <> '') DESC LIMIT 1`, url, hash).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("postgis: find article: %w", err)
	}
	return id, nil
}

// describeArticle is the result of ingesting an article already stored.
func describeArticle(ctx context.Context, q querier, id int64) (geo.IngestResult, error) {
	mentions, err := mentionsOf(ctx, q, id)
	if err != nil {
		return geo.IngestResult{}, err
	}
	incidents, err := incidentsOfArticle(ctx, q, id)
	if err != nil {
		return geo.IngestResult{}, err
	}
	return geo.IngestResult{ArticleID: id, Duplicate: true, Mentions: mentions, Incidents: incidents}, nil
}
