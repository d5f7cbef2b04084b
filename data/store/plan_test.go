package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// interval is an inclusive date interval; "" leaves a side open.
type interval struct{ from, to string }

// filter is a page filter on b and the interval.
func (iv interval) filter(t *testing.T, b geo.BBox, limit int) geo.IncidentFilter {
	t.Helper()
	f := geo.IncidentFilter{BBox: &b, Limit: limit}
	for _, side := range []struct {
		date string
		dst  **time.Time
	}{{iv.from, &f.From}, {iv.to, &f.To}} {
		if side.date == "" {
			continue
		}
		d, err := time.Parse(contract.DateLayout, side.date)
		if err != nil {
			t.Fatal(err)
		}
		*side.dst = &d
	}
	return f
}

// bruteForce lists, newest first, the ids of the incidents inside b and
// the interval by reading every row, for checking the planned queries
// against.
func bruteForce(t *testing.T, s *Store, b geo.BBox, iv interval) []int64 {
	t.Helper()
	rows, err := s.read.Query(`SELECT id, lon, lat, event_date FROM incidents ORDER BY event_date DESC, id DESC`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		var lon, lat float64
		var date string
		if err := rows.Scan(&id, &lon, &lat, &date); err != nil {
			t.Fatal(err)
		}
		inLon := lon >= b.West && lon <= b.East
		if b.West > b.East {
			inLon = lon >= b.West || lon <= b.East
		}
		inTime := (iv.from == "" || date >= iv.from) && (iv.to == "" || date <= iv.to)
		if inLon && lat >= b.South && lat <= b.North && inTime {
			ids = append(ids, id)
		}
	}
	return ids
}

func ids(incs []geo.Incident) []int64 {
	out := make([]int64, len(incs))
	for i, inc := range incs {
		out[i] = inc.ID
	}
	return out
}

// The page plan (date index walk or R*Tree) and the count (R*Tree alone,
// with exact checks on its edges) must give what reading every row gives,
// page after page, whatever the box size.
func TestIncidentsInBoxMatchBruteForce(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 20_000, 7); err != nil {
		t.Fatal(err)
	}
	var lon, lat float64
	if err := s.read.QueryRow(`SELECT lon, lat FROM incidents WHERE id = 1`).Scan(&lon, &lat); err != nil {
		t.Fatal(err)
	}
	boxes := []struct {
		name string
		box  geo.BBox
	}{
		{"whole area", geo.BBox{West: 20, South: 5, East: 45, North: 55}},
		{"ukraine", geo.BBox{West: 22, South: 44, East: 41, North: 53}},
		{"oblast", geo.BBox{West: 35.0, South: 48.6, East: 38.3, North: 50.4}},
		{"district", geo.BBox{West: 36.0, South: 49.5, East: 37.0, North: 50.0}},
		// Edges exactly on a point, where the R*Tree's 32-bit rounding
		// could count it wrongly either way.
		{"point on west edge", geo.BBox{West: lon, South: lat - 1, East: lon + 1, North: lat + 1}},
		{"point on east edge", geo.BBox{West: lon - 1, South: lat - 1, East: lon, North: lat + 1}},
		{"point on north edge", geo.BBox{West: lon - 1, South: lat - 1, East: lon + 1, North: lat}},
		{"point just outside", geo.BBox{West: lon + 1e-9, South: lat - 1, East: lon + 1, North: lat + 1}},
		{"the point alone", geo.BBox{West: lon, South: lat, East: lon, North: lat}},
		{"empty", geo.BBox{West: -10, South: -10, East: -9, North: -9}},
		{"across the antimeridian", geo.BBox{West: 40, South: 5, East: 30, North: 55}},
	}
	for _, bx := range boxes {
		for _, iv := range testIntervals() {
			t.Run(bx.name+"/"+iv.from+".."+iv.to, func(t *testing.T) {
				want := bruteForce(t, s, bx.box, iv)
				for _, limit := range []int{7, 100, 1000} {
					got := readPages(t, s, iv.filter(t, bx.box, limit), len(want), 12)
					wantPrefix := want[:min(len(want), 12*limit)]
					if !slices.Equal(got, wantPrefix) {
						t.Fatalf("limit %d: %d ids, want %d; first difference at %d", limit, len(got), len(wantPrefix), firstDiff(got, wantPrefix))
					}
				}
			})
		}
	}
}

// testIntervals are the date intervals checked with every box: synthetic
// dates run over 2024 and 2025.
func testIntervals() []interval {
	return []interval{
		{"", ""},
		{"2024-06-01", "2024-08-31"},
		{"2025-03-15", "2025-03-15"},
		{"2025-12-01", ""},
		{"", "2024-01-20"},
		{"2026-01-01", "2026-12-31"},
		{"2024-08-31", "2024-06-01"},
	}
}

// readPages follows cursors for at most maxPages pages, checking every
// page's total, and returns the ids read.
func readPages(t *testing.T, s *Store, f geo.IncidentFilter, wantTotal, maxPages int) []int64 {
	t.Helper()
	var got []int64
	for range maxPages {
		page, total := MustIncidents(t, s, f)
		if total != wantTotal {
			t.Fatalf("limit %d: total %d, want %d", f.Limit, total, wantTotal)
		}
		got = append(got, ids(page)...)
		if len(page) < f.Limit {
			break
		}
		last := page[len(page)-1]
		f.After = &geo.Cursor{EventDate: last.EventDate, ID: last.ID}
	}
	return got
}

func firstDiff(a, b []int64) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// Every page plan must be exercised by the boxes above: check that the
// planner picks each where it should.
func TestPlanQueryChoosesByShareOfBox(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 20_000, 7); err != nil {
		t.Fatal(err)
	}
	june, august := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 8, 31, 0, 0, 0, 0, time.UTC)
	oblast := geo.BBox{West: 35.0, South: 48.6, East: 38.3, North: 50.4}
	tests := []struct {
		name   string
		filter geo.IncidentFilter
		limit  int
		want   bboxPlan
	}{
		{"large share, small page: walk the date index",
			geo.IncidentFilter{BBox: &geo.BBox{West: 22, South: 44, East: 41, North: 53}}, 100, bboxScan},
		{"small share, box only: newest entries of the R*Tree",
			geo.IncidentFilter{BBox: &geo.BBox{West: 36.0, South: 49.5, East: 37.0, North: 50.0}}, 100, bboxTreePage},
		{"small share, box and dates: newest entries of the R*Tree",
			geo.IncidentFilter{BBox: &oblast, From: &june, To: &august}, 1000, bboxTreePage},
		{"small box and a type: R*Tree, then rows",
			geo.IncidentFilter{BBox: &geo.BBox{West: 36.0, South: 49.5, East: 37.0, North: 50.0}, EventType: []string{geo.Battles}}, 100, bboxTree},
		{"no limit on a small share: R*Tree",
			geo.IncidentFilter{BBox: &oblast}, 0, bboxTree},
		{"across the antimeridian: R*Tree",
			geo.IncidentFilter{BBox: &geo.BBox{West: 40, South: 5, East: 30, North: 55}}, 100, bboxTree},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gen := MustVersion(t, s)
			p, err := s.planQuery(ctx, s.read, gen, tt.filter, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if p.page != tt.want {
				t.Fatalf("page plan %d with %d matches, want %d", p.page, p.matches, tt.want)
			}
		})
	}
}

// Counting a range switches from the R*Tree to an index past a number of
// entries; both ways must give the exact count, dates included.
func TestRangeCountPastTheCap(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 5_000, 5); err != nil {
		t.Fatal(err)
	}
	box := geo.BBox{West: 22, South: 44, East: 41, North: 53}
	for _, iv := range testIntervals() {
		t.Run(iv.from+".."+iv.to, func(t *testing.T) {
			want := len(bruteForce(t, s, box, iv))
			f := iv.filter(t, box, 0)
			r := treeRanges(box, f.From, f.To)[0]
			for _, limit := range []int{1, 10, treeCountCap} {
				got, err := treeRangeCount(ctx, s.read, r, limit)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("cap %d: %d, want %d", limit, got, want)
				}
			}
		})
	}
}

func TestPlaceByKey(t *testing.T) {
	fx := loadFixture(t)
	ctx := context.Background()
	all, err := fx.s.Places(ctx, geo.IncidentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range all {
		got, err := fx.s.Place(ctx, want.Key)
		if err != nil {
			t.Fatalf("Place(%q): %v", want.Key, err)
		}
		if got.Key != want.Key || got.Name != want.Name || got.Incidents != want.Incidents || got.LastSeen != want.LastSeen {
			t.Fatalf("Place(%q) = %+v, want %+v", want.Key, got, want)
		}
	}
	for _, key := range []string{"g1", "", "x", "p0,0"} {
		_, err := fx.s.Place(ctx, key)
		assertCode(t, err, geo.ENotFound)
	}
}
