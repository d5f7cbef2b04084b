package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// NameKey folds a place name for grouping unresolved names (see
// contract.NameKey).
func NameKey(name string) string { return contract.NameKey(name) }

// insertUnresolved writes the names of an article that the geoparser could
// not place, checking each span against the text.
func insertUnresolved(ctx context.Context, tx txn, articleID int64, text string, us []geo.Unresolved) error {
	for i, u := range us {
		field := fmt.Sprintf("unresolved[%d]", i)
		if err := contract.CheckUnresolved(u, text, field); err != nil {
			return err
		}
		key := NameKey(u.Text)
		if key == "" {
			continue
		}
		var r geo.RegionRef
		var lat, lon sql.NullFloat64
		if u.Region != nil {
			r = *u.Region
			lat = sql.NullFloat64{Float64: r.Lat, Valid: true}
			lon = sql.NullFloat64{Float64: r.Lon, Valid: true}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO unresolved_names (article_id, span_start, span_end, text,
			name_key, region_name, region_geonameid, region_code, region_country, region_admin1,
			region_admin1_name, region_lat, region_lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			articleID, u.Start, u.End, u.Text, key, r.Name, r.GeonameID, r.FeatureCode, r.Country,
			r.Admin1, r.Admin1Name, lat, lon)
		if err != nil {
			return fmt.Errorf("store: insert unresolved name: %w", err)
		}
	}
	return nil
}

// UnresolvedFilter pages the list of unresolved names.
type UnresolvedFilter = contract.UnresolvedFilter

// UnresolvedNames lists the names no gazetteer entry placed, one per name
// and region, most often seen first, with the total number of such
// groups counted in the same statement.
func (s *Store) UnresolvedNames(ctx context.Context, f UnresolvedFilter) ([]geo.UnresolvedName, int, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.read.QueryContext(ctx, `SELECT MIN(text), name_key, region_name, region_geonameid,
		region_code, region_country, region_admin1, region_admin1_name, region_lat, region_lon,
		COUNT(*), group_concat(DISTINCT article_id), COUNT(*) OVER ()
		FROM unresolved_names
		GROUP BY name_key, region_country, region_admin1, region_name
		ORDER BY COUNT(*) DESC, name_key, region_country, region_admin1, region_name
		LIMIT ? OFFSET ?`, limit, max(f.Offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("store: unresolved names: %w", err)
	}
	defer rows.Close()
	out := []geo.UnresolvedName{}
	total := 0
	for rows.Next() {
		var (
			u        geo.UnresolvedName
			r        geo.RegionRef
			lat, lon sql.NullFloat64
			articles string
		)
		if err := rows.Scan(&u.Name, &u.Key, &r.Name, &r.GeonameID, &r.FeatureCode, &r.Country,
			&r.Admin1, &r.Admin1Name, &lat, &lon, &u.Count, &articles, &total); err != nil {
			return nil, 0, fmt.Errorf("store: scan unresolved name: %w", err)
		}
		if lat.Valid && lon.Valid {
			r.Lat, r.Lon = lat.Float64, lon.Float64
			u.Region = &r
		}
		if u.Articles, err = parseIDs(articles); err != nil {
			return nil, 0, err
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: unresolved names: %w", err)
	}
	if len(out) == 0 && f.Offset > 0 {
		err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM unresolved_names
			GROUP BY name_key, region_country, region_admin1, region_name)`).Scan(&total)
		if err != nil {
			return nil, 0, fmt.Errorf("store: count unresolved names: %w", err)
		}
	}
	return out, total, nil
}

// ArticlesNaming returns, in id order, the stored articles with an
// unresolved name whose key is NameKey of one of names.
func (s *Store) ArticlesNaming(ctx context.Context, names []string) ([]int64, error) {
	keys := make([]string, 0, len(names))
	for _, n := range names {
		if k := NameKey(n); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, fmt.Errorf("store: articles naming: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT article_id FROM unresolved_names
		WHERE name_key IN (SELECT value FROM json_each(?)) ORDER BY article_id`, string(list))
	if err != nil {
		return nil, fmt.Errorf("store: articles naming: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: articles naming: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// parseIDs reads a comma-separated list of ids, in ascending order.
func parseIDs(s string) ([]int64, error) {
	ids := []int64{}
	for part := range strings.SplitSeq(s, ",") {
		if part == "" {
			continue
		}
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("store: bad article id %q", part)
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}
