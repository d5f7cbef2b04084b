package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// IngestOptions controls how Ingest stores an article's incidents.
type IngestOptions = contract.IngestOptions

// ContentHash is the dedupe key of an article text (see contract.ContentHash).
func ContentHash(text string) string { return contract.ContentHash(text) }

// Ingest stores an article with its mentions and incidents in one
// transaction: on any error nothing is written. An article whose non-empty
// URL or content hash is already stored is not stored again; the result then
// has Duplicate set and describes the stored article. Incidents in the result
// are the stored ones (ids and Sources filled), once each, in input order.
func (s *Store) Ingest(ctx context.Context, a geo.Article, mentions []geo.Mention, incidents []geo.Incident, opt IngestOptions) (geo.IngestResult, error) {
	return s.IngestOne(ctx, IngestItem{Article: a, Mentions: mentions, Incidents: incidents}, opt)
}

// IngestOne is Ingest of an item that may also carry the names the
// geoparser could not place; they are stored with the article.
func (s *Store) IngestOne(ctx context.Context, it IngestItem, opt IngestOptions) (_ geo.IngestResult, err error) {
	defer fullDisk(&err)
	a := it.Article
	if err := contract.ValidateArticle(a); err != nil {
		return geo.IngestResult{}, err
	}
	hash := ContentHash(a.Text)
	tx, err := s.writeTx(ctx)
	if err != nil {
		return geo.IngestResult{}, err
	}
	defer tx.Rollback()

	if id, found, err := findArticle(ctx, tx, a.URL, hash); err != nil {
		return geo.IngestResult{}, err
	} else if found {
		return describeArticle(ctx, tx, id)
	}
	defer s.ver.changed()
	res, err := ingestNew(ctx, tx, it, hash, opt)
	if err != nil {
		return geo.IngestResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return geo.IngestResult{}, fmt.Errorf("store: commit ingest: %w", err)
	}
	return res, nil
}

// ingestNew writes a new article and everything found in it.
func ingestNew(ctx context.Context, tx txn, it IngestItem, hash string, opt IngestOptions) (geo.IngestResult, error) {
	articleID, err := insertArticle(ctx, tx, it.Article, hash)
	if err != nil {
		return geo.IngestResult{}, err
	}
	return storeFindings(ctx, tx, articleID, it, opt)
}

// storeFindings writes what the pipeline found in the stored article
// articleID: its mentions, the names it could not place and its
// incidents (merged into stored ones when opt.Merge is set).
func storeFindings(ctx context.Context, tx txn, articleID int64, it IngestItem, opt IngestOptions) (geo.IngestResult, error) {
	a, mentions, incidents := it.Article, it.Mentions, it.Incidents
	if err := insertUnresolved(ctx, tx, articleID, a.Text, it.Unresolved); err != nil {
		return geo.IngestResult{}, err
	}
	for i, m := range mentions {
		if err := contract.ValidateMention(m, a.Text, fmt.Sprintf("mentions[%d]", i)); err != nil {
			return geo.IngestResult{}, err
		}
		if err := insertMention(ctx, tx, articleID, m); err != nil {
			return geo.IngestResult{}, err
		}
	}
	w, err := newIncidentWriter(ctx, tx)
	if err != nil {
		return geo.IngestResult{}, err
	}
	defer w.Close()

	res, ids, err := contract.StoreIncidents(articleID, mentions, incidents, len(a.Text),
		func(inc geo.Incident) (int64, bool, error) { return w.Store(ctx, inc, articleID, a.Title, opt.Merge) })
	if err != nil {
		return geo.IngestResult{}, err
	}
	return contract.Finish(res, opt, func() ([]geo.Incident, error) { return incidentsByID(ctx, tx, ids) })
}

// findArticle looks for a stored article with the same non-empty URL or,
// failing that, the same content hash. Two lookups, each on its own index.
func findArticle(ctx context.Context, q queryer, url, hash string) (int64, bool, error) {
	if url != "" {
		// "url <> ''" lets SQLite use the partial unique index on url.
		id, found, err := articleID(ctx, q, articleByURLSQL, url)
		if found || err != nil {
			return id, found, err
		}
	}
	return articleID(ctx, q, articleByHashSQL, hash)
}

func articleID(ctx context.Context, q queryer, query string, arg string) (int64, bool, error) {
	var id int64
	err := q.QueryRowContext(ctx, query, arg).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("store: find article: %w", err)
	}
	return id, true, nil
}

// describeArticle is the result of ingesting an article already stored.
func describeArticle(ctx context.Context, q queryer, id int64) (geo.IngestResult, error) {
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

// The statements of an ingest, prepared when the store opens.
const (
	insertArticleSQL = `INSERT INTO articles (title, url, published, text, content_hash, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?)`
	insertMentionSQL = `INSERT INTO mentions (article_id, span_start, span_end, text, name,
		place_id, geonameid, feature_code, country, admin1, admin1_name, admin2, lat, lon, precision, confidence)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	articleByURLSQL  = `SELECT id FROM articles WHERE url = ? AND url <> ''`
	articleByHashSQL = `SELECT id FROM articles WHERE content_hash = ?`
)

// ingestQueries are every statement an ingest runs in its transaction.
func ingestQueries() []string {
	return append([]string{insertArticleSQL, insertMentionSQL, articleByURLSQL, articleByHashSQL,
		`SAVEPOINT article`, `ROLLBACK TO article`, `RELEASE article`, incidentsByIDSQL, articleSourcesSQL},
		incidentWriterQueries...)
}

// insertArticle writes the article row and returns its id.
func insertArticle(ctx context.Context, tx txn, a geo.Article, hash string) (int64, error) {
	r, err := tx.ExecContext(ctx, insertArticleSQL, a.Title, a.URL, timeText(a.Published), a.Text, hash, nowText())
	if err != nil {
		return 0, fmt.Errorf("store: insert article: %w", err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("store: insert article: %w", err)
	}
	return id, nil
}

// insertMention writes one mention of the article.
func insertMention(ctx context.Context, tx txn, articleID int64, m geo.Mention) error {
	_, err := tx.ExecContext(ctx, insertMentionSQL, articleID, m.Start, m.End, m.Text, m.Name, m.PlaceID, m.GeonameID, m.FeatureCode,
		m.Country, m.Admin1, m.Admin1Name, m.Admin2, m.Lat, m.Lon, m.Precision, m.Confidence)
	if err != nil {
		return fmt.Errorf("store: insert mention: %w", err)
	}
	return nil
}

// queryer is what both *sql.DB and *sql.Tx offer for reading.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
