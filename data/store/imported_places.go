package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// ImportedPlaces calls fn for every imported GeoNames row, by geonameid,
// stopping at the first error fn returns. ID and GeonameID are both the
// geonameid.
func (s *Store) ImportedPlaces(ctx context.Context, fn func(geo.Place) error) error {
	rows, err := s.read.QueryContext(ctx, `SELECT geonameid, name, asciiname, alternate_names,
		feature_class, feature_code, country, country_name, admin1, admin1_name, admin2, admin2_name,
		lat, lon, population, source FROM imported_places ORDER BY geonameid`)
	if err != nil {
		return fmt.Errorf("store: imported places: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p geo.Place
		var names string
		if err := rows.Scan(&p.GeonameID, &p.Name, &p.ASCIIName, &names, &p.FeatureClass, &p.FeatureCode,
			&p.Country, &p.CountryName, &p.Admin1, &p.Admin1Name, &p.Admin2, &p.Admin2Name,
			&p.Lat, &p.Lon, &p.Population, &p.Source); err != nil {
			return fmt.Errorf("store: scan imported place: %w", err)
		}
		p.ID = p.GeonameID
		if names != "" {
			p.AlternateNames = strings.Split(names, "\t")
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: imported places: %w", err)
	}
	return nil
}
