package store

import (
	"context"
	"slices"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// bruteForce lists, newest first, the ids of the incidents inside b by
// reading every row, for checking the planned queries against.
func bruteForce(t *testing.T, s *Store, b geo.BBox) []int64 {
	t.Helper()
	rows, err := s.read.Query(`SELECT id, lon, lat FROM incidents ORDER BY event_date DESC, id DESC`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		var lon, lat float64
		if err := rows.Scan(&id, &lon, &lat); err != nil {
			t.Fatal(err)
		}
		inLon := lon >= b.West && lon <= b.East
		if b.West > b.East {
			inLon = lon >= b.West || lon <= b.East
		}
		if inLon && lat >= b.South && lat <= b.North {
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
		t.Run(bx.name, func(t *testing.T) {
			want := bruteForce(t, s, bx.box)
			for _, limit := range []int{7, 100, 1000} {
				got := readPages(t, s, geo.IncidentFilter{BBox: &bx.box, Limit: limit}, len(want), 12)
				wantPrefix := want[:min(len(want), 12*limit)]
				if !slices.Equal(got, wantPrefix) {
					t.Fatalf("limit %d: %d ids, want %d; first difference at %d", limit, len(got), len(wantPrefix), firstDiff(got, wantPrefix))
				}
			}
		})
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

// Both page plans must be exercised by the boxes above: check that the
// planner picks each where it should.
func TestPlanQueryChoosesByShareOfBox(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 20_000, 7); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		box   geo.BBox
		limit int
		want  bboxPlan
	}{
		{"large share, small page: walk the date index", geo.BBox{West: 22, South: 44, East: 41, North: 53}, 100, bboxScan},
		{"small box: R*Tree", geo.BBox{West: 36.0, South: 49.5, East: 37.0, North: 50.0}, 100, bboxTree},
		{"no limit on a small share: R*Tree", geo.BBox{West: 35.0, South: 48.6, East: 38.3, North: 50.4}, 0, bboxTree},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gen := MustVersion(t, s)
			p, err := s.planQuery(ctx, s.read, gen, geo.IncidentFilter{BBox: &tt.box}, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if p.page != tt.want {
				t.Fatalf("page plan %d with %d in the box, want %d", p.page, p.inBox, tt.want)
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
