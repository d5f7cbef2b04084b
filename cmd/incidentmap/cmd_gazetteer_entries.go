package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

func nonNilPlaces(ps []geo.Place) []geo.Place {
	if ps == nil {
		return []geo.Place{}
	}
	return ps
}

func gazetteerAddHelp() helpText {
	return helpText{
		usage: "gazetteer add --name NAME --lat LAT --lon LON --country CC [flags]",
		about: "Adds one entry to your gazetteer (kept in the store; a running server sees it at once).",
		examples: []string{
			"incidentmap gazetteer add --name Krasnohorivka --lat 48.01 --lon 37.51 --country UA --admin1 05 --admin1-name Donetsk",
			"incidentmap gazetteer add --name 'Camp Alpha' --lat 15.6 --lon 32.5 --country SD --feature-code MILB --alt 'Alpha camp,Camp A'",
		},
	}
}

func (a *app) cmdGazetteerAdd(cfg Config, args []string) error {
	fs := newFlagSet("gazetteer add")
	registerConfigFlags(fs, &cfg, flagsDB)
	var p geo.Place
	var alt listFlag
	fs.StringVar(&p.Name, "name", "", "the place's `name` (required)")
	fs.Float64Var(&p.Lat, "lat", math.NaN(), "latitude in degrees (required)")
	fs.Float64Var(&p.Lon, "lon", math.NaN(), "longitude in degrees (required)")
	fs.StringVar(&p.Country, "country", "", "ISO 3166-1 alpha-2 `code` (required)")
	fs.StringVar(&p.Admin1, "admin1", "", "GeoNames admin1 `code` within the country, e.g. 05")
	fs.StringVar(&p.Admin1Name, "admin1-name", "", "admin1 region `name`, e.g. Donetsk")
	fs.StringVar(&p.FeatureCode, "feature-code", "PPL", "GeoNames feature `code`")
	fs.Int64Var(&p.Population, "population", 0, "population, used to rank candidates")
	fs.Var(&alt, "alt", "alternate `names` (comma-separated or repeated)")
	rest, err := a.parseFlags(fs, args, gazetteerAddHelp())
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("unexpected argument %q (use --name)", rest[0])
	}
	p.AlternateNames = alt
	p.Country = strings.ToUpper(p.Country)
	if err := validatePlace(p); err != nil {
		return usageErrorf("%s", err)
	}
	st, err := a.deps.openStore(cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	added, err := st.AddPlaces(a.ctx, []geo.Place{p})
	if err != nil {
		return err
	}
	for _, ap := range added {
		fmt.Fprintf(a.stdout, "added %s\n", placeLine(ap))
	}
	return a.reresolveAdded(cfg, st, added)
}

// validatePlace checks a user entry before it reaches the store.
func validatePlace(p geo.Place) error {
	switch {
	case strings.TrimSpace(p.Name) == "":
		return fmt.Errorf("--name is required")
	case math.IsNaN(p.Lat) || p.Lat < -90 || p.Lat > 90:
		return fmt.Errorf("--lat is required, within -90..90")
	case math.IsNaN(p.Lon) || p.Lon < -180 || p.Lon > 180:
		return fmt.Errorf("--lon is required, within -180..180")
	case len(p.Country) != 2 || !isASCIILetters(p.Country):
		return fmt.Errorf("--country must be an ISO 3166-1 alpha-2 code such as UA")
	case p.Population < 0:
		return fmt.Errorf("--population must not be negative")
	case p.GeonameID < 0 || p.GeonameID >= geo.UserIDBase:
		return fmt.Errorf("geonameid must be a GeoNames id (1 to %d) or 0", geo.UserIDBase-1)
	}
	for _, name := range append([]string{p.Name, p.Admin1Name, p.Admin2Name}, p.AlternateNames...) {
		if _, bad := geo.ControlChar(name); bad || strings.ContainsAny(name, "\t\n\r") {
			return fmt.Errorf("--name %q must not contain control characters", name)
		}
	}
	return nil
}

func gazetteerImportHelp() helpText {
	return helpText{
		usage: "gazetteer import [flags] FILE|-",
		about: `Adds many entries to your gazetteer: a GeoNames dump in its tab-separated
format (allCountries.txt, cities500.txt, a country file such as UA.txt), or
a JSON array of entries as written by "gazetteer export" (chosen by the
.json extension). A dump may be gzipped (.gz) or zipped (.zip, the first
.txt inside is read), as GeoNames publishes them; a zip must be given by
file name, not on standard input. A truncated or corrupt archive, or a file
in which no line is a GeoNames row, is an error; malformed lines are
skipped, listed (the first 100) and counted in the summary.`,
		examples: []string{
			"incidentmap gazetteer import cities500.txt",
			"incidentmap gazetteer import allCountries.zip",
			"incidentmap gazetteer import my-places.json",
		},
	}
}

// importBatch is how many entries go to the store per call.
const importBatch = 5000

func (a *app) cmdGazetteerImport(cfg Config, args []string) error {
	fs := newFlagSet("gazetteer import")
	registerConfigFlags(fs, &cfg, flagsDB)
	rest, err := a.parseFlags(fs, args, gazetteerImportHelp())
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErrorf("want exactly one FILE (or - for standard input)")
	}
	r, closeIn, err := a.openIn(rest[0])
	if err != nil {
		return err
	}
	defer closeIn()
	st, err := a.deps.openStore(cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := newProgress(a.stderr, a.stderrTTY, 0, "places")
	defer bar.Finish()
	var batch []geo.Place
	total, malformed := 0, 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := st.AddPlaces(a.ctx, batch); err != nil {
			return err
		}
		total += len(batch)
		bar.Add(len(batch))
		batch = batch[:0]
		return nil
	}
	add := func(p geo.Place) error {
		if err := a.ctx.Err(); err != nil {
			return err
		}
		batch = append(batch, p)
		if len(batch) >= importBatch {
			return flush()
		}
		return nil
	}
	if strings.EqualFold(filepath.Ext(rest[0]), ".json") {
		err = readPlacesJSON(r, add)
	} else {
		malformed, err = a.deps.readGeoNames(r, add, func(line int, err error) {
			if line > 0 {
				fmt.Fprintf(a.stderr, "incidentmap: gazetteer import: %s:%d: %v (skipped)\n", rest[0], line, err)
			} else {
				fmt.Fprintf(a.stderr, "incidentmap: gazetteer import: %s: %v\n", rest[0], err)
			}
		})
	}
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("%s: %w (%d entries imported before the error)", rest[0], err, total)
	}
	bar.Finish()
	fmt.Fprintf(a.stdout, "imported %d places, skipped %d malformed lines\n", total, malformed)
	return a.reresolveUnresolved(cfg, st)
}

// readPlacesJSON reads a JSON array of entries, checking each. An entry
// without lat or lon is an error, not a place at 0,0.
func readPlacesJSON(r io.Reader, fn func(geo.Place) error) error {
	var raws []json.RawMessage
	if err := json.NewDecoder(bufio.NewReader(r)).Decode(&raws); err != nil {
		return fmt.Errorf("not a JSON array of places: %w", err)
	}
	for i, raw := range raws {
		var p geo.Place
		var coords struct {
			Lat *float64 `json:"lat"`
			Lon *float64 `json:"lon"`
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			return fmt.Errorf("entry %d: %w", i+1, err)
		}
		_ = json.Unmarshal(raw, &coords)
		err := validatePlace(p)
		switch {
		case coords.Lat == nil:
			err = fmt.Errorf("lat is required")
		case coords.Lon == nil:
			err = fmt.Errorf("lon is required")
		}
		if err != nil {
			return fmt.Errorf("entry %d (%q): %s", i+1, p.Name, strings.TrimPrefix(err.Error(), "--"))
		}
		p.ID = 0 // the store assigns ids
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

func gazetteerExportHelp() helpText {
	return helpText{
		usage:    "gazetteer export [flags]",
		about:    `Writes your gazetteer entries as a JSON array (re-importable with "gazetteer import").`,
		examples: []string{"incidentmap gazetteer export -o my-places.json"},
	}
}

func (a *app) cmdGazetteerExport(cfg Config, args []string) error {
	fs := newFlagSet("gazetteer export")
	registerConfigFlags(fs, &cfg, flagsDB)
	outPath := fs.String("o", "", "write to `file` instead of standard output")
	rest, err := a.parseFlags(fs, args, gazetteerExportHelp())
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("unexpected argument %q", rest[0])
	}
	st, err := a.deps.openStore(cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	places, err := st.UserPlaces(a.ctx)
	if err != nil {
		return err
	}
	out, err := openOutput(*outPath, a.stdout)
	if err != nil {
		return err
	}
	if err := writeJSON(out, nonNilPlaces(places), true); err != nil {
		out.abort()
		return err
	}
	return out.commit()
}

// openIn opens a named file, or standard input for "-".
func (a *app) openIn(name string) (io.Reader, func(), error) {
	if name == "-" {
		return a.stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}
