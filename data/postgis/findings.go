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
	// The names and mentions go in one round trip.
	b := &pgx.Batch{}
	if withNames {
		if err := queueUnresolved(b, articleID, a.Text, it.Unresolved); err != nil {
			return geo.IngestResult{}, err
		}
		if err := queueMentions(b, articleID, a.Text, it.Mentions); err != nil {
			return geo.IngestResult{}, err
		}
	}
	if b.Len() > 0 {
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
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
	return contract.Finish(res, opt, func() ([]geo.Incident, error) { return incidentsByID(ctx, tx, ids) })
}

// queueMentions checks the mentions against the text and queues their
// inserts.
func queueMentions(b *pgx.Batch, articleID int64, text string, mentions []geo.Mention) error {
	for i, m := range mentions {
		if err := contract.ValidateMention(m, text, fmt.Sprintf("mentions[%d]", i)); err != nil {
			return err
		}
		b.Queue(`INSERT INTO mentions (article_id, span_start, span_end, text, name, place_id, geonameid,
			feature_code, country, admin1, admin1_name, admin2, lat, lon, precision, confidence)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
			articleID, m.Start, m.End, m.Text, m.Name, m.PlaceID, m.GeonameID, m.FeatureCode,
			m.Country, m.Admin1, m.Admin1Name, m.Admin2, m.Lat, m.Lon, m.Precision, m.Confidence)
	}
	return nil
}

// queueUnresolved checks the names of an article that the geoparser could
// not place against the text and queues their inserts.
func queueUnresolved(b *pgx.Batch, articleID int64, text string, us []geo.Unresolved) error {
	for i, u := range us {
		if err := contract.CheckUnresolved(u, text, fmt.Sprintf("unresolved[%d]", i)); err != nil {
			return err
		}
		key := contract.NameKey(u.Text)
		if key == "" {
			continue
		}
		var r geo.RegionRef
		var lat, lon *float64
		if u.Region != nil {
			r = *u.Region
			lat, lon = &r.Lat, &r.Lon
		}
		b.Queue(`INSERT INTO unresolved_names (article_id, span_start, span_end, text, name_key,
			region_name, region_geonameid, region_code, region_country, region_admin1,
			region_admin1_name, region_lat, region_lon)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
			articleID, u.Start, u.End, u.Text, key, r.Name, r.GeonameID, r.FeatureCode, r.Country,
			r.Admin1, r.Admin1Name, lat, lon)
	}
	return nil
}
