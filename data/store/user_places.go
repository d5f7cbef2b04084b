package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// userPlaceColumns is the select list scanUserPlace reads, in its order.
const userPlaceColumns = `id, geonameid, name, asciiname, alternate_names, feature_class, feature_code,
	country, country_name, admin1, admin1_name, admin2, admin2_name, lat, lon, population, source`

// UserPlaces returns every user gazetteer entry, by id.
func (s *Store) UserPlaces(ctx context.Context) ([]geo.Place, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+userPlaceColumns+` FROM user_places ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: user places: %w", err)
	}
	defer rows.Close()
	out := []geo.Place{}
	for rows.Next() {
		p, err := scanUserPlace(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: user places: %w", err)
	}
	return out, nil
}

// AddUserPlace stores a new user gazetteer entry and returns it with its id,
// which is at least geo.UserIDBase and never reused. p.ID is ignored.
func (s *Store) AddUserPlace(ctx context.Context, p geo.Place) (_ geo.Place, err error) {
	defer fullDisk(&err)
	if err := contract.CheckUserPlace(p); err != nil {
		return geo.Place{}, err
	}
	names, err := json.Marshal(nonNil(p.AlternateNames))
	if err != nil {
		return geo.Place{}, fmt.Errorf("store: add user place: %w", err)
	}
	now := nowText()
	defer s.ver.changed()
	err = s.write.QueryRowContext(ctx, `INSERT INTO user_places (geonameid, name, asciiname, alternate_names,
		feature_class, feature_code, country, country_name, admin1, admin1_name, admin2, admin2_name,
		lat, lon, population, source, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		p.GeonameID, p.Name, p.ASCIIName, string(names), p.FeatureClass, p.FeatureCode, p.Country,
		p.CountryName, p.Admin1, p.Admin1Name, p.Admin2, p.Admin2Name, p.Lat, p.Lon, p.Population,
		p.Source, now, now).Scan(&p.ID)
	if err != nil {
		return geo.Place{}, fmt.Errorf("store: add user place: %w", err)
	}
	p.AlternateNames = nonNil(p.AlternateNames)
	return p, nil
}

// UpdateUserPlace replaces the user entry with id p.ID, or returns a
// geo.ENotFound error when there is none.
func (s *Store) UpdateUserPlace(ctx context.Context, p geo.Place) (_ geo.Place, err error) {
	defer fullDisk(&err)
	if err := contract.CheckUserPlace(p); err != nil {
		return geo.Place{}, err
	}
	names, err := json.Marshal(nonNil(p.AlternateNames))
	if err != nil {
		return geo.Place{}, fmt.Errorf("store: update user place: %w", err)
	}
	defer s.ver.changed()
	r, err := s.write.ExecContext(ctx, `UPDATE user_places SET geonameid = ?, name = ?, asciiname = ?,
		alternate_names = ?, feature_class = ?, feature_code = ?, country = ?, country_name = ?,
		admin1 = ?, admin1_name = ?, admin2 = ?, admin2_name = ?, lat = ?, lon = ?, population = ?,
		source = ?, updated_at = ? WHERE id = ?`,
		p.GeonameID, p.Name, p.ASCIIName, string(names), p.FeatureClass, p.FeatureCode, p.Country,
		p.CountryName, p.Admin1, p.Admin1Name, p.Admin2, p.Admin2Name, p.Lat, p.Lon, p.Population,
		p.Source, nowText(), p.ID)
	if err != nil {
		return geo.Place{}, fmt.Errorf("store: update user place: %w", err)
	}
	if err := requireOneRow(r, p.ID); err != nil {
		return geo.Place{}, err
	}
	p.AlternateNames = nonNil(p.AlternateNames)
	return p, nil
}

// DeleteUserPlace removes a user entry, or returns a geo.ENotFound error
// when there is none.
func (s *Store) DeleteUserPlace(ctx context.Context, id int64) (err error) {
	defer fullDisk(&err)
	defer s.ver.changed()
	r, err := s.write.ExecContext(ctx, `DELETE FROM user_places WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: delete user place: %w", err)
	}
	return requireOneRow(r, id)
}

func requireOneRow(r sql.Result, id int64) error {
	n, err := r.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: rows affected: %w", err)
	}
	if n == 0 {
		return geo.Errorf(geo.ENotFound, "user place %d not found", id)
	}
	return nil
}

func scanUserPlace(rows *sql.Rows) (geo.Place, error) {
	var p geo.Place
	var names string
	err := rows.Scan(&p.ID, &p.GeonameID, &p.Name, &p.ASCIIName, &names, &p.FeatureClass, &p.FeatureCode,
		&p.Country, &p.CountryName, &p.Admin1, &p.Admin1Name, &p.Admin2, &p.Admin2Name,
		&p.Lat, &p.Lon, &p.Population, &p.Source)
	if err != nil {
		return geo.Place{}, fmt.Errorf("store: scan user place: %w", err)
	}
	if err := json.Unmarshal([]byte(names), &p.AlternateNames); err != nil {
		return geo.Place{}, fmt.Errorf("store: user place %d: bad alternate names: %w", p.ID, err)
	}
	return p, nil
}

func nonNil(names []string) []string {
	if names == nil {
		return []string{}
	}
	return names
}
