package main

import (
	"os"
	"reflect"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/mapdata"
)

// TestBundledMapMatchesTheGazetteerRows checks that the map built from the
// packed gazetteer labels and places points exactly as one read from the
// gazetteer rows.
func TestBundledMapMatchesTheGazetteerRows(t *testing.T) {
	f, err := os.Open("../../data/gazetteer/places.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want, err := mapdata.Load(f)
	if err != nil {
		t.Fatal(err)
	}
	got, err := bundledMap()
	if err != nil {
		t.Fatal(err)
	}
	boxes := []geo.BBox{{West: -180, South: -90, East: 180, North: 90}, {West: 22, South: 44, East: 41, North: 53},
		{West: 35, South: 48.6, East: 38.3, North: 50.4}, {West: -10, South: 35, East: 30, North: 60}}
	if len(want.Labels(boxes[1], 5)) == 0 {
		t.Fatal("no labels over Ukraine: the comparison would say nothing")
	}
	for _, b := range boxes {
		for _, zoom := range []int{2, 5, 8, 11} {
			if g, w := got.Labels(b, zoom), want.Labels(b, zoom); !reflect.DeepEqual(g, w) {
				t.Errorf("Labels(%v, %d) differ: %d labels, want %d", b, zoom, len(g), len(w))
			}
		}
	}
	for lat := -50.0; lat <= 70; lat += 7.3 {
		for lon := -120.0; lon <= 150; lon += 9.1 {
			g, gok := got.Reverse(lat, lon)
			w, wok := want.Reverse(lat, lon)
			if gok != wok || !reflect.DeepEqual(g, w) {
				t.Errorf("Reverse(%g, %g) = %v %v, want %v %v", lat, lon, g, gok, w, wok)
			}
		}
	}
	if g, w := got.Admin1Name("UA", "07"), want.Admin1Name("UA", "07"); g != w || g == "" {
		t.Errorf("Admin1Name(UA, 07) = %q, want %q", g, w)
	}
}
