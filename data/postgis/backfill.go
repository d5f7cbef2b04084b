package postgis

import (
	"context"
	"fmt"
	"log/slog"
)

// backfillBatch is how many incidents one backfill transaction lists: a
// few hundred milliseconds of work, so pages and ingest go on beside it.
const backfillBatch = 2000

// backfillSourceIDs lists the article ids of the incidents stored before
// migration 0009 (source_ids NULL), a batch at a time in id order, until
// none is left or ctx ends. Each batch locks its rows, skipping rows
// another server is filling or a writer holds; the triggers list a row
// whole when they meet a NULL, so nothing is lost either way.
func (s *Store) backfillSourceIDs(ctx context.Context) {
	after := int64(0)
	for {
		last, n, err := s.backfillOnce(ctx, after)
		if err != nil {
			if ctx.Err() == nil {
				slog.Warn("postgis: listing the article ids of older incidents", "err", err)
			}
			return
		}
		if n == 0 {
			return
		}
		after = last
	}
}

// backfillOnce lists one batch of incidents with ids above after, and
// returns the largest id it saw and how many it listed.
func (s *Store) backfillOnce(ctx context.Context, after int64) (last int64, n int, err error) {
	err = s.pool.QueryRow(ctx, `WITH todo AS (
			SELECT id FROM incidents WHERE id > $1 AND source_ids IS NULL
			ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED),
		done AS (
			UPDATE incidents i SET source_ids = ARRAY(SELECT DISTINCT s.article_id
				FROM incident_sources s WHERE s.incident_id = i.id ORDER BY 1)
			FROM todo WHERE i.id = todo.id RETURNING i.id)
		SELECT coalesce(max(id), 0), count(*) FROM done`, after, backfillBatch).Scan(&last, &n)
	if err != nil {
		return 0, 0, fmt.Errorf("postgis: backfill: %w", err)
	}
	return last, n, nil
}
