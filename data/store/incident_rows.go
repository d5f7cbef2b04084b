package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// Reading a page is dominated by per-column driver calls: modernc.org/sqlite
// takes the connection mutex two or three times a column, so 24 columns
// cost about 6 us a row. SQLite therefore joins the text and integer
// columns into one string, split here (about 2 us a row). The points stay
// REAL columns so they come back bit for bit.

// fieldSep joins the packed fields. A stored text containing it makes the
// row split into too many fields; such a row is read again column by column.
const fieldSep = "\x1f"

// packedFields is the number of fields in packedColumns' last column.
const packedFields = 23

// packedColumns is the select list queryIncidents reads: id, lat, lon and
// the other fields in the order of plainColumns after the point.
const packedColumns = `i.id, i.lat, i.lon, concat_ws(char(31), i.event_type, i.sub_event_type, i.event_date,
	i.time_precision, i.location, i.geonameid, i.feature_code, i.country, i.admin1, i.admin1_name, i.admin2,
	i.geo_precision, ifnull(i.count, ''), i.count_unit, ifnull(i.fatalities, ''), ifnull(i.injured, ''),
	i.actor1, i.actor2, i.quote, i.quote_start, i.quote_end, i.fatalities_claimed_by, i.source_ids)`

// plainColumns is the same row, one column a field.
const plainColumns = `i.id, i.lat, i.lon, i.event_type, i.sub_event_type, i.event_date,
	i.time_precision, i.location, i.geonameid, i.feature_code, i.country, i.admin1, i.admin1_name, i.admin2,
	i.geo_precision, i.count, i.count_unit, i.fatalities, i.injured,
	i.actor1, i.actor2, i.quote, i.quote_start, i.quote_end, i.fatalities_claimed_by, i.source_ids`

// incidentRow is one incident as read, before its sources are attached,
// with the ids of the articles that reported it (migration 0009).
type incidentRow struct {
	inc      geo.Incident
	articles []int64
}

// queryIncidents runs a query selecting packedColumns and returns the
// incidents with their Sources.
func queryIncidents(ctx context.Context, q queryer, query string, args ...any) ([]geo.Incident, error) {
	rows, err := queryRows(ctx, q, query, args...)
	if err != nil {
		return nil, err
	}
	return attachSources(ctx, q, rows)
}

// queryRows runs a query selecting packedColumns.
func queryRows(ctx context.Context, q queryer, query string, args ...any) ([]incidentRow, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: query incidents: %w", err)
	}
	out, unsplit, err := scanPacked(rows)
	if err != nil {
		return nil, err
	}
	for _, i := range unsplit {
		if out[i], err = readPlain(ctx, q, out[i].inc.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scanPacked reads packedColumns rows; unsplit lists the rows whose text
// held fieldSep, left with their id only.
func scanPacked(rows *sql.Rows) (out []incidentRow, unsplit []int, err error) {
	defer rows.Close()
	var packed string
	for rows.Next() {
		var r incidentRow
		if err := rows.Scan(&r.inc.ID, &r.inc.Lat, &r.inc.Lon, &packed); err != nil {
			return nil, nil, fmt.Errorf("store: scan incident: %w", err)
		}
		fields := strings.Split(packed, fieldSep)
		if len(fields) != packedFields {
			unsplit = append(unsplit, len(out))
		} else if err := r.setFields(fields); err != nil {
			return nil, nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: query incidents: %w", err)
	}
	return out, unsplit, nil
}

// setFields fills r from the packed fields, all but the point and id.
func (r *incidentRow) setFields(f []string) error {
	inc := &r.inc
	inc.EventType, inc.SubEventType, inc.EventDate = f[0], f[1], f[2]
	inc.Location, inc.FeatureCode, inc.Country = f[4], f[6], f[7]
	inc.Admin1, inc.Admin1Name, inc.Admin2 = f[8], f[9], f[10]
	inc.CountUnit, inc.Actor1, inc.Actor2, inc.Quote = f[13], f[16], f[17], f[18]
	inc.FatalitiesClaimedBy = f[21]
	var p intParser
	r.articles = p.ids(f[22])
	inc.TimePrecision = p.int(f[3])
	inc.GeonameID = int64(p.int(f[5]))
	inc.GeoPrecision = p.int(f[11])
	inc.Count, inc.Fatalities, inc.Injured = p.optional(f[12]), p.optional(f[14]), p.optional(f[15])
	inc.QuoteStart, inc.QuoteEnd = p.int(f[19]), p.int(f[20])
	if p.err != nil {
		return fmt.Errorf("store: incident %d: %w", inc.ID, p.err)
	}
	return nil
}

// intParser parses integers, keeping the first error.
type intParser struct{ err error }

func (p *intParser) int(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil && p.err == nil {
		p.err = err
	}
	return n
}

// ids parses a comma-separated list of ids, empty for none.
func (p *intParser) ids(s string) []int64 {
	if s == "" {
		return nil
	}
	out := make([]int64, 0, strings.Count(s, ",")+1)
	for len(s) > 0 {
		field, rest, _ := strings.Cut(s, ",")
		out = append(out, int64(p.int(field)))
		s = rest
	}
	return out
}

// optional parses a nullable integer, stored empty when NULL.
func (p *intParser) optional(s string) *int {
	if s == "" {
		return nil
	}
	n := p.int(s)
	return &n
}

// readPlain reads one incident column by column.
func readPlain(ctx context.Context, q queryer, id int64) (incidentRow, error) {
	var r incidentRow
	inc := &r.inc
	var count, fatalities, injured sql.NullInt64
	var articles string
	err := q.QueryRowContext(ctx, "SELECT "+plainColumns+" FROM incidents i WHERE i.id = ?", id).Scan(
		&inc.ID, &inc.Lat, &inc.Lon, &inc.EventType, &inc.SubEventType, &inc.EventDate, &inc.TimePrecision,
		&inc.Location, &inc.GeonameID, &inc.FeatureCode, &inc.Country, &inc.Admin1, &inc.Admin1Name, &inc.Admin2,
		&inc.GeoPrecision, &count, &inc.CountUnit, &fatalities, &injured,
		&inc.Actor1, &inc.Actor2, &inc.Quote, &inc.QuoteStart, &inc.QuoteEnd, &inc.FatalitiesClaimedBy, &articles)
	if err != nil {
		return incidentRow{}, fmt.Errorf("store: read incident %d: %w", id, err)
	}
	var p intParser
	if r.articles = p.ids(articles); p.err != nil {
		return incidentRow{}, fmt.Errorf("store: incident %d: source ids: %w", id, p.err)
	}
	inc.Count, inc.Fatalities, inc.Injured = intPtr(count), intPtr(fatalities), intPtr(injured)
	return r, nil
}
