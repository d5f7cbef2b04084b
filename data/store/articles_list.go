package store

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/geo"
)

// Articles lists stored articles, the most recently ingested first, with
// the number of incidents each reported, and the total number stored.
func (s *Store) Articles(ctx context.Context, limit, offset int) ([]geo.ArticleSummary, int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.title, a.url, a.published, a.ingested_at,
		(SELECT COUNT(DISTINCT incident_id) FROM incident_sources WHERE article_id = a.id),
		COUNT(*) OVER ()
		FROM articles a ORDER BY a.id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list articles: %w", err)
	}
	defer rows.Close()
	out := []geo.ArticleSummary{}
	total := 0
	for rows.Next() {
		var a geo.ArticleSummary
		var published, ingested string
		if err := rows.Scan(&a.ID, &a.Title, &a.URL, &published, &ingested, &a.Incidents, &total); err != nil {
			return nil, 0, fmt.Errorf("store: list articles: %w", err)
		}
		if a.Published, err = parseTimeText(published); err != nil {
			return nil, 0, err
		}
		if a.IngestedAt, err = parseTimeText(ingested); err != nil {
			return nil, 0, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: list articles: %w", err)
	}
	if len(out) == 0 && offset > 0 {
		// Past the end the window count is lost; count apart.
		if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("store: count articles: %w", err)
		}
	}
	return out, total, nil
}
