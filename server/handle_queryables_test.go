package server

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestQueryables(t *testing.T) {
	s := mustServer(t, Config{}, testDeps())
	for _, coll := range []string{"incidents", "places", "regions"} {
		t.Run(coll, func(t *testing.T) {
			rec := serve(s, request{target: "/collections/" + coll + "/queryables", headers: map[string]string{"Accept": "*/*"}})
			if rec.Code != 200 || rec.Header().Get("Content-Type") != mediaSchema {
				t.Fatalf("status %d, type %q: %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
			}
			var doc struct {
				Schema     string                    `json:"$schema"`
				ID         string                    `json:"$id"`
				Type       string                    `json:"type"`
				Properties map[string]map[string]any `json:"properties"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Type != "object" || doc.Schema == "" || doc.ID == "" {
				t.Fatalf("not a JSON Schema object: %s", rec.Body)
			}
			for _, name := range []string{"datetime", "event_type", "sub_event_type", "country", "admin1", "q", "geometry"} {
				if _, ok := doc.Properties[name]; !ok {
					t.Errorf("queryable %q missing", name)
				}
			}
			enum, _ := doc.Properties["event_type"]["enum"].([]any)
			if !slices.Contains(enum, any("Battles")) || len(enum) != 6 {
				t.Errorf("event_type enum = %v", enum)
			}
		})
	}
	if rec := serve(s, request{target: "/collections/nope/queryables"}); rec.Code != 404 {
		t.Errorf("unknown collection: status %d", rec.Code)
	}
	rec := serve(s, request{target: "/collections/incidents"})
	if !contains(rec.Body.String(), "/collections/incidents/queryables") {
		t.Errorf("collection document does not link its queryables: %s", rec.Body)
	}
}
