package server

import (
	"encoding/json"
	"testing"
)

// Every endpoint the map page uses is in the OpenAPI document.
func TestOpenAPIListsTheMapEndpoints(t *testing.T) {
	rec := serve(mustServer(t, Config{}, testDeps()), request{target: "/api"})
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for path, method := range map[string]string{
		"/collections/{collectionId}/queryables": "get",
		"/api/articles":                          "get",
		"/api/labels":                            "get",
		"/api/reverse":                           "get",
		"/api/regions/{country}":                 "get",
		"/api/clusters":                          "get",
	} {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("%s %s is not documented", method, path)
		}
	}
	if _, ok := doc.Paths["/api/articles"]["post"]; !ok {
		t.Error("POST /api/articles lost")
	}
}
