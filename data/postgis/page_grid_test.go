package postgis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// ingestDated stores n incidents on a few hundred points (incidents sit on
// the places they name) with dates over a year, in one batch.
func ingestDated(t *testing.T, s *Store, n int) {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 8))
	pts := make([][2]float64, 300)
	for i := range pts {
		pts[i] = [2]float64{30 + rng.Float64()*8, 45 + rng.Float64()*6}
	}
	items := make([]contract.IngestItem, n)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range items {
		p := pts[rng.IntN(len(pts))]
		date := start.AddDate(0, 0, rng.IntN(366)).Format(contract.DateLayout)
		text := fmt.Sprintf("Shelling, report %d.", i)
		items[i] = contract.IngestItem{Article: geo.Article{Text: text}, Incidents: []geo.Incident{{
			EventType: geo.EventTypeOf(geo.SubShelling), SubEventType: geo.SubShelling, EventDate: date,
			TimePrecision: 1, GeoPrecision: 1, Lon: p[0], Lat: p[1]}}}
	}
	_, errs, err := s.IngestBatch(context.Background(), items, contract.IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// pageIDs follows cursors through at most maxPages pages of f.
func pageIDs(t *testing.T, s *Store, f geo.IncidentFilter, maxPages int) ([]int64, int) {
	t.Helper()
	var got []int64
	total := 0
	for range maxPages {
		page, n, err := s.Incidents(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		total = n
		for _, inc := range page {
			got = append(got, inc.ID)
		}
		if len(page) < f.Limit {
			break
		}
		last := page[len(page)-1]
		f.After = &geo.Cursor{EventDate: last.EventDate, ID: last.ID}
	}
	return got, total
}

// bruteIDs lists the ids of every incident in b and the dates, newest
// first, reading every row.
func bruteIDs(t *testing.T, s *Store, b geo.BBox, from, to *time.Time) []int64 {
	t.Helper()
	lo, hi := "0001-01-01", "9999-12-31"
	if from != nil {
		lo = from.Format(contract.DateLayout)
	}
	if to != nil {
		hi = to.Format(contract.DateLayout)
	}
	rows, err := s.pool.Query(context.Background(), `SELECT id FROM incidents
		WHERE lat BETWEEN $1::float8 AND $2::float8 AND (CASE WHEN $3::float8 <= $4::float8
		THEN lon BETWEEN $3 AND $4 ELSE lon >= $3 OR lon <= $4 END)
		AND event_date BETWEEN $5::date AND $6::date ORDER BY event_date DESC, id DESC`,
		b.South, b.North, b.West, b.East, lo, hi)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

// Pages chosen from the count grid's newest lists are the pages reading
// every row gives: for boxes, date intervals, cursors and offsets, and the
// rows carry their sources.
func TestGridPagesAgreeWithEveryRow(t *testing.T) {
	s, _ := mustOpen(t)
	ctx := context.Background()
	ingestDated(t, s, 3000)
	cells, err := s.buildGrid(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.grid.Set(cells)
	day := func(d string) *time.Time {
		tm, err := time.Parse(contract.DateLayout, d)
		if err != nil {
			t.Fatal(err)
		}
		return &tm
	}
	boxes := []geo.BBox{
		{West: 29, South: 44, East: 39, North: 52},
		{West: 33, South: 47, East: 35.5, North: 49},
		{West: 36.1, South: 49.1, East: 36.3, North: 49.2},
		{West: 179, South: -1, East: -179, North: 1}, // across the antimeridian: SQL's
	}
	intervals := [][2]*time.Time{{nil, nil}, {day("2024-03-01"), day("2024-06-30")}, {nil, day("2024-02-01")}, {day("2024-12-01"), nil}}
	const maxPages = 6
	for _, b := range boxes {
		for _, iv := range intervals {
			all := bruteIDs(t, s, b, iv[0], iv[1])
			for _, limit := range []int{1, 7, 100} {
				f := geo.IncidentFilter{BBox: &b, From: iv[0], To: iv[1], Limit: limit}
				want := all[:min(len(all), maxPages*limit)]
				got, total := pageIDs(t, s, f, maxPages)
				if !slices.Equal(got, want) || total != len(all) {
					t.Errorf("box %v, %v..%v, limit %d: %d ids (total %d), want %d (total %d)",
						b, iv[0], iv[1], limit, len(got), total, len(want), len(all))
				}
				f.Offset = 5
				page, _, err := s.Incidents(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if wantPage := all[min(len(all), 5):min(len(all), 5+limit)]; !slices.Equal(incidentIDs(page), wantPage) {
					t.Errorf("offset 5: ids %v, want %v", incidentIDs(page), wantPage)
				}
				for _, inc := range page {
					if len(inc.Sources) != 1 {
						t.Fatalf("incident %d has %d sources, want its one article", inc.ID, len(inc.Sources))
					}
				}
			}
		}
	}
	// The grid really chose: a page of a box is in its lists.
	tx, err := s.readTx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer rollback(tx)
	at, err := readSnapshot(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.gridPage(ctx, tx, geo.IncidentFilter{BBox: &boxes[0], Limit: 10}, at); !ok || err != nil {
		t.Fatalf("the grid did not choose a page of a box (%v)", err)
	}
}

// incidentIDs are the ids of incs, in order.
func incidentIDs(incs []geo.Incident) []int64 {
	out := make([]int64, len(incs))
	for i, inc := range incs {
		out[i] = inc.ID
	}
	return out
}
