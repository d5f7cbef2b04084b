package server

import (
	"context"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// The page filters the list to a clicked region with admin1=CC.CODE.
func TestItemsAdmin1Filter(t *testing.T) {
	var got geo.IncidentFilter
	deps := testDeps()
	deps.Store = &fakeStore{IncidentsFn: func(_ context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error) {
		got = f
		return nil, 0, nil
	}}
	s := mustServer(t, Config{CacheBytes: -1}, deps)
	for _, tc := range []struct {
		name, value string
		status      int
		want        string
	}{
		{"country and code", "UA.05", 200, "UA.05"},
		{"lower case is folded", "ua.05", 200, "UA.05"},
		{"a name is refused with the form wanted", "Donetsk", 400, ""},
		{"no country is refused", ".05", 400, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got = geo.IncidentFilter{}
			rec := serve(s, request{target: "/collections/incidents/items?admin1=" + tc.value})
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.status, rec.Body)
			}
			if tc.status == 200 && got.Admin1 != tc.want {
				t.Fatalf("store saw admin1 %q, want %q", got.Admin1, tc.want)
			}
			if tc.status == 400 && !contains(rec.Body.String(), "UA.05") {
				t.Fatalf("error does not show the expected form: %s", rec.Body)
			}
		})
	}
}
