package postgis

import (
	"context"
	"fmt"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// Article returns a stored article, or a geo.ENotFound error.
func (s *Store) Article(ctx context.Context, id int64) (geo.Article, error) {
	var a geo.Article
	var published *time.Time
	err := s.pool.QueryRow(ctx, `SELECT id, title, url, published, text FROM articles WHERE id = $1`, id).
		Scan(&a.ID, &a.Title, &a.URL, &published, &a.Text)
	if notFound(err) {
		return geo.Article{}, geo.Errorf(geo.ENotFound, "article %d not found", id)
	}
	if err != nil {
		return geo.Article{}, fmt.Errorf("postgis: article: %w", err)
	}
	a.Published = utc(published)
	return a, nil
}

// StoredArticle returns a stored article with its id set, or a
// geo.ENotFound error; the pipeline runs on it again after a gazetteer
// change.
func (s *Store) StoredArticle(ctx context.Context, id int64) (geo.Article, error) {
	a, err := s.Article(ctx, id)
	a.ID = id
	return a, err
}

// ArticleMentions returns the place mentions stored with an article, in text
// order, or a geo.ENotFound error when there is no such article.
func (s *Store) ArticleMentions(ctx context.Context, id int64) ([]geo.Mention, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer rollback(tx)
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)`, id).Scan(&exists); err != nil {
		return nil, fmt.Errorf("postgis: article mentions: %w", err)
	}
	if !exists {
		return nil, geo.Errorf(geo.ENotFound, "article %d not found", id)
	}
	return mentionsOf(ctx, tx, id)
}

// mentionsOf loads an article's mentions in text order.
func mentionsOf(ctx context.Context, q querier, articleID int64) ([]geo.Mention, error) {
	rows, err := q.Query(ctx, `SELECT span_start, span_end, text, name, place_id, geonameid,
		feature_code, country, admin1, admin1_name, admin2, lat, lon, precision, confidence
		FROM mentions WHERE article_id = $1 ORDER BY span_start, id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("postgis: query mentions: %w", err)
	}
	defer rows.Close()
	out, err := contract.ScanMentions(rows)
	if err != nil {
		return nil, fmt.Errorf("postgis: query mentions: %w", err)
	}
	return out, nil
}

// Stats counts the stored articles and incidents.
func (s *Store) Stats(ctx context.Context) (articles, incidents int, err error) {
	err = s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM incidents)`).
		Scan(&articles, &incidents)
	if err != nil {
		return 0, 0, fmt.Errorf("postgis: stats: %w", err)
	}
	return articles, incidents, nil
}

// Articles lists stored articles, the most recently ingested first, with
// the number of incidents each reported, and the total number stored.
func (s *Store) Articles(ctx context.Context, limit, offset int) ([]geo.ArticleSummary, int, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer rollback(tx)
	var total int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgis: count articles: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT a.id, a.title, a.url, a.published, a.ingested_at,
		(SELECT count(DISTINCT incident_id) FROM incident_sources WHERE article_id = a.id)
		FROM articles a ORDER BY a.id DESC LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("postgis: list articles: %w", err)
	}
	defer rows.Close()
	out := []geo.ArticleSummary{}
	for rows.Next() {
		var a geo.ArticleSummary
		var published *time.Time
		if err := rows.Scan(&a.ID, &a.Title, &a.URL, &published, &a.IngestedAt, &a.Incidents); err != nil {
			return nil, 0, fmt.Errorf("postgis: list articles: %w", err)
		}
		a.Published, a.IngestedAt = utc(published), a.IngestedAt.UTC()
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("postgis: list articles: %w", err)
	}
	return out, total, nil
}
