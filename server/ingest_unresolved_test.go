package server

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// The ingest answer carries the names that could not be placed, and an
// empty list (not null) when there are none.
func TestIngestAnswersUnresolvedNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		res  geo.IngestResult
		want int
	}{
		{"one unknown village", geo.IngestResult{ArticleID: 1, Unresolved: []geo.Unresolved{{Text: "Zzyzxivka", Start: 10, End: 19, Region: &geo.RegionRef{Name: "Donetsk", Country: "UA"}}}}, 1},
		{"none", geo.IngestResult{ArticleID: 2}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			deps := testDeps()
			deps.Ingester = &fakeIngester{IngestFn: func(context.Context, geo.Article) (geo.IngestResult, error) { return tc.res, nil }}
			s := mustServer(t, Config{}, deps)
			rec := serve(s, request{method: http.MethodPost, target: "/api/articles", body: `{"text":"Shelling hit Zzyzxivka."}`,
				headers: map[string]string{"Content-Type": "application/json"}})
			var body struct {
				Unresolved []geo.Unresolved `json:"unresolved"`
			}
			if rec.Code != http.StatusCreated || json.Unmarshal(rec.Body.Bytes(), &body) != nil {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if body.Unresolved == nil || len(body.Unresolved) != tc.want {
				t.Fatalf("unresolved = %#v in %s", body.Unresolved, rec.Body)
			}
			if tc.want == 1 && (body.Unresolved[0].Text != "Zzyzxivka" || body.Unresolved[0].Region.Name != "Donetsk") {
				t.Fatalf("unresolved = %+v", body.Unresolved[0])
			}
		})
	}
}
