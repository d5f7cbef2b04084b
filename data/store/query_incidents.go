package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

// incidentColumns is the select list scanIncident reads, in its order.
const incidentColumns = `i.id, i.event_type, i.sub_event_type, i.event_date, i.time_precision,
	i.location, i.geonameid, i.feature_code, i.country, i.admin1, i.admin1_name, i.admin2,
	i.lat, i.lon, i.geo_precision, i.count, i.count_unit, i.fatalities, i.injured,
	i.actor1, i.actor2, i.quote, i.quote_start, i.quote_end`

// Incidents returns one page of the incidents matching f, newest event date
// first (ties by id, descending), with their Sources, and the number of all
// incidents matching f regardless of paging. Page and total come from one
// snapshot. A Limit of 0 means no limit.
func (s *Store) Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, 0, geo.FieldError("limit", "limit and offset must not be negative")
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	pagePlan, countPlan, err := planBBox(ctx, tx, f.BBox)
	if err != nil {
		return nil, 0, err
	}
	page, err := filterWhere(f, pagePlan)
	if err != nil {
		return nil, 0, err
	}
	w, err := filterWhere(f, countPlan)
	if err != nil {
		return nil, 0, err
	}
	if err := addCursor(page, f.After); err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = -1 // SQLite: no limit
	}

	query := "SELECT " + incidentColumns + " FROM incidents i" + page.SQL() +
		" ORDER BY i.event_date DESC, i.id DESC LIMIT ? OFFSET ?"
	incs, err := queryIncidents(ctx, tx, query, append(page.args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	var total int
	if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM incidents i"+w.SQL(), w.args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count incidents: %w", err)
	}
	if err := fillSources(ctx, tx, incs); err != nil {
		return nil, 0, err
	}
	return incs, total, nil
}

// Incident returns one incident with its sources, or a geo.ENotFound error.
func (s *Store) Incident(ctx context.Context, id int64) (geo.Incident, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return geo.Incident{}, err
	}
	defer tx.Rollback()
	incs, err := incidentsByID(ctx, tx, []int64{id})
	if err != nil {
		return geo.Incident{}, err
	}
	if len(incs) == 0 {
		return geo.Incident{}, geo.Errorf(geo.ENotFound, "incident %d not found", id)
	}
	return incs[0], nil
}

// incidentsByID loads incidents with their sources, in the order of ids;
// ids that do not exist are skipped.
func incidentsByID(ctx context.Context, q queryer, ids []int64) ([]geo.Incident, error) {
	byID := make(map[int64]geo.Incident, len(ids))
	for chunk := range slices.Chunk(ids, maxParams) {
		query := "SELECT " + incidentColumns + " FROM incidents i WHERE i.id IN (" + placeholders(len(chunk)) + ")"
		incs, err := queryIncidents(ctx, q, query, anys(chunk)...)
		if err != nil {
			return nil, err
		}
		for _, inc := range incs {
			byID[inc.ID] = inc
		}
	}
	out := make([]geo.Incident, 0, len(ids))
	for _, id := range ids {
		if inc, ok := byID[id]; ok {
			out = append(out, inc)
		}
	}
	return out, fillSources(ctx, q, out)
}

// incidentsOfArticle loads the incidents an article is a source of.
func incidentsOfArticle(ctx context.Context, q queryer, articleID int64) ([]geo.Incident, error) {
	query := "SELECT " + incidentColumns + ` FROM incidents i
		WHERE i.id IN (SELECT incident_id FROM incident_sources WHERE article_id = ?) ORDER BY i.id`
	incs, err := queryIncidents(ctx, q, query, articleID)
	if err != nil {
		return nil, err
	}
	return incs, fillSources(ctx, q, incs)
}

// queryIncidents runs a query selecting incidentColumns.
func queryIncidents(ctx context.Context, q queryer, query string, args ...any) ([]geo.Incident, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query incidents: %w", err)
	}
	defer rows.Close()
	incs := []geo.Incident{}
	for rows.Next() {
		inc, err := scanIncident(rows)
		if err != nil {
			return nil, err
		}
		incs = append(incs, inc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: query incidents: %w", err)
	}
	return incs, nil
}

// scanIncident reads one row of incidentColumns.
func scanIncident(rows *sql.Rows) (geo.Incident, error) {
	var inc geo.Incident
	var count, fatalities, injured sql.NullInt64
	err := rows.Scan(&inc.ID, &inc.EventType, &inc.SubEventType, &inc.EventDate, &inc.TimePrecision,
		&inc.Location, &inc.GeonameID, &inc.FeatureCode, &inc.Country, &inc.Admin1, &inc.Admin1Name, &inc.Admin2,
		&inc.Lat, &inc.Lon, &inc.GeoPrecision, &count, &inc.CountUnit, &fatalities, &injured,
		&inc.Actor1, &inc.Actor2, &inc.Quote, &inc.QuoteStart, &inc.QuoteEnd)
	if err != nil {
		return geo.Incident{}, fmt.Errorf("store: scan incident: %w", err)
	}
	inc.Count, inc.Fatalities, inc.Injured = intPtr(count), intPtr(fatalities), intPtr(injured)
	return inc, nil
}

// fillSources sets the Sources of each incident: the distinct articles that
// reported it, oldest publication first.
func fillSources(ctx context.Context, q queryer, incs []geo.Incident) error {
	index := make(map[int64]int, len(incs))
	ids := make([]int64, len(incs))
	for i := range incs {
		incs[i].Sources = []geo.Source{}
		index[incs[i].ID] = i
		ids[i] = incs[i].ID
	}
	for chunk := range slices.Chunk(ids, maxParams) {
		rows, err := q.QueryContext(ctx, `SELECT s.incident_id, a.id, a.title, a.url, a.published
			FROM incident_sources s JOIN articles a ON a.id = s.article_id
			WHERE s.incident_id IN (`+placeholders(len(chunk))+`)
			GROUP BY s.incident_id, a.id ORDER BY s.incident_id, a.published, a.id`, anys(chunk)...)
		if err != nil {
			return fmt.Errorf("store: query sources: %w", err)
		}
		if err := scanSources(rows, incs, index); err != nil {
			return err
		}
	}
	return nil
}

func scanSources(rows *sql.Rows, incs []geo.Incident, index map[int64]int) error {
	defer rows.Close()
	for rows.Next() {
		var incidentID int64
		var src geo.Source
		var published string
		if err := rows.Scan(&incidentID, &src.ArticleID, &src.Title, &src.URL, &published); err != nil {
			return fmt.Errorf("store: scan source: %w", err)
		}
		t, err := parseTimeText(published)
		if err != nil {
			return err
		}
		src.Published = t
		i := index[incidentID]
		incs[i].Sources = append(incs[i].Sources, src)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: query sources: %w", err)
	}
	return nil
}

// maxParams keeps IN lists well below SQLite's limit on bound parameters.
const maxParams = 500

func intPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// notFound reports whether err is sql.ErrNoRows.
func notFound(err error) bool { return errors.Is(err, sql.ErrNoRows) }
