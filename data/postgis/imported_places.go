package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/geo"
)

// ImportedPlaces calls fn for every imported GeoNames row, by geonameid,
// stopping at the first error fn returns. ID and GeonameID are both the
// geonameid.
func (s *Store) ImportedPlaces(ctx context.Context, fn func(geo.Place) error) error {
	rows, err := s.pool.Query(ctx, `SELECT geonameid, geonameid, name, asciiname, alternate_names,
		feature_class, feature_code, country, country_name, admin1, admin1_name, admin2, admin2_name,
		lat, lon, population, source FROM imported_places ORDER BY geonameid`)
	if err != nil {
		return fmt.Errorf("postgis: imported places: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanPlace(rows)
		if err != nil {
			return err
		}
		if len(p.AlternateNames) == 0 {
			p.AlternateNames = nil // as SQLite reads an empty list
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgis: imported places: %w", err)
	}
	return nil
}
