package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/incidentmap/incidentmap/data/boxgrid"
	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// GridCounts counts the incidents the filter selects per cell of a grid of
// cellDeg degrees (longitude and latitude), so the numbers are the true
// totals however many incidents there are. Cells come with their members'
// mean position and counts by event type, largest first. A box alone is
// answered from the count grid when it can (gridClusters), exactly; else
// in SQL, where the counts are exact and, when more than 100,000 incidents
// match, the split by event type is estimated from every k-th incident,
// and k is returned (1 when the split is exact too).
func (s *Store) GridCounts(ctx context.Context, f geo.IncidentFilter, cellDeg float64) ([]geo.GridCell, int, error) {
	if !(cellDeg > 0 && cellDeg <= 180) {
		return nil, 0, errors.New("store: grid cell size must be in (0, 180] degrees")
	}
	w, err := filterWhere(f, bboxIndex)
	if err != nil {
		return nil, 0, err
	}
	if onlyBoxAndTime(f) && f.From == nil && f.To == nil {
		if cells, ok, err := s.gridClusters(ctx, *f.BBox, cellDeg); err != nil || ok {
			return cells, 1, err
		}
	}
	return s.sqlGridCounts(ctx, w, cellDeg)
}

// sqlGridCounts is GridCounts in SQL over the matches of w.
func (s *Store) sqlGridCounts(ctx context.Context, w *where, cellDeg float64) ([]geo.GridCell, int, error) {
	// The totals read only lon, lat and id: the covering (lon, lat) index
	// answers them without touching the rows.
	grid := `CAST((i.lon + 180) / ? AS INTEGER) AS gx, CAST((i.lat + 90) / ? AS INTEGER) AS gy`
	args := append([]any{cellDeg, cellDeg}, w.args...)
	rows, err := s.read.QueryContext(ctx, `SELECT `+grid+`, COUNT(*), SUM(i.lat), SUM(i.lon)
		FROM incidents i`+w.SQL()+` GROUP BY gx, gy`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: grid counts: %w", err)
	}
	var g contract.GridScan
	err = g.ScanTotals(rows)
	rows.Close()
	if err != nil {
		return nil, 0, fmt.Errorf("store: grid counts: %w", err)
	}
	every := g.Every()
	sample := w.SQL()
	typeArgs := args
	if every > 1 {
		if sample == "" {
			sample = " WHERE i.id % ? = 0"
		} else {
			sample += " AND i.id % ? = 0"
		}
		typeArgs = append(append([]any(nil), args...), every)
	}
	rows, err = s.read.QueryContext(ctx, `SELECT `+grid+`, i.event_type, COUNT(*)
		FROM incidents i`+sample+` GROUP BY gx, gy, i.event_type`, typeArgs...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: grid types: %w", err)
	}
	err = g.ScanTypes(rows)
	rows.Close()
	if err != nil {
		return nil, 0, fmt.Errorf("store: grid types: %w", err)
	}
	out := g.Cells()
	return out, every, nil
}

// gridClusters answers GridCounts for a box alone from the count grid: its
// cells wholly inside the box summed per cluster cell, and the incidents of
// the strips along the box's edges counted in SQL. Counts, positions and
// the split by type are exact. ok is false when the grid is not current
// or cannot serve cells of cellDeg degrees.
func (s *Store) gridClusters(ctx context.Context, b geo.BBox, cellDeg float64) ([]geo.GridCell, bool, error) {
	gen, err := s.Version(ctx)
	if err != nil {
		return nil, false, err
	}
	g := s.grid.Current(gen, func() (*boxgrid.Cells, error) { return s.buildGrid(context.Background()) })
	if g == nil {
		return nil, false, nil
	}
	all := map[[2]int64]*boxgrid.Cluster{}
	var strips []geo.BBox
	for _, r := range treeRanges(b, nil, nil) {
		part, edges, ok := g.Clusters(r.box, cellDeg)
		if !ok {
			return nil, false, nil
		}
		for k, c := range part {
			all[k] = mergeCluster(all[k], c)
		}
		strips = append(strips, edges...)
	}
	for _, strip := range strips {
		if err := s.addStripClusters(ctx, strip, cellDeg, all); err != nil {
			return nil, false, err
		}
	}
	out := make([]geo.GridCell, 0, len(all))
	for _, c := range all {
		if c.Count == 0 {
			continue
		}
		out = append(out, geo.GridCell{Count: c.Count, Lat: c.SumLat / float64(c.Count), Lon: c.SumLon / float64(c.Count), ByType: c.ByType})
	}
	contract.SortGridCells(out)
	return out, true, nil
}

// addStripClusters adds the incidents of one edge strip to the clusters.
func (s *Store) addStripClusters(ctx context.Context, strip geo.BBox, cellDeg float64, all map[[2]int64]*boxgrid.Cluster) error {
	w, err := filterWhere(geo.IncidentFilter{BBox: &strip}, bboxIndex)
	if err != nil {
		return err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT CAST((i.lon + 180) / ? AS INTEGER), CAST((i.lat + 90) / ? AS INTEGER),
		i.event_type, COUNT(*), SUM(i.lat), SUM(i.lon) FROM incidents i`+w.SQL()+` GROUP BY 1, 2, 3`,
		append([]any{cellDeg, cellDeg}, w.args...)...)
	if err != nil {
		return fmt.Errorf("store: grid counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c boxgrid.Cluster
		var eventType string
		if err := rows.Scan(&c.X, &c.Y, &eventType, &c.Count, &c.SumLat, &c.SumLon); err != nil {
			return fmt.Errorf("store: scan grid cell: %w", err)
		}
		c.ByType = map[string]int{eventType: c.Count}
		k := [2]int64{c.X, c.Y}
		all[k] = mergeCluster(all[k], &c)
	}
	return rows.Err()
}

// mergeCluster adds b to a (either may be nil) and returns the sum.
func mergeCluster(a, b *boxgrid.Cluster) *boxgrid.Cluster {
	if a == nil {
		return b
	}
	a.Count += b.Count
	a.SumLat += b.SumLat
	a.SumLon += b.SumLon
	for t, n := range b.ByType {
		a.ByType[t] += n
	}
	return a
}
