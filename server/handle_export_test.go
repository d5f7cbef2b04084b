package server

import (
	"context"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// pagedStore serves all incidents newest first in keyset pages, as the
// real store does, and records the filters it was asked for.
func pagedStore(all []geo.Incident, seen *[]geo.IncidentFilter) *fakeStore {
	return &fakeStore{IncidentsFn: func(_ context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
		*seen = append(*seen, f)
		start := 0
		if f.After != nil {
			for i, in := range all {
				if in.ID == f.After.ID {
					start = i + 1
				}
			}
		}
		end := min(start+f.Limit, len(all))
		return all[start:end], len(all), nil
	}}
}

func TestExportStreamsEveryIncidentInEachFormat(t *testing.T) {
	all := sampleIncidents(2500)
	cases := []struct {
		format, contentType string
		rows                func(body string) int
	}{
		{"csv", "text/csv", func(b string) int {
			recs, err := csv.NewReader(strings.NewReader(b)).ReadAll()
			if err != nil || len(recs) == 0 || recs[0][1] != "event_date" {
				t.Fatalf("not the ACLED CSV: %v %v", err, recs[:1])
			}
			return len(recs) - 1
		}},
		{"ndjson", "application/x-ndjson", func(b string) int { return strings.Count(b, "\n") }},
		{"geojson", "application/geo+json", func(b string) int { return strings.Count(b, `"type":"Feature"`) }},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			var seen []geo.IncidentFilter
			deps := testDeps()
			deps.Store = pagedStore(all, &seen)
			rec := serve(mustServer(t, Config{}, deps), request{target: "/api/export?format=" + c.format + "&country=UA&datetime=2024-04-01/.."})
			if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), c.contentType) {
				t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
			}
			if !strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
				t.Errorf("no attachment disposition")
			}
			if n := c.rows(rec.Body.String()); n != len(all) {
				t.Errorf("%d incidents exported, want %d", n, len(all))
			}
			if len(seen) != 3 || seen[0].Country[0] != "UA" || seen[0].From == nil {
				t.Errorf("store asked %d times with %+v, want 3 keyset pages with the filters", len(seen), seen[0])
			}
		})
	}
}

func TestExportRejectsBadParameters(t *testing.T) {
	for _, target := range []string{"/api/export?format=xml", "/api/export?bbox=1,2,3", "/api/export?limit=5"} {
		rec := serve(mustServer(t, Config{}, testDeps()), request{target: target})
		if rec.Code != 400 || !strings.Contains(rec.Body.String(), `"code"`) {
			t.Errorf("%s: status %d %s, want a 400 JSON error", target, rec.Code, rec.Body)
		}
	}
}
