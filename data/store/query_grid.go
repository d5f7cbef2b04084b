package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/incidentmap/incidentmap/data/boxgrid"
	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// GridCounts counts the incidents the filter selects per cell of a grid of
// cellDeg degrees (longitude and latitude), in SQL, so the numbers are the
// true totals however many incidents there are. Cells come with their
// members' mean position and counts by event type, largest first. The
// counts are exact; when more than 100,000 incidents match, the split by
// event type is estimated from every k-th incident, and k is returned (1
// when the split is exact too).
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
	return s.sqlGridCounts(ctx, f, w, cellDeg)
}

// sqlGridCounts is GridCounts in SQL over the matches of w.
func (s *Store) sqlGridCounts(ctx context.Context, f geo.IncidentFilter, w *where, cellDeg float64) ([]geo.GridCell, int, error) {
	// The totals read only lon, lat and id: the covering (lon, lat) index
	// answers them without touching the rows.
	grid := `CAST((i.lon + 180) / ? AS INTEGER) AS gx, CAST((i.lat + 90) / ? AS INTEGER) AS gy`
	args := append([]any{cellDeg, cellDeg}, w.args...)
	// The split by type needs the number of matches to choose its sample;
	// when the count grid gives it at once (a box alone), the split is read
	// beside the totals, on another connection, rather than after them.
	var early chan typeSplit
	if every, ok := s.earlyEvery(ctx, f); ok {
		early = make(chan typeSplit, 1)
		go func() { early <- s.readTypeSplit(ctx, grid, w, args, every) }()
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+grid+`, COUNT(*), SUM(i.lat), SUM(i.lon)
		FROM incidents i`+w.SQL()+` GROUP BY gx, gy`, args...)
	if err != nil {
		if early != nil {
			<-early
		}
		return nil, 0, fmt.Errorf("store: grid counts: %w", err)
	}
	cells := map[cellXY]*geo.GridCell{}
	total := 0
	for rows.Next() {
		var k cellXY
		c := &geo.GridCell{ByType: map[string]int{}}
		if err := rows.Scan(&k.x, &k.y, &c.Count, &c.Lat, &c.Lon); err != nil {
			rows.Close()
			if early != nil {
				<-early
			}
			return nil, 0, fmt.Errorf("store: scan grid cell: %w", err)
		}
		c.Lat /= float64(c.Count)
		c.Lon /= float64(c.Count)
		cells[k] = c
		total += c.Count
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		if early != nil {
			<-early
		}
		return nil, 0, fmt.Errorf("store: grid counts: %w", err)
	}

	var split typeSplit
	if early != nil {
		split = <-early
	} else {
		split = s.readTypeSplit(ctx, grid, w, args, max(1, int(math.Ceil(float64(total)/contract.GridExactTypes))))
	}
	if split.err != nil {
		return nil, 0, split.err
	}
	every := split.every
	seen := map[cellXY]int{}
	for k, byType := range split.counts {
		if c := cells[k]; c != nil {
			for t, n := range byType {
				c.ByType[t] += n
				seen[k] += n
			}
		}
	}
	out := make([]geo.GridCell, 0, len(cells))
	for k, c := range cells {
		if every > 1 {
			contract.ScaleTypes(c, seen[k])
		}
		out = append(out, *c)
	}
	sortGridCells(out)
	return out, every, nil
}

// sortGridCells orders cells largest first, then south to north, west to
// east.
func sortGridCells(out []geo.GridCell) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Lat != out[j].Lat {
			return out[i].Lat < out[j].Lat
		}
		return out[i].Lon < out[j].Lon
	})
}

// cellXY is a grid cell's column and row.
type cellXY struct{ x, y int }

// typeSplit is the count of each event type per cell, from every
// every-th incident (by id).
type typeSplit struct {
	counts map[cellXY]map[string]int
	every  int
	err    error
}

// readTypeSplit reads the split by event type per cell, from every every-th
// incident when every is above 1.
func (s *Store) readTypeSplit(ctx context.Context, grid string, w *where, args []any, every int) typeSplit {
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
	out := typeSplit{counts: map[cellXY]map[string]int{}, every: every}
	rows, err := s.read.QueryContext(ctx, `SELECT `+grid+`, i.event_type, COUNT(*)
		FROM incidents i`+sample+` GROUP BY gx, gy, i.event_type`, typeArgs...)
	if err != nil {
		out.err = fmt.Errorf("store: grid types: %w", err)
		return out
	}
	defer rows.Close()
	for rows.Next() {
		var k cellXY
		var eventType string
		var n int
		if err := rows.Scan(&k.x, &k.y, &eventType, &n); err != nil {
			out.err = fmt.Errorf("store: scan grid types: %w", err)
			return out
		}
		if out.counts[k] == nil {
			out.counts[k] = map[string]int{}
		}
		out.counts[k][eventType] += n
	}
	if err := rows.Err(); err != nil {
		out.err = fmt.Errorf("store: grid types: %w", err)
	}
	return out
}

// earlyEvery is the sampling step of the type split, known before the
// totals are read when the filter is a box alone and the count grid is
// current (its count of the box is exact and cheap).
func (s *Store) earlyEvery(ctx context.Context, f geo.IncidentFilter) (int, bool) {
	if !onlyBoxAndTime(f) || f.From != nil || f.To != nil {
		return 0, false
	}
	gen, err := s.Version(ctx)
	if err != nil {
		return 0, false
	}
	// Current, not Built: a server that has just started waits for the
	// grid it is building rather than scan beside it.
	if s.grid.Current(gen, func() (*boxgrid.Cells, error) { return s.buildGrid(context.Background()) }) == nil {
		return 0, false
	}
	n, err := s.boxCount(ctx, s.reader(), gen, *f.BBox, nil, nil)
	if err != nil {
		return 0, false
	}
	return max(1, int(math.Ceil(float64(n)/contract.GridExactTypes))), true
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
	sortGridCells(out)
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
