package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// ReplaceFindings replaces, in one transaction, what the pipeline found in
// the stored article it.Article.ID: its mentions, unresolved names and its
// share of incidents, as the SQLite store's ReplaceFindings does. The old
// incidents stay while the new ones are stored, so a re-resolved report of
// the same event merges back into its old incident and keeps its id; then
// an old incident left without sources is deleted, and one that other
// articles still report keeps only their largest numbers.
func (s *Store) ReplaceFindings(ctx context.Context, it contract.IngestItem, opt contract.IngestOptions) (geo.IngestResult, error) {
	var res geo.IngestResult
	err := retryOnConflict(ctx, func() error {
		var err error
		res, err = s.replaceFindings(ctx, it, opt)
		return err
	})
	return res, err
}

func (s *Store) replaceFindings(ctx context.Context, it contract.IngestItem, opt contract.IngestOptions) (geo.IngestResult, error) {
	id := it.Article.ID
	tx, err := s.writeTx(ctx)
	if err != nil {
		return geo.IngestResult{}, err
	}
	defer rollback(tx)
	var text string
	// FOR UPDATE: two servers re-resolving one article take turns.
	err = tx.QueryRow(ctx, `SELECT text FROM articles WHERE id = $1 FOR UPDATE`, id).Scan(&text)
	if notFound(err) {
		return geo.IngestResult{}, geo.Errorf(geo.ENotFound, "article %d not found", id)
	}
	if err != nil {
		return geo.IngestResult{}, fmt.Errorf("postgis: replace findings: %w", err)
	}
	if text != it.Article.Text {
		return geo.IngestResult{}, geo.FieldError("text", "is not the stored text of article %d", id)
	}
	var old []int64
	if err := tx.QueryRow(ctx, `WITH gone AS (DELETE FROM incident_sources WHERE article_id = $1 RETURNING incident_id)
		SELECT coalesce(array_agg(DISTINCT incident_id), '{}') FROM gone`, id).Scan(&old); err != nil {
		return geo.IngestResult{}, fmt.Errorf("postgis: replace findings of article %d: %w", id, err)
	}
	if err := execAll(ctx, tx, id, []any{id},
		`DELETE FROM mentions WHERE article_id = $1`,
		`DELETE FROM unresolved_names WHERE article_id = $1`); err != nil {
		return geo.IngestResult{}, err
	}
	res, err := storeFindings(ctx, tx, id, it, opt, true, nil)
	if err != nil {
		return geo.IngestResult{}, err
	}
	if err := execAll(ctx, tx, id, []any{old},
		`DELETE FROM incidents i WHERE i.id = ANY($1)
		 AND NOT EXISTS (SELECT 1 FROM incident_sources s WHERE s.incident_id = i.id)`,
		`UPDATE incidents i SET
		 count = (SELECT max(count) FROM incident_sources s WHERE s.incident_id = i.id),
		 fatalities = (SELECT max(fatalities) FROM incident_sources s WHERE s.incident_id = i.id),
		 injured = (SELECT max(injured) FROM incident_sources s WHERE s.incident_id = i.id)
		 WHERE i.id = ANY($1)`); err != nil {
		return geo.IngestResult{}, err
	}
	ids := make([]int64, len(res.Incidents))
	for i, inc := range res.Incidents {
		ids[i] = inc.ID
	}
	if res.Incidents, err = incidentsByID(ctx, tx, nil, ids, nil); err != nil {
		return geo.IngestResult{}, err
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return geo.IngestResult{}, err
	}
	if err := tx.Commit(ctx); err != nil {
		return geo.IngestResult{}, fmt.Errorf("postgis: commit replace findings: %w", err)
	}
	return res, nil
}

// execAll runs statements in order, each with args.
func execAll(ctx context.Context, tx pgx.Tx, articleID int64, args []any, stmts ...string) error {
	for _, q := range stmts {
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return fmt.Errorf("postgis: replace findings of article %d: %w", articleID, err)
		}
	}
	return nil
}
