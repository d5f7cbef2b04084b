package store

import (
	"context"
	"fmt"
	"strings"

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
// reported and the new incidents are stored as at ingest, merged into
// matching incidents when opt.Merge is set; then an old incident left
// without sources is deleted, and one that other articles still report
// keeps only their largest count, fatalities and injured. The result
// lists the article's incidents as they now are.
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
	// The old incidents stay while the new ones are stored, so a new
	// incident never takes an old one's id (a reused id would name another
	// event), and a re-resolved report of the same event merges back into
	// its old incident and keeps its id.
	if err := execAll(ctx, tx, id,
		`CREATE TEMP TABLE IF NOT EXISTS reresolve_incidents (id INTEGER PRIMARY KEY)`,
		`DELETE FROM reresolve_incidents`,
		`INSERT INTO reresolve_incidents SELECT DISTINCT incident_id FROM incident_sources WHERE article_id = ?`,
		`DELETE FROM incident_sources WHERE article_id = ?`,
		`DELETE FROM mentions WHERE article_id = ?`,
		`DELETE FROM unresolved_names WHERE article_id = ?`,
	); err != nil {
		return geo.IngestResult{}, err
	}
	res, err := storeFindings(ctx, tx, id, it, opt)
	if err != nil {
		return geo.IngestResult{}, err
	}
	if err := execAll(ctx, tx, id,
		`DELETE FROM incidents WHERE id IN (SELECT id FROM reresolve_incidents)
		 AND NOT EXISTS (SELECT 1 FROM incident_sources s WHERE s.incident_id = incidents.id)`,
		`UPDATE incidents SET
		 count = (SELECT MAX(count) FROM incident_sources s WHERE s.incident_id = incidents.id),
		 fatalities = (SELECT MAX(fatalities) FROM incident_sources s WHERE s.incident_id = incidents.id),
		 injured = (SELECT MAX(injured) FROM incident_sources s WHERE s.incident_id = incidents.id)
		 WHERE id IN (SELECT id FROM reresolve_incidents)`,
		`DELETE FROM reresolve_incidents`,
	); err != nil {
		return geo.IngestResult{}, err
	}
	ids := make([]int64, len(res.Incidents))
	for i, inc := range res.Incidents {
		ids[i] = inc.ID
	}
	if res.Incidents, err = incidentsByID(ctx, tx, ids); err != nil {
		return geo.IngestResult{}, err
	}
	if err := tx.Commit(); err != nil {
		return geo.IngestResult{}, fmt.Errorf("store: commit replace findings: %w", err)
	}
	return res, nil
}

// execAll runs statements in order; those with a parameter get the
// article id.
func execAll(ctx context.Context, tx txn, articleID int64, stmts ...string) error {
	for _, q := range stmts {
		var args []any
		if strings.Contains(q, "?") {
			args = []any{articleID}
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("store: replace findings of article %d: %w", articleID, err)
		}
	}
	return nil
}
