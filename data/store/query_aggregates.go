package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// DayCount is the number of incidents on one event date, for a timeline.
type DayCount = contract.DayCount

// Places returns every place with incidents matching f (paging fields are
// ignored), most incidents first. A place is a GeoNames id, or a point
// rounded to 3 decimals when the place has none; its name and point are
// those of its latest incident.
func (s *Store) Places(ctx context.Context, f geo.IncidentFilter) ([]geo.PlaceCount, error) {
	w, err := filterWhere(f, bboxTree)
	if err != nil {
		return nil, err
	}
	return s.placeCounts(ctx, w)
}

// Place returns the place with incidents whose Key is key, counted as
// Places counts it over all incidents, or a geo.ENotFound error. It reads
// only that place's incidents.
func (s *Store) Place(ctx context.Context, key string) (geo.PlaceCount, error) {
	w := &where{}
	w.add("i.place_key = ?", key)
	pcs, err := s.placeCounts(ctx, w)
	if err != nil {
		return geo.PlaceCount{}, err
	}
	if len(pcs) == 0 {
		return geo.PlaceCount{}, geo.Errorf(geo.ENotFound, "no place with id %q has incidents", key)
	}
	return pcs[0], nil
}

// placeCounts groups the incidents selected by w per place.
func (s *Store) placeCounts(ctx context.Context, w *where) ([]geo.PlaceCount, error) {
	rows, err := s.reader().QueryContext(ctx, `SELECT i.place_key, i.event_type, COUNT(*), MAX(i.event_date),
		i.location, i.geonameid, i.feature_code, i.country, i.admin1, i.admin1_name, i.admin2, i.lat, i.lon
		FROM incidents i`+w.SQL()+` GROUP BY i.place_key, i.event_type`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: places: %w", err)
	}
	defer rows.Close()
	places, err := contract.ScanPlaceCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("store: places: %w", err)
	}
	return places, nil
}

// Regions aggregates the incidents matching f per country and admin1 code
// (paging fields are ignored), most incidents first; incidents at sea,
// which lie in no country, are left out. A region's point is the
// mean of its incidents' points.
func (s *Store) Regions(ctx context.Context, f geo.IncidentFilter) ([]geo.RegionCount, error) {
	w, err := filterWhere(f, bboxTree)
	if err != nil {
		return nil, err
	}
	rows, err := s.reader().QueryContext(ctx, `SELECT i.country, i.admin1, i.event_type, COUNT(*),
		MAX(i.event_date), MAX(i.admin1_name), SUM(i.lat), SUM(i.lon)
		FROM incidents i`+w.SQL()+` GROUP BY i.country, i.admin1, i.event_type`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: regions: %w", err)
	}
	defer rows.Close()
	regions, err := contract.ScanRegionCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("store: regions: %w", err)
	}
	return regions, nil
}

// DailyCounts counts the incidents matching f per event date, oldest first;
// days without incidents are left out.
func (s *Store) DailyCounts(ctx context.Context, f geo.IncidentFilter) ([]DayCount, error) {
	w, err := filterWhere(f, bboxTree)
	if err != nil {
		return nil, err
	}
	rows, err := s.reader().QueryContext(ctx, `SELECT i.event_date, COUNT(*) FROM incidents i`+w.SQL()+
		` GROUP BY i.event_date ORDER BY i.event_date`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: daily counts: %w", err)
	}
	defer rows.Close()
	days, err := contract.ScanDayCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("store: daily counts: %w", err)
	}
	return days, nil
}

// Extent is the bounding box and the first and last event dates of all
// stored incidents, and their number; with none, everything is zero.
func (s *Store) Extent(ctx context.Context) (bbox geo.BBox, first, last string, n int, err error) {
	// With a current count grid (serve builds one at start) the box and the
	// count come from it and the dates from the date index: no scan.
	if gen, verr := s.Version(ctx); verr == nil {
		if g := s.grid.Built(gen); g != nil {
			if g.Total() == 0 {
				return geo.BBox{}, "", "", 0, nil
			}
			var from, to sql.NullString
			err = s.reader().QueryRowContext(ctx, `SELECT (SELECT MIN(event_date) FROM incidents),
				(SELECT MAX(event_date) FROM incidents)`).Scan(&from, &to)
			if err != nil {
				return geo.BBox{}, "", "", 0, fmt.Errorf("store: extent: %w", err)
			}
			return g.Bounds(), from.String, to.String, g.Total(), nil
		}
	}
	var west, south, east, north sql.NullFloat64
	var from, to sql.NullString
	err = s.reader().QueryRowContext(ctx, `SELECT MIN(lon), MIN(lat), MAX(lon), MAX(lat),
		MIN(event_date), MAX(event_date), COUNT(*) FROM incidents`).
		Scan(&west, &south, &east, &north, &from, &to, &n)
	if err != nil {
		return geo.BBox{}, "", "", 0, fmt.Errorf("store: extent: %w", err)
	}
	bbox = geo.BBox{West: west.Float64, South: south.Float64, East: east.Float64, North: north.Float64}
	return bbox, from.String, to.String, n, nil
}
