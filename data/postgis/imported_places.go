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
	_, err := s.importedPlaces(ctx, `FROM imported_places ORDER BY geonameid`, 0, nil, fn)
	return err
}

// ImportSeq is the number of the latest import transaction that wrote rows
// still stored (0 when none): rows a later import writes come after it.
func (s *Store) ImportSeq(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, `SELECT COALESCE(max(import_seq), 0) FROM imported_places`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgis: import number: %w", err)
	}
	return n, nil
}

// ImportedPlacesSince calls fn for the rows imported after import number
// after, oldest import first, and returns the latest number it saw (after,
// when there were none).
func (s *Store) ImportedPlacesSince(ctx context.Context, after int64, fn func(geo.Place) error) (int64, error) {
	return s.importedPlaces(ctx, `FROM imported_places WHERE import_seq > $1 ORDER BY import_seq, geonameid`, after, []any{after}, fn)
}

// importedPlaces reads imported rows with the FROM ... clause and its
// arguments, and returns the highest import number read, or after.
func (s *Store) importedPlaces(ctx context.Context, from string, after int64, args []any, fn func(geo.Place) error) (int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT geonameid, geonameid, name, asciiname, alternate_names,
		feature_class, feature_code, country, country_name, admin1, admin1_name, admin2, admin2_name,
		lat, lon, population, source, import_seq `+from, args...)
	if err != nil {
		return after, fmt.Errorf("postgis: imported places: %w", err)
	}
	defer rows.Close()
	last := after
	for rows.Next() {
		var p geo.Place
		var seq int64
		if err := rows.Scan(&p.ID, &p.GeonameID, &p.Name, &p.ASCIIName, &p.AlternateNames, &p.FeatureClass,
			&p.FeatureCode, &p.Country, &p.CountryName, &p.Admin1, &p.Admin1Name, &p.Admin2, &p.Admin2Name,
			&p.Lat, &p.Lon, &p.Population, &p.Source, &seq); err != nil {
			return last, fmt.Errorf("postgis: scan imported place: %w", err)
		}
		last = max(last, seq)
		if len(p.AlternateNames) == 0 {
			p.AlternateNames = nil // as SQLite reads an empty list
		}
		if err := fn(p); err != nil {
			return last, err
		}
	}
	if err := rows.Err(); err != nil {
		return last, fmt.Errorf("postgis: imported places: %w", err)
	}
	return last, nil
}
