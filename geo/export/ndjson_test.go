package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestNDJSONRoundTrip(t *testing.T) {
	incs := sampleIncidents()
	var buf bytes.Buffer
	w := NewNDJSONWriter(&buf)
	for _, inc := range incs {
		if err := w.Write(inc); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	var got []geo.Incident
	for sc.Scan() {
		var inc geo.Incident
		if err := json.Unmarshal(sc.Bytes(), &inc); err != nil {
			t.Fatalf("line %d: %v", len(got)+1, err)
		}
		got = append(got, inc)
	}
	if len(got) != len(incs) {
		t.Fatalf("got %d lines, want %d", len(got), len(incs))
	}
	for i := range incs {
		want := incs[i]
		if want.Sources == nil {
			want.Sources = []geo.Source{}
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("line %d:\n got %+v\nwant %+v", i+1, got[i], want)
		}
	}
}
