package server

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// fakeArticleList reads and lists a fixed set of articles.
type fakeArticleList struct{ all []geo.ArticleSummary }

func (f fakeArticleList) Article(ctx context.Context, id int64) (geo.Article, []geo.Mention, error) {
	return geo.Article{}, nil, notFound("no article %d", id)
}

func (f fakeArticleList) Articles(ctx context.Context, limit, offset int) ([]geo.ArticleSummary, int, error) {
	end := min(len(f.all), offset+limit)
	if offset >= len(f.all) {
		return []geo.ArticleSummary{}, len(f.all), nil
	}
	return f.all[offset:end], len(f.all), nil
}

func TestArticlesListing(t *testing.T) {
	deps := testDeps()
	deps.Articles = fakeArticleList{all: []geo.ArticleSummary{{ID: 3, Title: "C", Incidents: 2}, {ID: 2, Title: "B"}, {ID: 1, Title: "A", Incidents: 1}}}
	s := mustServer(t, Config{CacheBytes: -1}, deps)
	for _, tc := range []struct {
		name, target string
		status       int
		ids          []int64
		next         bool
	}{
		{"first page", "/api/articles?limit=2", 200, []int64{3, 2}, true},
		{"last page", "/api/articles?limit=2&offset=2", 200, []int64{1}, false},
		{"default page holds all", "/api/articles", 200, []int64{3, 2, 1}, false},
		{"bad limit", "/api/articles?limit=0", 400, nil, false},
		{"bad offset", "/api/articles?offset=-1", 400, nil, false},
		{"unknown parameter", "/api/articles?q=x", 400, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(s, request{target: tc.target})
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if tc.status != 200 {
				return
			}
			var got articleListResponse
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, a := range got.Articles {
				ids = append(ids, a.ID)
			}
			if len(ids) != len(tc.ids) || got.NumberMatched != 3 || got.NumberReturned != len(ids) {
				t.Fatalf("ids %v matched %d returned %d, want %v of 3", ids, got.NumberMatched, got.NumberReturned, tc.ids)
			}
			for i := range ids {
				if ids[i] != tc.ids[i] {
					t.Fatalf("ids %v, want %v", ids, tc.ids)
				}
			}
			hasNext := false
			for _, l := range got.Links {
				hasNext = hasNext || l.Rel == relNext
			}
			if hasNext != tc.next {
				t.Fatalf("next link %v, want %v: %+v", hasNext, tc.next, got.Links)
			}
		})
	}
}

func TestArticlesListingWithoutListerIs404(t *testing.T) {
	if rec := serve(mustServer(t, Config{}, testDeps()), request{target: "/api/articles"}); rec.Code != 404 {
		t.Fatalf("status %d", rec.Code)
	}
}
