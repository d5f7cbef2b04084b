package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// userPlaceColumns is the select list scanPlace reads, in its order.
const userPlaceColumns = `id, geonameid, name, asciiname, alternate_names, feature_class, feature_code,
	country, country_name, admin1, admin1_name, admin2, admin2_name, lat, lon, population, source`

// UserPlaces returns every user gazetteer entry, by id.
func (s *Store) UserPlaces(ctx context.Context) ([]geo.Place, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+userPlaceColumns+` FROM user_places ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("postgis: user places: %w", err)
	}
	defer rows.Close()
	out := []geo.Place{}
	for rows.Next() {
		p, err := scanPlace(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgis: user places: %w", err)
	}
	return out, nil
}

// AddUserPlace stores a new user gazetteer entry and returns it with its id,
// which is at least geo.UserIDBase and never reused. p.ID is ignored.
func (s *Store) AddUserPlace(ctx context.Context, p geo.Place) (geo.Place, error) {
	if err := contract.CheckUserPlace(p); err != nil {
		return geo.Place{}, err
	}
	p.AlternateNames = nonNil(p.AlternateNames)
	err := s.write(ctx, func(tx pgx.Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO user_places (geonameid, name, asciiname, alternate_names,
			feature_class, feature_code, country, country_name, admin1, admin1_name, admin2, admin2_name,
			lat, lon, population, source)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
			p.GeonameID, p.Name, p.ASCIIName, p.AlternateNames, p.FeatureClass, p.FeatureCode, p.Country,
			p.CountryName, p.Admin1, p.Admin1Name, p.Admin2, p.Admin2Name, p.Lat, p.Lon, p.Population,
			p.Source).Scan(&p.ID)
	})
	if err != nil {
		return geo.Place{}, fmt.Errorf("postgis: add user place: %w", err)
	}
	return p, nil
}

// UpdateUserPlace replaces the user entry with id p.ID, or returns a
// geo.ENotFound error when there is none.
func (s *Store) UpdateUserPlace(ctx context.Context, p geo.Place) (geo.Place, error) {
	if err := contract.CheckUserPlace(p); err != nil {
		return geo.Place{}, err
	}
	p.AlternateNames = nonNil(p.AlternateNames)
	err := s.write(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE user_places SET geonameid = $1, name = $2, asciiname = $3,
			alternate_names = $4, feature_class = $5, feature_code = $6, country = $7, country_name = $8,
			admin1 = $9, admin1_name = $10, admin2 = $11, admin2_name = $12, lat = $13, lon = $14,
			population = $15, source = $16, updated_at = now() WHERE id = $17`,
			p.GeonameID, p.Name, p.ASCIIName, p.AlternateNames, p.FeatureClass, p.FeatureCode, p.Country,
			p.CountryName, p.Admin1, p.Admin1Name, p.Admin2, p.Admin2Name, p.Lat, p.Lon, p.Population,
			p.Source, p.ID)
		return oneRow(tag, err, p.ID)
	})
	if err != nil {
		return geo.Place{}, err
	}
	return p, nil
}

// DeleteUserPlace removes a user entry, or returns a geo.ENotFound error
// when there is none.
func (s *Store) DeleteUserPlace(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM user_places WHERE id = $1`, id)
		return oneRow(tag, err, id)
	})
}

// write runs fn in a transaction that also moves the version on.
func (s *Store) write(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := s.writeTx(ctx)
	if err != nil {
		return err
	}
	defer rollback(tx)
	if err := fn(tx); err != nil {
		return err
	}
	if err := bumpVersion(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgis: commit: %w", err)
	}
	return nil
}

// oneRow turns an update or delete that touched no row into ENotFound.
func oneRow(tag pgconn.CommandTag, err error, id int64) error {
	if err != nil {
		return fmt.Errorf("postgis: user place %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return geo.Errorf(geo.ENotFound, "user place %d not found", id)
	}
	return nil
}

// scanPlace reads a row of userPlaceColumns (or the same columns of
// imported_places).
func scanPlace(rows pgx.Rows) (geo.Place, error) {
	var p geo.Place
	err := rows.Scan(&p.ID, &p.GeonameID, &p.Name, &p.ASCIIName, &p.AlternateNames, &p.FeatureClass,
		&p.FeatureCode, &p.Country, &p.CountryName, &p.Admin1, &p.Admin1Name, &p.Admin2, &p.Admin2Name,
		&p.Lat, &p.Lon, &p.Population, &p.Source)
	if err != nil {
		return geo.Place{}, fmt.Errorf("postgis: scan place: %w", err)
	}
	return p, nil
}

func nonNil(names []string) []string {
	if names == nil {
		return []string{}
	}
	return names
}
