package postgis

import (
	"context"
	"errors"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// GridCounts counts the incidents the filter selects per cell of a grid of
// cellDeg degrees, in SQL, as the SQLite store does: exact counts, with
// members' mean position and counts by event type, largest first; when more
// than contract.GridExactTypes incidents match, the split by event type is
// estimated from every k-th incident (by id), and k is returned.
func (s *Store) GridCounts(ctx context.Context, f geo.IncidentFilter, cellDeg float64) ([]geo.GridCell, int, error) {
	if !(cellDeg > 0 && cellDeg <= 180) {
		return nil, 0, errors.New("postgis: grid cell size must be in (0, 180] degrees")
	}
	w, err := filterWhere(f)
	if err != nil {
		return nil, 0, err
	}
	tx, err := s.readTx(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer rollback(tx)
	cellArg := w.param(cellDeg)
	grid := `floor((i.lon + 180) / ` + cellArg + `)::int AS gx, floor((i.lat + 90) / ` + cellArg + `)::int AS gy`
	rows, err := tx.Query(ctx, `SELECT `+grid+`, count(*), sum(i.lat), sum(i.lon)
		FROM incidents i`+w.SQL()+` GROUP BY gx, gy`, w.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("postgis: grid counts: %w", err)
	}
	var g contract.GridScan
	err = g.ScanTotals(rows)
	rows.Close()
	if err != nil {
		return nil, 0, fmt.Errorf("postgis: grid counts: %w", err)
	}
	every := g.Every()
	if every > 1 {
		w.add("i.id % ? = 0", every)
	}
	rows, err = tx.Query(ctx, `SELECT `+grid+`, i.event_type, count(*)
		FROM incidents i`+w.SQL()+` GROUP BY gx, gy, i.event_type`, w.args...)
	if err != nil {
		return nil, 0, fmt.Errorf("postgis: grid types: %w", err)
	}
	err = g.ScanTypes(rows)
	rows.Close()
	if err != nil {
		return nil, 0, fmt.Errorf("postgis: grid types: %w", err)
	}
	out := g.Cells()
	return out, every, nil
}
