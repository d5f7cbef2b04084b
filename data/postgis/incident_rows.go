package postgis

import (
	"context"
	"fmt"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// incidentColumns is the select list scanIncident reads, ending with the
// ids of the articles that reported the incident: kept in the row by the
// triggers of migration 0009, or, for a row stored before it and not
// backfilled yet, read from incident_sources.
const incidentColumns = `i.id, i.lat, i.lon, i.event_type, i.sub_event_type,
	to_char(i.event_date, 'YYYY-MM-DD'), i.time_precision, i.location, i.geonameid, i.feature_code,
	i.country, i.admin1, i.admin1_name, i.admin2, i.geo_precision, i.count, i.count_unit,
	i.fatalities, i.injured, i.actor1, i.actor2, i.quote, i.quote_start, i.quote_end,
	i.fatalities_claimed_by,
	coalesce(i.source_ids, ARRAY(SELECT s.article_id FROM incident_sources s WHERE s.incident_id = i.id))`

// incidentRow is one incident as read, before its sources are attached.
type incidentRow struct {
	inc      geo.Incident
	articles []int64
}

// queryIncidents runs a query selecting incidentColumns and returns the
// incidents with their Sources.
func queryIncidents(ctx context.Context, q querier, query string, args ...any) ([]geo.Incident, error) {
	return queryIncidentsAfter(ctx, q, nil, query, args...)
}

// queryIncidentsAfter is queryIncidents after the statements in before
// (settings of the transaction), sent with the query in one round trip.
func queryIncidentsAfter(ctx context.Context, q querier, before []string, query string, args ...any) ([]geo.Incident, error) {
	return readIncidents(ctx, q, nil, before, query, args...)
}

// readIncidents is queryIncidentsAfter taking the articles from cache
// when it is not nil.
func readIncidents(ctx context.Context, q querier, cache *contract.SourceCache, before []string, query string, args ...any) ([]geo.Incident, error) {
	b := &pgx.Batch{}
	for _, s := range before {
		b.Queue(s)
	}
	b.Queue(query, args...)
	br := q.SendBatch(ctx, b)
	rows, err := scanAfter(br, len(before))
	if cerr := br.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("postgis: query incidents: %w", cerr)
	}
	if err != nil {
		return nil, err
	}
	return attachSources(ctx, q, rows, cache)
}

// scanAfter runs skip statements of br, then reads incidentColumns rows
// from the next.
func scanAfter(br pgx.BatchResults, skip int) ([]incidentRow, error) {
	for range skip {
		if _, err := br.Exec(); err != nil {
			return nil, fmt.Errorf("postgis: query incidents: %w", err)
		}
	}
	rows, err := br.Query()
	if err != nil {
		return nil, fmt.Errorf("postgis: query incidents: %w", err)
	}
	defer rows.Close()
	var out []incidentRow
	for rows.Next() {
		var r incidentRow
		inc := &r.inc
		if err := rows.Scan(&inc.ID, &inc.Lat, &inc.Lon, &inc.EventType, &inc.SubEventType,
			&inc.EventDate, &inc.TimePrecision, &inc.Location, &inc.GeonameID, &inc.FeatureCode,
			&inc.Country, &inc.Admin1, &inc.Admin1Name, &inc.Admin2, &inc.GeoPrecision, &inc.Count,
			&inc.CountUnit, &inc.Fatalities, &inc.Injured, &inc.Actor1, &inc.Actor2, &inc.Quote,
			&inc.QuoteStart, &inc.QuoteEnd, &inc.FatalitiesClaimedBy, &r.articles); err != nil {
			return nil, fmt.Errorf("postgis: scan incident: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgis: query incidents: %w", err)
	}
	return out, nil
}

// attachSources turns rows into incidents whose Sources are the distinct
// articles that reported them, oldest publication first; each article is
// read once for the whole page, or taken from cache when there is one.
// Articles are never changed or deleted and their ids come from a
// sequence, so cached ones hold across store versions.
func attachSources(ctx context.Context, q querier, rows []incidentRow, cache *contract.SourceCache) ([]geo.Incident, error) {
	ids := map[int64]bool{}
	for _, r := range rows {
		for _, id := range r.articles {
			ids[id] = true
		}
	}
	read := func(missing map[int64]bool) (map[int64]geo.Source, error) { return articleSources(ctx, q, missing) }
	var articles map[int64]geo.Source
	var err error
	if cache != nil {
		articles, err = cache.Read(0, ids, read)
	} else {
		articles, err = read(ids)
	}
	if err != nil {
		return nil, err
	}
	out := make([]geo.Incident, len(rows))
	for i, r := range rows {
		out[i] = contract.WithSources(r.inc, r.articles, articles)
	}
	return out, nil
}

// articleSources reads the articles with the given ids as Sources.
func articleSources(ctx context.Context, q querier, ids map[int64]bool) (map[int64]geo.Source, error) {
	out := make(map[int64]geo.Source, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list := make([]int64, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	rows, err := q.Query(ctx, `SELECT id, title, url, published FROM articles WHERE id = ANY($1)`, list)
	if err != nil {
		return nil, fmt.Errorf("postgis: query sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var src geo.Source
		var published *time.Time
		if err := rows.Scan(&src.ArticleID, &src.Title, &src.URL, &published); err != nil {
			return nil, fmt.Errorf("postgis: scan source: %w", err)
		}
		src.Published = utc(published)
		out[src.ArticleID] = src
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgis: query sources: %w", err)
	}
	return out, nil
}

// incidentsByIDSQL reads the incidents of a list of ids.
const incidentsByIDSQL = "SELECT " + incidentColumns + " FROM incidents i WHERE i.id = ANY($1)"

// incidentsByID loads incidents with their sources, in the order of ids;
// ids that do not exist are skipped. Articles come from cache when it is
// not nil. With atGen set, the rows are read only while the store is at
// version *atGen (one statement is one snapshot), and none otherwise.
func incidentsByID(ctx context.Context, q querier, cache *contract.SourceCache, ids []int64, atGen *int64) ([]geo.Incident, error) {
	if len(ids) == 0 {
		return []geo.Incident{}, nil
	}
	query, args := incidentsByIDSQL, []any{ids}
	if atGen != nil {
		query, args = query+` AND (SELECT n FROM store_version) = $2`, append(args, *atGen)
	}
	incs, err := readIncidents(ctx, q, cache, nil, query, args...)
	if err != nil {
		return nil, err
	}
	return contract.InOrder(incs, ids), nil
}

// incidentsOfArticle loads the incidents an article is a source of.
func incidentsOfArticle(ctx context.Context, q querier, articleID int64) ([]geo.Incident, error) {
	return queryIncidents(ctx, q, "SELECT "+incidentColumns+` FROM incidents i
		WHERE i.id IN (SELECT incident_id FROM incident_sources WHERE article_id = $1) ORDER BY i.id`, articleID)
}

// utc is a stored time in UTC, or the zero time for NULL, as the SQLite
// store reads its RFC 3339 text.
func utc(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// nullTime is t for a nullable column: NULL for the zero time.
func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
