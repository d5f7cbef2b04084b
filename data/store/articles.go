package store

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// Article returns a stored article, or a geo.ENotFound error.
func (s *Store) Article(ctx context.Context, id int64) (geo.Article, error) {
	var a geo.Article
	var published string
	err := s.reader().QueryRowContext(ctx, `SELECT id, title, url, published, text FROM articles WHERE id = ?`, id).
		Scan(&a.ID, &a.Title, &a.URL, &published, &a.Text)
	if notFound(err) {
		return geo.Article{}, geo.Errorf(geo.ENotFound, "article %d not found", id)
	}
	if err != nil {
		return geo.Article{}, fmt.Errorf("store: article: %w", err)
	}
	if a.Published, err = parseTimeText(published); err != nil {
		return geo.Article{}, err
	}
	return a, nil
}

// ArticleMentions returns the place mentions stored with an article, in text
// order, or a geo.ENotFound error when there is no such article.
func (s *Store) ArticleMentions(ctx context.Context, id int64) ([]geo.Mention, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE id = ?`, id).Scan(&n); err != nil {
		return nil, fmt.Errorf("store: article mentions: %w", err)
	}
	if n == 0 {
		return nil, geo.Errorf(geo.ENotFound, "article %d not found", id)
	}
	return mentionsOf(ctx, tx, id)
}

// mentionsOf loads an article's mentions in text order.
func mentionsOf(ctx context.Context, q queryer, articleID int64) ([]geo.Mention, error) {
	rows, err := q.QueryContext(ctx, `SELECT span_start, span_end, text, name, place_id, geonameid,
		feature_code, country, admin1, admin1_name, admin2, lat, lon, precision, confidence
		FROM mentions WHERE article_id = ? ORDER BY span_start, id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("store: query mentions: %w", err)
	}
	defer rows.Close()
	out, err := contract.ScanMentions(rows)
	if err != nil {
		return nil, fmt.Errorf("store: query mentions: %w", err)
	}
	return out, nil
}

// Stats counts the stored articles and incidents.
func (s *Store) Stats(ctx context.Context) (articles, incidents int, err error) {
	err = s.read.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM incidents)`).
		Scan(&articles, &incidents)
	if err != nil {
		return 0, 0, fmt.Errorf("store: stats: %w", err)
	}
	return articles, incidents, nil
}
