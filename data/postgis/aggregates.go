package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// Places returns every place with incidents matching f (paging fields are
// ignored), most incidents first. A place is a GeoNames id, or a point
// rounded to 3 decimals when the place has none; its name and point are
// those of its latest incident.
func (s *Store) Places(ctx context.Context, f geo.IncidentFilter) ([]geo.PlaceCount, error) {
	w, err := filterWhere(f)
	if err != nil {
		return nil, err
	}
	return s.placeCounts(ctx, w)
}

// Place returns the place with incidents whose Key is key, counted as
// Places counts it over all incidents, or a geo.ENotFound error.
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

// placeCounts groups the incidents selected by w per place: the counts by
// event type, and the place as its latest incident has it.
func (s *Store) placeCounts(ctx context.Context, w *where) ([]geo.PlaceCount, error) {
	rows, err := s.pool.Query(ctx, `WITH m AS (SELECT * FROM incidents i`+w.SQL()+`),
		latest AS (SELECT DISTINCT ON (place_key) place_key, to_char(event_date, 'YYYY-MM-DD') AS last,
			location, geonameid, feature_code, country, admin1, admin1_name, admin2, lat, lon
			FROM m ORDER BY place_key, event_date DESC, id DESC)
		SELECT l.place_key, t.event_type, t.n, l.last, l.location, l.geonameid, l.feature_code,
			l.country, l.admin1, l.admin1_name, l.admin2, l.lat, l.lon
		FROM (SELECT place_key, event_type, count(*) AS n FROM m GROUP BY place_key, event_type) t
		JOIN latest l USING (place_key)`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("postgis: places: %w", err)
	}
	defer rows.Close()
	places, err := contract.ScanPlaceCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("postgis: places: %w", err)
	}
	return places, nil
}

// Regions aggregates the incidents matching f per country and admin1 code
// (paging fields are ignored), most incidents first; incidents at sea,
// which lie in no country, are left out. A region's point is the
// mean of its incidents' points.
func (s *Store) Regions(ctx context.Context, f geo.IncidentFilter) ([]geo.RegionCount, error) {
	w, err := filterWhere(f)
	if err != nil {
		return nil, err
	}
	w.add("i.country <> ''")
	rows, err := s.pool.Query(ctx, `SELECT i.country, i.admin1, i.event_type, count(*),
		to_char(max(i.event_date), 'YYYY-MM-DD'), max(i.admin1_name COLLATE "C"), sum(i.lat), sum(i.lon)
		FROM incidents i`+w.SQL()+` GROUP BY i.country, i.admin1, i.event_type`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("postgis: regions: %w", err)
	}
	defer rows.Close()
	regions, err := contract.ScanRegionCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("postgis: regions: %w", err)
	}
	return regions, nil
}

// DailyCounts counts the incidents matching f per event date, oldest first;
// days without incidents are left out.
func (s *Store) DailyCounts(ctx context.Context, f geo.IncidentFilter) ([]contract.DayCount, error) {
	w, err := filterWhere(f)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT to_char(i.event_date, 'YYYY-MM-DD'), count(*) FROM incidents i`+w.SQL()+
		` GROUP BY i.event_date ORDER BY i.event_date`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("postgis: daily counts: %w", err)
	}
	defer rows.Close()
	days, err := contract.ScanDayCounts(rows)
	if err != nil {
		return nil, fmt.Errorf("postgis: daily counts: %w", err)
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
			var from, to *string
			err = s.pool.QueryRow(ctx, `SELECT to_char((SELECT min(event_date) FROM incidents), 'YYYY-MM-DD'),
				to_char((SELECT max(event_date) FROM incidents), 'YYYY-MM-DD')`).Scan(&from, &to)
			if err != nil {
				return geo.BBox{}, "", "", 0, fmt.Errorf("postgis: extent: %w", err)
			}
			if from == nil || to == nil {
				return geo.BBox{}, "", "", 0, nil // emptied since the grid was built
			}
			return g.Bounds(), *from, *to, g.Total(), nil
		}
	}
	var west, south, east, north *float64
	var from, to *string
	err = s.pool.QueryRow(ctx, `SELECT min(lon), min(lat), max(lon), max(lat),
		to_char(min(event_date), 'YYYY-MM-DD'), to_char(max(event_date), 'YYYY-MM-DD'), count(*) FROM incidents`).
		Scan(&west, &south, &east, &north, &from, &to, &n)
	if err != nil {
		return geo.BBox{}, "", "", 0, fmt.Errorf("postgis: extent: %w", err)
	}
	if n == 0 {
		return geo.BBox{}, "", "", 0, nil
	}
	return geo.BBox{West: *west, South: *south, East: *east, North: *north}, *from, *to, n, nil
}
