package store

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/incidentmap/incidentmap/geo"
)

// GridCounts counts the incidents the filter selects per cell of a grid of
// cellDeg degrees (longitude and latitude), in SQL, so the numbers are the
// true totals however many incidents there are. Cells come with their
// members' mean position and counts by event type, largest first.
func (s *Store) GridCounts(ctx context.Context, f geo.IncidentFilter, cellDeg float64) ([]geo.GridCell, error) {
	if !(cellDeg > 0 && cellDeg <= 180) {
		return nil, errors.New("store: grid cell size must be in (0, 180] degrees")
	}
	w, err := filterWhere(f, bboxIndex)
	if err != nil {
		return nil, err
	}
	args := append([]any{cellDeg, cellDeg}, w.args...)
	rows, err := s.read.QueryContext(ctx, `SELECT CAST((i.lon + 180) / ? AS INTEGER) AS gx,
		CAST((i.lat + 90) / ? AS INTEGER) AS gy, i.event_type, COUNT(*), SUM(i.lat), SUM(i.lon)
		FROM incidents i`+w.SQL()+` GROUP BY gx, gy, i.event_type`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: grid counts: %w", err)
	}
	defer rows.Close()
	type key struct{ x, y int }
	cells := map[key]*geo.GridCell{}
	for rows.Next() {
		var k key
		var eventType string
		var n int
		var sumLat, sumLon float64
		if err := rows.Scan(&k.x, &k.y, &eventType, &n, &sumLat, &sumLon); err != nil {
			return nil, fmt.Errorf("store: scan grid cell: %w", err)
		}
		c := cells[k]
		if c == nil {
			c = &geo.GridCell{ByType: map[string]int{}}
			cells[k] = c
		}
		c.Count += n
		c.ByType[eventType] += n
		c.Lat += sumLat // sums until divided below
		c.Lon += sumLon
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: grid counts: %w", err)
	}
	out := make([]geo.GridCell, 0, len(cells))
	for _, c := range cells {
		c.Lat /= float64(c.Count)
		c.Lon /= float64(c.Count)
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		if out[i].Lat != out[j].Lat {
			return out[i].Lat < out[j].Lat
		}
		return out[i].Lon < out[j].Lon
	})
	return out, nil
}
