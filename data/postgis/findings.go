package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// storeFindings writes what the pipeline found in the stored article
// articleID: its mentions and the names it could not place, when
// withNames is set (an ingest stores them with the article), and its
// incidents (merged into stored ones when opt.Merge is set). targets,
// when not nil, are the incidents' merge targets read ahead, in order.
func storeFindings(ctx context.Context, tx pgx.Tx, articleID int64, it contract.IngestItem, opt contract.IngestOptions, withNames bool, targets []mergeTarget) (geo.IngestResult, error) {
	a := it.Article
	if withNames {
		names, err := namesArgs(it)
		if err != nil {
			return geo.IngestResult{}, err
		}
		if _, err := tx.Exec(ctx, insertNamesSQL, append([]any{articleID}, names...)...); err != nil {
			return geo.IngestResult{}, fmt.Errorf("postgis: insert mentions and unresolved names: %w", err)
		}
	}
	// A target read ahead stands only for the first incident of its merge
	// key: a later one may merge into what an earlier one inserted.
	i, locked := 0, map[string]bool{}
	res, ids, err := contract.StoreIncidents(articleID, it.Mentions, it.Incidents, len(a.Text),
		func(inc geo.Incident) (int64, bool, error) {
			var found *mergeTarget
			if key := mergeLockKey(inc); i < len(targets) && !locked[key] {
				found = &targets[i]
				locked[key] = true
			}
			i++
			return storeIncident(ctx, tx, inc, articleID, a.Title, opt.Merge, found)
		})
	if err != nil {
		return geo.IngestResult{}, err
	}
	return contract.Finish(res, opt, func() ([]geo.Incident, error) { return incidentsByID(ctx, tx, nil, ids, nil) })
}
