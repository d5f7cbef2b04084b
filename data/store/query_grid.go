package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

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
	// The totals read only lon, lat and id: the covering (lon, lat) index
	// answers them without touching the rows.
	grid := `CAST((i.lon + 180) / ? AS INTEGER) AS gx, CAST((i.lat + 90) / ? AS INTEGER) AS gy`
	args := append([]any{cellDeg, cellDeg}, w.args...)
	rows, err := s.read.QueryContext(ctx, `SELECT `+grid+`, COUNT(*), SUM(i.lat), SUM(i.lon)
		FROM incidents i`+w.SQL()+` GROUP BY gx, gy`, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: grid counts: %w", err)
	}
	type key struct{ x, y int }
	cells := map[key]*geo.GridCell{}
	total := 0
	for rows.Next() {
		var k key
		c := &geo.GridCell{ByType: map[string]int{}}
		if err := rows.Scan(&k.x, &k.y, &c.Count, &c.Lat, &c.Lon); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("store: scan grid cell: %w", err)
		}
		c.Lat /= float64(c.Count)
		c.Lon /= float64(c.Count)
		cells[k] = c
		total += c.Count
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: grid counts: %w", err)
	}

	every := max(1, int(math.Ceil(float64(total)/contract.GridExactTypes)))
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
	seen := map[key]int{}
	for rows.Next() {
		var k key
		var eventType string
		var n int
		if err := rows.Scan(&k.x, &k.y, &eventType, &n); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("store: scan grid types: %w", err)
		}
		if c := cells[k]; c != nil {
			c.ByType[eventType] += n
			seen[k] += n
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: grid types: %w", err)
	}
	out := make([]geo.GridCell, 0, len(cells))
	for k, c := range cells {
		if every > 1 {
			contract.ScaleTypes(c, seen[k])
		}
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
	return out, every, nil
}
