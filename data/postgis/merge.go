package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// storeIncident writes inc as reported by the article, merging it into a
// stored incident with the same merge key when merge is set. found, when
// not nil, is the merge target read ahead for inc under its lock (see
// queueMergeTarget). It returns the id of the incident that now holds it
// and whether that was a merge.
func storeIncident(ctx context.Context, tx pgx.Tx, inc geo.Incident, articleID int64, title string, merge bool, found *mergeTarget) (int64, bool, error) {
	key := contract.PlaceKey(inc)
	search := contract.SearchText(inc, title)
	if merge {
		if found == nil {
			b := &pgx.Batch{}
			queueMergeTarget(b, inc)
			br := tx.SendBatch(ctx, b)
			t := readMergeTarget(br)
			if err := br.Close(); err != nil && t.err == nil {
				t.err = fmt.Errorf("postgis: find merge target: %w", err)
			}
			found = &t
		}
		if found.err != nil {
			return 0, false, found.err
		}
		if found.ok {
			return found.id, true, mergeInto(ctx, tx, inc, found, search, articleID)
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

// mergeLockKey is what two servers storing reports of one event lock on
// before looking for the incident to merge into.
func mergeLockKey(inc geo.Incident) string {
	return contract.PlaceKey(inc) + "|" + inc.EventDate + "|" + inc.SubEventType
}

// mergeTarget is the stored incident a report merges into, if ok.
type mergeTarget struct {
	ok  bool
	id  int64
	m   contract.Merged
	err error
}

// queueMergeTarget queues a transaction-scoped lock on inc's merge key,
// so two servers storing reports of one event at once merge them instead
// of both inserting, and then the search for the stored incident with
// that key. readMergeTarget reads the two results.
func queueMergeTarget(b *pgx.Batch, inc geo.Incident) {
	b.Queue(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, mergeLockKey(inc))
	b.Queue(`SELECT id, count, count_unit, fatalities, fatalities_claimed_by, injured, actor1, actor2, search_text
		FROM incidents WHERE place_key = $1 AND event_date = $2::date AND sub_event_type = $3
		ORDER BY id LIMIT 1`, contract.PlaceKey(inc), inc.EventDate, inc.SubEventType)
}

// readMergeTarget reads what queueMergeTarget queued.
func readMergeTarget(br pgx.BatchResults) mergeTarget {
	var t mergeTarget
	if _, err := br.Exec(); err != nil {
		t.err = fmt.Errorf("postgis: lock merge key: %w", err)
		// The search still has a result to consume.
		_ = br.QueryRow().Scan()
		return t
	}
	m := &t.m
	err := br.QueryRow().Scan(&t.id, &m.Count, &m.CountUnit, &m.Fatalities, &m.ClaimedBy, &m.Injured,
		&m.Actor1, &m.Actor2, &m.SearchText)
	switch {
	case notFound(err):
	case err != nil:
		t.err = fmt.Errorf("postgis: find merge target: %w", err)
	default:
		t.ok = true
	}
	return t
}

// mergeInto folds inc into the stored incident t by the rules of
// contract.Merge and adds the article as its source.
func mergeInto(ctx context.Context, tx pgx.Tx, inc geo.Incident, t *mergeTarget, search string, articleID int64) error {
	m := contract.Merge(t.m, inc, search)
	// The update and the new source in one round trip.
	b := &pgx.Batch{}
	b.Queue(`UPDATE incidents SET count = $1, count_unit = $2, fatalities = $3,
		fatalities_claimed_by = $4, injured = $5, actor1 = $6, actor2 = $7, search_text = $8 WHERE id = $9`,
		m.Count, m.CountUnit, m.Fatalities, m.ClaimedBy, m.Injured, m.Actor1, m.Actor2, m.SearchText, t.id)
	b.Queue(`INSERT INTO incident_sources (incident_id, article_id, quote, quote_start,
		quote_end, count, fatalities, injured) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
		t.id, articleID, inc.Quote, inc.QuoteStart, inc.QuoteEnd, inc.Count, inc.Fatalities, inc.Injured)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("postgis: merge incident: %w", err)
	}
	return nil
}
