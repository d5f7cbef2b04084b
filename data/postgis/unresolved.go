package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// UnresolvedNames lists the names no gazetteer entry placed, one per name
// and region, most often seen first, with the total number of such
// groups. A group's name and region details are those of its row with the
// least text, as SQLite reads them; text is compared byte by byte (COLLATE
// "C") as SQLite compares it, whatever the database's collation.
func (s *Store) UnresolvedNames(ctx context.Context, f contract.UnresolvedFilter) ([]geo.UnresolvedName, int, error) {
	var limit any // NULL: no limit
	if f.Limit > 0 {
		limit = f.Limit
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer rollback(tx)
	var total int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM unresolved_names
		GROUP BY name_key, region_country, region_admin1, region_name) g`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("postgis: count unresolved names: %w", err)
	}
	first := func(col string) string { return "(array_agg(" + col + " ORDER BY text COLLATE \"C\", id))[1]" }
	rows, err := tx.Query(ctx, `SELECT min(text COLLATE "C"), name_key, region_name, `+first("region_geonameid")+`,
		`+first("region_code")+`, region_country, region_admin1, `+first("region_admin1_name")+`,
		`+first("region_lat")+`, `+first("region_lon")+`, count(*),
		array_agg(DISTINCT article_id ORDER BY article_id)
		FROM unresolved_names
		GROUP BY name_key, region_country, region_admin1, region_name
		ORDER BY count(*) DESC, name_key COLLATE "C", region_country COLLATE "C",
			region_admin1 COLLATE "C", region_name COLLATE "C"
		LIMIT $1 OFFSET $2`, limit, max(f.Offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("postgis: unresolved names: %w", err)
	}
	defer rows.Close()
	out := []geo.UnresolvedName{}
	for rows.Next() {
		var (
			u        geo.UnresolvedName
			r        geo.RegionRef
			lat, lon *float64
		)
		if err := rows.Scan(&u.Name, &u.Key, &r.Name, &r.GeonameID, &r.FeatureCode, &r.Country,
			&r.Admin1, &r.Admin1Name, &lat, &lon, &u.Count, &u.Articles); err != nil {
			return nil, 0, fmt.Errorf("postgis: scan unresolved name: %w", err)
		}
		if lat != nil && lon != nil {
			r.Lat, r.Lon = *lat, *lon
			u.Region = &r
		}
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("postgis: unresolved names: %w", err)
	}
	return out, total, nil
}

// ArticlesNaming returns, in id order, the stored articles with an
// unresolved name whose key is contract.NameKey of one of names.
func (s *Store) ArticlesNaming(ctx context.Context, names []string) ([]int64, error) {
	keys := make([]string, 0, len(names))
	for _, n := range names {
		if k := contract.NameKey(n); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT article_id FROM unresolved_names
		WHERE name_key = ANY($1) ORDER BY article_id`, keys)
	if err != nil {
		return nil, fmt.Errorf("postgis: articles naming: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("postgis: articles naming: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
