package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// Every page plan, forced on filters the planner might give it, must page
// through a box and an interval exactly as reading every row does: the
// tree page plan with its planned windows, with windows of one day that
// grow, and with one window for everything.
func TestPagePlansAgreeWithBruteForce(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	if err := s.LoadSynthetic(ctx, 20_000, 11); err != nil {
		t.Fatal(err)
	}
	gen := MustVersion(t, s)
	cells, err := s.buildGrid(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.listing.Wait() // the page lists come after the counts
	s.grid.Set(cells)
	boxes := map[string]geo.BBox{
		"ukraine":  {West: 22, South: 44, East: 41, North: 53},
		"oblast":   {West: 35.0, South: 48.6, East: 38.3, North: 50.4},
		"district": {West: 36.0, South: 49.5, East: 37.0, North: 50.0},
	}
	type forced struct {
		name    string
		page    bboxPlan
		density float64 // 0: as planned
	}
	plans := []forced{
		{"R*Tree", bboxTree, 0},
		{"date walk", bboxScan, 0},
		{"tree page", bboxTreePage, 0},
		{"tree page, one-day windows", bboxTreePage, 1e9},
		{"tree page, one window", bboxTreePage, 1e-9},
		{"grid lists", bboxTreePage, -1},
	}
	for name, box := range boxes {
		for _, iv := range testIntervals() {
			want := bruteForce(t, s, box, iv)
			for _, fp := range plans {
				t.Run(fmt.Sprintf("%s/%s..%s/%s", name, iv.from, iv.to, fp.name), func(t *testing.T) {
					f := iv.filter(t, box, 100)
					plan, err := s.planQuery(ctx, s.read, gen, f, f.Limit)
					if err != nil {
						t.Fatal(err)
					}
					if plan.matches != len(want) {
						t.Fatalf("planned %d matches, want %d", plan.matches, len(want))
					}
					if fp.page == bboxTreePage && plan.density == 0 {
						t.Skip("nothing in the interval: the tree page plan is never planned")
					}
					plan.page = fp.page
					if fp.density > 0 {
						plan.density = fp.density
					}
					// Only the grid case lets the grid's lists choose.
					plan.boxOnly = fp.density < 0
					if _, ok, err := s.gridPage(ctx, s.read, gen, f, plan.tree, f.Limit); plan.boxOnly && (!ok || err != nil) {
						t.Fatalf("the grid did not choose the page (%v)", err)
					}
					got := pagesWith(t, s, gen, f, plan, 8)
					wantPrefix := want[:min(len(want), 8*f.Limit)]
					if !slices.Equal(got, wantPrefix) {
						t.Fatalf("%d ids, want %d; first difference at %d", len(got), len(wantPrefix), firstDiff(got, wantPrefix))
					}
					f.Offset = 30
					page, err := s.page(ctx, s.read, gen, f, plan)
					if err != nil {
						t.Fatal(err)
					}
					if wantPage := want[min(len(want), 30):min(len(want), 130)]; !slices.Equal(ids(page), wantPage) {
						t.Fatalf("offset 30: %d ids, want %d; first difference at %d", len(page), len(wantPage), firstDiff(ids(page), wantPage))
					}
				})
			}
		}
	}
}

// pagesWith follows cursors for at most maxPages pages read with plan.
func pagesWith(t *testing.T, s *Store, gen int64, f geo.IncidentFilter, plan queryPlan, maxPages int) []int64 {
	t.Helper()
	var got []int64
	for range maxPages {
		page, err := s.page(context.Background(), s.read, gen, f, plan)
		if err != nil {
			t.Fatal(err)
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

// A page read from the tree carries whole incidents, sources included,
// equal to reading each by id.
func TestTreePageReadsWholeIncidents(t *testing.T) {
	fx := loadFixture(t)
	box := geo.BBox{West: 20, South: 40, East: 45, North: 55}
	f := geo.IncidentFilter{BBox: &box, Limit: 2}
	gen := MustVersion(t, fx.s)
	plan, err := fx.s.planQuery(context.Background(), fx.s.read, gen, f, f.Limit)
	if err != nil {
		t.Fatal(err)
	}
	plan.page = bboxTreePage
	page, err := fx.s.page(context.Background(), fx.s.read, gen, f, plan)
	if err != nil {
		t.Fatal(err)
	}
	if len(page) != 2 {
		t.Fatalf("%d incidents, want 2", len(page))
	}
	for _, inc := range page {
		want, err := fx.s.Incident(context.Background(), inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%+v", inc) != fmt.Sprintf("%+v", want) {
			t.Errorf("page has %+v\nby id %+v", inc, want)
		}
		if len(inc.Sources) == 0 {
			t.Errorf("incident %d has no sources", inc.ID)
		}
	}
}
