package store

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/geo"
)

// StoredArticle returns a stored article with its id set, or a
// geo.ENotFound error; the pipeline runs on it again after a gazetteer
// change.
func (s *Store) StoredArticle(ctx context.Context, id int64) (geo.Article, error) {
	a, err := s.Article(ctx, id)
	a.ID = id
	return a, err
}

// ReplaceFindings replaces, in one transaction, what the pipeline found in
// the stored article it.Article.ID: its mentions, unresolved names and its
// share of incidents. The article's sources are taken off the incidents it
// reported; an incident left without sources is deleted, and one that
// other articles still report keeps only their largest count, fatalities
// and injured. The new incidents are then stored as at ingest, merged into
// matching incidents when opt.Merge is set. The result lists the
// article's incidents as they now are.
func (s *Store) ReplaceFindings(ctx context.Context, it IngestItem, opt IngestOptions) (_ geo.IngestResult, err error) {
	defer fullDisk(&err)
	id := it.Article.ID
	tx, err := s.writeTx(ctx)
	if err != nil {
		return geo.IngestResult{}, err
	}
	defer tx.Rollback()
	var text string
	err = tx.QueryRowContext(ctx, `SELECT text FROM articles WHERE id = ?`, id).Scan(&text)
	if notFound(err) {
		return geo.IngestResult{}, geo.Errorf(geo.ENotFound, "article %d not found", id)
	}
	if err != nil {
		return geo.IngestResult{}, fmt.Errorf("store: replace findings: %w", err)
	}
	if text != it.Article.Text {
		return geo.IngestResult{}, geo.FieldError("text", "is not the stored text of article %d", id)
	}
	defer s.ver.changed()
	for _, q := range []string{
		`CREATE TEMP TABLE IF NOT EXISTS reresolve_incidents (id INTEGER PRIMARY KEY)`,
		`DELETE FROM reresolve_incidents`,
		`INSERT INTO reresolve_incidents SELECT DISTINCT incident_id FROM incident_sources WHERE article_id = ?1`,
		`DELETE FROM incident_sources WHERE article_id = ?1`,
		`DELETE FROM incidents WHERE id IN (SELECT id FROM reresolve_incidents)
		 AND NOT EXISTS (SELECT 1 FROM incident_sources s WHERE s.incident_id = incidents.id)`,
		`UPDATE incidents SET
		 count = (SELECT MAX(count) FROM incident_sources s WHERE s.incident_id = incidents.id),
		 fatalities = (SELECT MAX(fatalities) FROM incident_sources s WHERE s.incident_id = incidents.id),
		 injured = (SELECT MAX(injured) FROM incident_sources s WHERE s.incident_id = incidents.id)
		 WHERE id IN (SELECT id FROM reresolve_incidents)`,
		`DELETE FROM reresolve_incidents`,
		`DELETE FROM mentions WHERE article_id = ?1`,
		`DELETE FROM unresolved_names WHERE article_id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return geo.IngestResult{}, fmt.Errorf("store: replace findings of article %d: %w", id, err)
		}
	}
	res, err := storeFindings(ctx, tx, id, it, opt)
	if err != nil {
		return geo.IngestResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return geo.IngestResult{}, fmt.Errorf("store: commit replace findings: %w", err)
	}
	return res, nil
}
