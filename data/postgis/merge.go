package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// storeIncident writes inc as reported by the article, merging it into a
// stored incident with the same merge key when merge is set. It returns
// the id of the incident that now holds it and whether that was a merge.
func storeIncident(ctx context.Context, tx pgx.Tx, inc geo.Incident, articleID int64, title string, merge bool) (int64, bool, error) {
	key := contract.PlaceKey(inc)
	search := contract.SearchText(inc, title)
	if merge {
		id, found, err := mergeInto(ctx, tx, inc, key, search, articleID)
		if err != nil || found {
			return id, found, err
		}
	}
	// The incident and its first source in one statement, one round trip.
	var id int64
	err := tx.QueryRow(ctx, `WITH new AS (
		INSERT INTO incidents (event_type, sub_event_type, event_date, time_precision, location,
			geonameid, feature_code, country, admin1, admin1_name, admin2, lat, lon, geo_precision,
			count, count_unit, fatalities, injured, actor1, actor2, quote, quote_start, quote_end,
			place_key, search_text, fatalities_claimed_by)
		VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
			$19, $20, $21, $22, $23, $24, $25, $26)
		RETURNING id)
		INSERT INTO incident_sources (incident_id, article_id, quote, quote_start, quote_end, count, fatalities, injured)
		SELECT id, $27, $21, $22, $23, $15, $17, $18 FROM new RETURNING incident_id`,
		inc.EventType, inc.SubEventType, inc.EventDate, inc.TimePrecision, inc.Location,
		inc.GeonameID, inc.FeatureCode, inc.Country, inc.Admin1, inc.Admin1Name, inc.Admin2,
		inc.Lat, inc.Lon, inc.GeoPrecision, inc.Count, inc.CountUnit, inc.Fatalities, inc.Injured,
		inc.Actor1, inc.Actor2, inc.Quote, inc.QuoteStart, inc.QuoteEnd, key, search,
		inc.FatalitiesClaimedBy, articleID).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("postgis: insert incident: %w", err)
	}
	return id, false, nil
}

// mergeInto folds inc into the stored incident with the same key, if any,
// by the rules of contract.Merge, and adds the article as its source. It
// first takes a transaction-scoped lock on the key, so two servers storing
// reports of one event at once merge them instead of both inserting.
func mergeInto(ctx context.Context, tx pgx.Tx, inc geo.Incident, key, search string, articleID int64) (int64, bool, error) {
	b := &pgx.Batch{}
	b.Queue(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, key+"|"+inc.EventDate+"|"+inc.SubEventType)
	b.Queue(`SELECT id, count, count_unit, fatalities, fatalities_claimed_by, injured, actor1, actor2, search_text
		FROM incidents WHERE place_key = $1 AND event_date = $2::date AND sub_event_type = $3
		ORDER BY id LIMIT 1`, key, inc.EventDate, inc.SubEventType)
	br := tx.SendBatch(ctx, b)
	var id int64
	var m contract.Merged
	_, lockErr := br.Exec()
	findErr := lockErr
	if lockErr == nil {
		findErr = br.QueryRow().Scan(&id, &m.Count, &m.CountUnit, &m.Fatalities, &m.ClaimedBy, &m.Injured,
			&m.Actor1, &m.Actor2, &m.SearchText)
	}
	if err := br.Close(); err != nil && findErr == nil {
		findErr = err
	}
	if notFound(findErr) {
		return 0, false, nil
	}
	if findErr != nil {
		return 0, false, fmt.Errorf("postgis: find merge target: %w", findErr)
	}
	m = contract.Merge(m, inc, search)
	// The update and the new source in one round trip.
	b = &pgx.Batch{}
	b.Queue(`UPDATE incidents SET count = $1, count_unit = $2, fatalities = $3,
		fatalities_claimed_by = $4, injured = $5, actor1 = $6, actor2 = $7, search_text = $8 WHERE id = $9`,
		m.Count, m.CountUnit, m.Fatalities, m.ClaimedBy, m.Injured, m.Actor1, m.Actor2, m.SearchText, id)
	b.Queue(`INSERT INTO incident_sources (incident_id, article_id, quote, quote_start,
		quote_end, count, fatalities, injured) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
		id, articleID, inc.Quote, inc.QuoteStart, inc.QuoteEnd, inc.Count, inc.Fatalities, inc.Injured)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return 0, false, fmt.Errorf("postgis: merge incident: %w", err)
	}
	return id, true, nil
}
