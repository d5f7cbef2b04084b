package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// incidentWriter stores incidents and their source rows inside one write
// transaction, with its statements prepared once per connection.
type incidentWriter struct {
	find, insert, update, source *sql.Stmt
}

// incidentWriterQueries are the statements of an incidentWriter: find a
// merge target, insert, update, add a source.
var incidentWriterQueries = []string{
	`SELECT id, count, count_unit, fatalities, fatalities_claimed_by, injured, actor1, actor2, search_text
		 FROM incidents WHERE place_key = ? AND event_date = ? AND sub_event_type = ?
		 ORDER BY id LIMIT 1`,
	`INSERT INTO incidents (event_type, sub_event_type, event_date, time_precision, location,
		 geonameid, feature_code, country, admin1, admin1_name, admin2, lat, lon, geo_precision,
		 count, count_unit, fatalities, injured, actor1, actor2, quote, quote_start, quote_end,
		 place_key, search_text, created_at, fatalities_claimed_by)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	`UPDATE incidents SET count = ?, count_unit = ?, fatalities = ?, fatalities_claimed_by = ?, injured = ?,
		 actor1 = ?, actor2 = ?, search_text = ? WHERE id = ?`,
	`INSERT INTO incident_sources (incident_id, article_id, quote, quote_start, quote_end,
		 count, fatalities, injured) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		 ON CONFLICT DO NOTHING`,
}

// newIncidentWriter binds the statements of an incidentWriter to tx.
func newIncidentWriter(ctx context.Context, tx txn) (*incidentWriter, error) {
	queries := incidentWriterQueries
	stmts := make([]*sql.Stmt, len(queries))
	for i, q := range queries {
		st, err := tx.stmt(ctx, q)
		if err != nil {
			closeStmts(stmts)
			return nil, fmt.Errorf("store: prepare incident writer: %w", err)
		}
		stmts[i] = st
	}
	return &incidentWriter{find: stmts[0], insert: stmts[1], update: stmts[2], source: stmts[3]}, nil
}

// Close releases the prepared statements.
func (w *incidentWriter) Close() {
	closeStmts([]*sql.Stmt{w.find, w.insert, w.update, w.source})
}

func closeStmts(stmts []*sql.Stmt) {
	for _, st := range stmts {
		if st != nil {
			st.Close()
		}
	}
}

// Store writes inc as reported by the article, merging it into a stored
// incident with the same merge key when merge is set. It returns the id of
// the incident that now holds it and whether that was a merge.
func (w *incidentWriter) Store(ctx context.Context, inc geo.Incident, articleID int64, title string, merge bool) (int64, bool, error) {
	key := contract.PlaceKey(inc)
	search := contract.SearchText(inc, title)
	if merge {
		id, found, err := w.mergeInto(ctx, inc, key, search)
		if err != nil {
			return 0, false, err
		}
		if found {
			return id, true, w.addSource(ctx, id, articleID, inc)
		}
	}
	r, err := w.insert.ExecContext(ctx, inc.EventType, inc.SubEventType, inc.EventDate, inc.TimePrecision,
		inc.Location, inc.GeonameID, inc.FeatureCode, inc.Country, inc.Admin1, inc.Admin1Name, inc.Admin2,
		inc.Lat, inc.Lon, inc.GeoPrecision, nullInt(inc.Count), inc.CountUnit, nullInt(inc.Fatalities),
		nullInt(inc.Injured), inc.Actor1, inc.Actor2, inc.Quote, inc.QuoteStart, inc.QuoteEnd,
		key, search, nowText(), inc.FatalitiesClaimedBy)
	if err != nil {
		return 0, false, fmt.Errorf("store: insert incident: %w", err)
	}
	id, err := r.LastInsertId()
	if err != nil {
		return 0, false, fmt.Errorf("store: insert incident: %w", err)
	}
	return id, false, w.addSource(ctx, id, articleID, inc)
}

// mergeInto folds inc into the stored incident with the same key, if any,
// by the rules of contract.Merge.
func (w *incidentWriter) mergeInto(ctx context.Context, inc geo.Incident, key, search string) (int64, bool, error) {
	var (
		id                         int64
		count, fatalities, injured sql.NullInt64
		m                          contract.Merged
	)
	err := w.find.QueryRowContext(ctx, key, inc.EventDate, inc.SubEventType).
		Scan(&id, &count, &m.CountUnit, &fatalities, &m.ClaimedBy, &injured, &m.Actor1, &m.Actor2, &m.SearchText)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("store: find merge target: %w", err)
	}
	m.Count, m.Fatalities, m.Injured = intPtr(count), intPtr(fatalities), intPtr(injured)
	m = contract.Merge(m, inc, search)
	_, err = w.update.ExecContext(ctx, nullInt(m.Count), m.CountUnit, nullInt(m.Fatalities), m.ClaimedBy,
		nullInt(m.Injured), m.Actor1, m.Actor2, m.SearchText, id)
	if err != nil {
		return 0, false, fmt.Errorf("store: merge incident: %w", err)
	}
	return id, true, nil
}

// addSource records that the article reported the incident, with its quote.
func (w *incidentWriter) addSource(ctx context.Context, incidentID, articleID int64, inc geo.Incident) error {
	_, err := w.source.ExecContext(ctx, incidentID, articleID, inc.Quote, inc.QuoteStart, inc.QuoteEnd,
		nullInt(inc.Count), nullInt(inc.Fatalities), nullInt(inc.Injured))
	if err != nil {
		return fmt.Errorf("store: insert incident source: %w", err)
	}
	return nil
}

func nullInt(p *int) sql.NullInt64 {
	if p == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: int64(*p), Valid: true}
}
