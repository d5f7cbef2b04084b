package server

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// fakeUnresolved is an UnresolvedLister made of a func field.
type fakeUnresolved struct {
	UnresolvedNamesFn func(ctx context.Context, opt PageOptions) ([]geo.UnresolvedName, int, error)
}

func (f *fakeUnresolved) UnresolvedNames(ctx context.Context, opt PageOptions) ([]geo.UnresolvedName, int, error) {
	return f.UnresolvedNamesFn(ctx, opt)
}

func TestUnresolved(t *testing.T) {
	region := &geo.RegionRef{Name: "Donetsk", FeatureCode: "ADM1", Country: "UA", Admin1: "05", Lat: 48.05, Lon: 37.89}
	all := []geo.UnresolvedName{
		{Name: "Zorianivka", Key: "zorianivka", Region: region, Count: 3, Articles: []int64{1, 4}},
		{Name: "<b>Bad</b>", Key: "b bad b", Count: 1, Articles: []int64{2}},
		{Name: "Aaa", Key: "aaa", Count: 1, Articles: []int64{3}},
	}
	var asked PageOptions
	deps := testDeps()
	deps.Unresolved = &fakeUnresolved{UnresolvedNamesFn: func(_ context.Context, opt PageOptions) ([]geo.UnresolvedName, int, error) {
		asked = opt
		from := min(opt.Offset, len(all))
		to := min(from+opt.Limit, len(all))
		return all[from:to], len(all), nil
	}}
	s := mustServer(t, Config{}, deps)

	for _, tc := range []struct {
		name, target string
		want         PageOptions
		returned     int
		next         string
	}{
		{"default page holds everything", "/api/unresolved", PageOptions{Limit: 100}, 3, ""},
		{"limit pages with a next link", "/api/unresolved?limit=2", PageOptions{Limit: 2}, 2, "/api/unresolved?limit=2&offset=2"},
		{"offset reads the rest", "/api/unresolved?limit=2&offset=2", PageOptions{Limit: 2, Offset: 2}, 1, ""},
		{"offset past the end is an empty page", "/api/unresolved?offset=9", PageOptions{Limit: 100, Offset: 9}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(s, request{target: tc.target})
			var page unresolvedPage
			mustJSON(t, rec, &page)
			if rec.Code != http.StatusOK || asked != tc.want || page.NumberMatched != 3 ||
				page.NumberReturned != tc.returned || len(page.Names) != tc.returned || page.Next != tc.next {
				t.Fatalf("%d %s; asked %+v", rec.Code, rec.Body, asked)
			}
			if page.Names == nil {
				t.Fatal("names must be [] when empty, not null")
			}
		})
	}
	rec := serve(s, request{target: "/api/unresolved?limit=1"})
	var page unresolvedPage
	mustJSON(t, rec, &page)
	if got := page.Names[0]; got.Region == nil || got.Region.Admin1 != "05" || got.Count != 3 || len(got.Articles) != 2 {
		t.Errorf("first name = %+v, want Zorianivka with its region, count and articles", got)
	}
}

func TestUnresolvedInvalid(t *testing.T) {
	deps := testDeps()
	deps.Unresolved = &fakeUnresolved{UnresolvedNamesFn: func(context.Context, PageOptions) ([]geo.UnresolvedName, int, error) {
		return nil, 0, nil
	}}
	s := mustServer(t, Config{}, deps)
	for _, tc := range []struct{ name, target, field string }{
		{"limit zero", "/api/unresolved?limit=0", "limit"},
		{"limit over the maximum", "/api/unresolved?limit=1001", "limit"},
		{"limit not a number", "/api/unresolved?limit=ten", "limit"},
		{"negative offset", "/api/unresolved?offset=-1", "offset"},
		{"unknown parameter", "/api/unresolved?q=x", "q"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mustErrorBody(t, serve(s, request{target: tc.target}), http.StatusBadRequest, tc.field)
		})
	}
}

func TestUnresolvedWithoutListerOrOnStoreError(t *testing.T) {
	mustErrorBody(t, serve(mustServer(t, Config{}, testDeps()), request{target: "/api/unresolved"}), http.StatusNotFound, "unresolved")
	deps := testDeps()
	deps.Unresolved = &fakeUnresolved{UnresolvedNamesFn: func(context.Context, PageOptions) ([]geo.UnresolvedName, int, error) {
		return nil, 0, errors.New("store: disk I/O error")
	}}
	rec := serve(mustServer(t, Config{}, deps), request{target: "/api/unresolved"})
	mustErrorBody(t, rec, http.StatusInternalServerError, "internal error")
}
