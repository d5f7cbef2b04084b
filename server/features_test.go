package server

import (
	"encoding/json"
	"github.com/incidentmap/incidentmap/geo/export"
	"reflect"
	"testing"
)

// TestPointFeatureJSONMatchesOrb checks the fast encoder writes the same
// GeoJSON as orb's MarshalJSON.
func TestPointFeatureJSONMatchesOrb(t *testing.T) {
	for _, in := range sampleIncidents(5) {
		f := export.Feature(in)
		fast, err := pointFeatureJSON[export.Properties]{f}.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		slow, err := f.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var a, b any
		if err := json.Unmarshal(fast, &a); err != nil {
			t.Fatalf("fast output is not JSON: %v: %s", err, fast)
		}
		if err := json.Unmarshal(slow, &b); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("fast %s\n orb %s", fast, slow)
		}
	}
}
