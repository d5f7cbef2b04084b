package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/incidentmap/incidentmap/data/boxgrid"
	"github.com/incidentmap/incidentmap/geo"
)

// How a box's numberMatched is counted without visiting every match: the
// store keeps a boxgrid.Grid of the incidents' points (see data/boxgrid)
// and counts exactly, through the R*Tree, only the strips along a box's
// edges that the grid's cells do not cover. Counts with dates are not
// served by the grid, nor any while the grid is older than the store.

// buildGrid counts the incidents per cell at the current version and
// returns the cells; in the same snapshot, it then lists each point's
// incidents newest first for pages, in the background: counts are what a
// server just started waits for, and pages go through the R*Tree until
// the lists are there.
func (s *Store) buildGrid(ctx context.Context) (*boxgrid.Cells, error) {
	gen, err := s.Version(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := s.scan.BeginTx(s.background, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("store: count grid: %w", err)
	}
	listing := false
	defer func() {
		if !listing {
			tx.Rollback()
		}
	}()
	// The event types come along so the grid can serve clusters too.
	rows, err := tx.QueryContext(ctx, "SELECT lon, lat, event_type FROM incidents")
	if err != nil {
		return nil, fmt.Errorf("store: count grid: %w", err)
	}
	defer rows.Close()
	b := boxgrid.NewBuilder(gen)
	var lon, lat float64
	var eventType string
	for rows.Next() {
		if err := rows.Scan(&lon, &lat, &eventType); err != nil {
			return nil, fmt.Errorf("store: count grid: %w", err)
		}
		b.AddIncident(lon, lat, eventType)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: count grid: %w", err)
	}
	rows.Close()
	cells := b.Cells()
	if cells.NewestBuilder() != nil {
		listing = true
		s.listing.Add(1)
		go func() {
			defer s.listing.Done()
			defer tx.Rollback()
			if err := listNewest(s.background, tx, cells); err != nil && s.background.Err() == nil {
				slog.Warn("store: the count grid's page lists", "err", err)
			}
		}()
	}
	return cells, nil
}

// gridCount counts the incidents in b (not crossing the antimeridian) with
// the grid's cells and the R*Tree for the strips along b's edges. ok is
// false when b holds no whole cell.
func gridCount(ctx context.Context, q queryer, g *boxgrid.Cells, b geo.BBox) (n int, ok bool, err error) {
	return g.Count(b, func(strips []geo.BBox) (int, error) {
		n := 0
		for _, s := range strips {
			m, err := treeRangeCount(ctx, q, treeRange{box: s, lo: tMin, hi: tMax}, treeCountCap)
			if err != nil {
				return 0, err
			}
			n += m
		}
		return n, nil
	})
}

// boxCount is the exact number of incidents in a box and date interval,
// through the grid when it is current and no dates are given.
func (s *Store) boxCount(ctx context.Context, q queryer, gen int64, b geo.BBox, from, to *time.Time) (int, error) {
	if from != nil || to != nil {
		return rangeCount(ctx, q, b, from, to)
	}
	if s.grid.Warming() {
		// A box of a few incidents is counted at once through the R*Tree;
		// only a larger one waits for the grid the server is building.
		if n, ok, err := smallBoxCount(ctx, q, b); err != nil || ok {
			return n, err
		}
	}
	g := s.grid.Current(gen, func() (*boxgrid.Cells, error) { return s.buildGrid(context.Background()) })
	if g == nil {
		return rangeCount(ctx, q, b, from, to)
	}
	total := 0
	for _, r := range treeRanges(b, nil, nil) {
		n, ok, err := gridCount(ctx, q, g, r.box)
		if err != nil {
			return 0, err
		}
		if !ok {
			if n, err = treeRangeCount(ctx, q, r, treeCountCap); err != nil {
				return 0, err
			}
		}
		total += n
	}
	return total, nil
}

// WarmUp builds the count grid now, so that the first page of a server
// that has just started counts its matches through the grid and
// /collections reads its extent from it. serve runs it in the background
// after it starts listening.
func (s *Store) WarmUp(ctx context.Context) error {
	return s.grid.Warm(func() (*boxgrid.Cells, error) { return s.buildGrid(ctx) })
}

// smallBoxLimit is the most incidents smallBoxCount counts.
const smallBoxLimit = 20_000

// smallBoxCount counts the incidents in b through the R*Tree when they are
// fewer than smallBoxLimit; ok is false when there are more.
func smallBoxCount(ctx context.Context, q queryer, b geo.BBox) (n int, ok bool, err error) {
	for _, r := range treeRanges(b, nil, nil) {
		m, err := treeCountUpTo(ctx, q, r, smallBoxLimit-n)
		if err != nil {
			return 0, false, err
		}
		if n += m; n >= smallBoxLimit {
			return 0, false, nil
		}
	}
	return n, true, nil
}
