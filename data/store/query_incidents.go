package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/incidentmap/incidentmap/geo"
)

// incidentColumns is the select list scanIncident reads, in its order.
const incidentColumns = `i.id, i.event_type, i.sub_event_type, i.event_date, i.time_precision,
	i.location, i.geonameid, i.feature_code, i.country, i.admin1, i.admin1_name, i.admin2,
	i.lat, i.lon, i.geo_precision, i.count, i.count_unit, i.fatalities, i.injured,
	i.actor1, i.actor2, i.quote, i.quote_start, i.quote_end`

// Incidents returns one page of the incidents matching f, newest event date
// first (ties by id, descending), with their Sources, and the number of all
// incidents matching f regardless of paging. The page comes from one
// snapshot; the total is counted in it or remembered from an earlier count
// at the same Version. A Limit of 0 means no limit.
func (s *Store) Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, 0, geo.FieldError("limit", "limit and offset must not be negative")
	}
	// The version is read before the snapshot starts, so a count kept under
	// it is never older than the version says.
	gen, err := s.Version(ctx)
	if err != nil {
		return nil, 0, err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	want := 0
	if f.Limit > 0 {
		want = f.Limit + f.Offset
	}
	plan, err := s.planQuery(ctx, tx, gen, f, want)
	if err != nil {
		return nil, 0, err
	}
	page, err := filterWhere(f, plan.page)
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
	total, err := s.matched(ctx, tx, gen, f, plan)
	if err != nil {
		return nil, 0, err
	}
	if err := fillSources(ctx, tx, incs); err != nil {
		return nil, 0, err
	}
	return incs, total, nil
}

// matched counts the incidents f selects, ignoring paging.
func (s *Store) matched(ctx context.Context, q queryer, gen int64, f geo.IncidentFilter, plan queryPlan) (int, error) {
	if onlyBBox(f) {
		return plan.inBox, nil
	}
	w, err := filterWhere(f, plan.count)
	if err != nil {
		return 0, err
	}
	return s.counts.cached(gen, fmt.Sprintf("where %s %#v", w.SQL(), w.args), func() (int, error) {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM incidents i"+w.SQL(), w.args...).Scan(&n); err != nil {
			return 0, fmt.Errorf("store: count incidents: %w", err)
		}
		return n, nil
	})
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
// reported it, oldest publication first. The ids go to SQLite as one JSON
// array, so a page of any size is one statement with one parameter; order
// and duplicates (one article quoted twice) are settled here.
func fillSources(ctx context.Context, q queryer, incs []geo.Incident) error {
	if len(incs) == 0 {
		return nil
	}
	index := make(map[int64]int, len(incs))
	ids := make([]byte, 0, 8*len(incs))
	ids = append(ids, '[')
	for i := range incs {
		incs[i].Sources = []geo.Source{}
		index[incs[i].ID] = i
		if i > 0 {
			ids = append(ids, ',')
		}
		ids = strconv.AppendInt(ids, incs[i].ID, 10)
	}
	ids = append(ids, ']')
	rows, err := q.QueryContext(ctx, `SELECT s.incident_id, s.article_id, a.title, a.url, a.published
		FROM json_each(?) j JOIN incident_sources s ON s.incident_id = j.value
		JOIN articles a ON a.id = s.article_id`, string(ids))
	if err != nil {
		return fmt.Errorf("store: query sources: %w", err)
	}
	if err := scanSources(rows, incs, index); err != nil {
		return err
	}
	for i := range incs {
		sortSources(&incs[i])
	}
	return nil
}

// scanSources appends each row's source to its incident. Articles are
// shared by many incidents, so each is read into a Source once.
func scanSources(rows *sql.Rows, incs []geo.Incident, index map[int64]int) error {
	defer rows.Close()
	articles := map[int64]geo.Source{}
	var incidentID, articleID int64
	var title, url, published sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&incidentID, &articleID, &title, &url, &published); err != nil {
			return fmt.Errorf("store: scan source: %w", err)
		}
		src, ok := articles[articleID]
		if !ok {
			t, err := parseTimeText(string(published))
			if err != nil {
				return err
			}
			src = geo.Source{ArticleID: articleID, Title: string(title), URL: string(url), Published: t}
			articles[articleID] = src
		}
		i := index[incidentID]
		incs[i].Sources = append(incs[i].Sources, src)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: query sources: %w", err)
	}
	return nil
}

// sortSources orders an incident's sources by publication, then article
// id, and drops repeats of one article.
func sortSources(inc *geo.Incident) {
	if len(inc.Sources) < 2 {
		return
	}
	slices.SortFunc(inc.Sources, func(a, b geo.Source) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.ArticleID, b.ArticleID))
	})
	inc.Sources = slices.CompactFunc(inc.Sources, func(a, b geo.Source) bool { return a.ArticleID == b.ArticleID })
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
