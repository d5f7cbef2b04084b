package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

func gazetteerHelp() helpText {
	return helpText{
		usage: "gazetteer search|add|import|export|unresolved|stats [flags] [arguments]",
		about: `Works with the gazetteer, the place-name index the geoparser resolves
names with: the bundled GeoNames-derived data plus your own entries, which
are kept in the store (--db); a server running on that store sees them at once.

  search NAME     ranked candidates for a name
  add             add an entry (a village missing from the bundled data)
  import FILE     add many entries: a GeoNames dump (allCountries.txt,
                  cities500.txt, ...) or a JSON array written by export
  export          write your entries as a JSON array
  unresolved      names the articles mark as places that the gazetteer lacks
  stats           entries per country and feature class (coverage)`,
		examples: []string{
			"incidentmap gazetteer search Vodiane",
			"incidentmap gazetteer add --name Krasnohorivka --lat 48.01 --lon 37.51 --country UA --admin1 05",
			"incidentmap gazetteer import cities500.txt",
			"incidentmap gazetteer export -o my-places.json",
			"incidentmap gazetteer unresolved",
			"incidentmap gazetteer import UA.zip && incidentmap gazetteer stats --country UA",
		},
	}
}

func (a *app) cmdGazetteer(cfg Config, args []string) error {
	if len(args) == 0 {
		return usageErrorf("missing subcommand: search, add, import, export, unresolved or stats")
	}
	switch args[0] {
	case "search":
		return a.cmdGazetteerSearch(cfg, args[1:])
	case "add":
		return a.cmdGazetteerAdd(cfg, args[1:])
	case "import":
		return a.cmdGazetteerImport(cfg, args[1:])
	case "export":
		return a.cmdGazetteerExport(cfg, args[1:])
	case "unresolved":
		return a.cmdGazetteerUnresolved(cfg, args[1:])
	case "stats":
		return a.cmdGazetteerStats(cfg, args[1:])
	case "-h", "-help", "--help", "help":
		printHelp(a.stdout, newFlagSet("gazetteer"), gazetteerHelp())
		return errHelp
	}
	return usageErrorf("unknown subcommand %q (want search, add, import, export, unresolved or stats)", args[0])
}

func gazetteerSearchHelp() helpText {
	return helpText{
		usage: "gazetteer search [flags] NAME",
		about: `Prints the gazetteer entries matching NAME, best first, one per line; with
--json, a JSON array of entries (name, geonameid, feature_code, country,
admin1, admin1_name, lat, lon, population, id, alternate_names).`,
		examples: []string{
			"incidentmap gazetteer search Rostov",
			"incidentmap gazetteer search --json --limit 3 'Kryvyi Rih'",
		},
	}
}

func (a *app) cmdGazetteerSearch(cfg Config, args []string) error {
	fs := newFlagSet("gazetteer search")
	registerConfigFlags(fs, &cfg, flagsDB)
	jsonOut := fs.Bool("json", false, "print a JSON array")
	limit := fs.Int("limit", 10, "at most `n` candidates")
	rest, err := a.parseFlags(fs, args, gazetteerSearchHelp())
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(rest, " "))
	if query == "" {
		return usageErrorf("missing NAME to search for")
	}
	if *limit < 1 {
		return usageErrorf("--limit must be at least 1")
	}
	gz, err := a.readGazetteer(cfg.DB, true)
	if err != nil {
		return err
	}
	places := gz.Search(query, *limit)
	if *jsonOut {
		return writeJSON(a.stdout, nonNilPlaces(places), false)
	}
	if len(places) == 0 {
		fmt.Fprintf(a.stderr, "no place matches %q\n", query)
	}
	for _, p := range places {
		fmt.Fprintln(a.stdout, placeLine(p))
	}
	return nil
}

// placeLine is one search result for people, e.g.
// "Vodiane  PPL  Donetsk, UA  48.0900,37.6300  pop 1200  geonameid 700000".
func placeLine(p geo.Place) string {
	region := p.Country
	if p.Admin1Name != "" {
		region = p.Admin1Name + ", " + p.Country
	}
	line := fmt.Sprintf("%s  %s  %s  %.4f,%.4f", p.Name, p.FeatureCode, region, p.Lat, p.Lon)
	if p.Population > 0 {
		line += fmt.Sprintf("  pop %d", p.Population)
	}
	switch {
	case p.ID >= geo.UserIDBase:
		line += fmt.Sprintf("  user entry %d", p.ID)
	case p.GeonameID != 0:
		line += fmt.Sprintf("  geonameid %d", p.GeonameID)
	case p.ID != 0:
		line += fmt.Sprintf("  id %d", p.ID)
	}
	return line
}

// writeJSON encodes v on one line, or indented.
func writeJSON(w io.Writer, v any, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}
