package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/export"
)

func exportHelp() helpText {
	return helpText{
		usage: "export [flags]",
		about: `Writes stored incidents, newest first, as a GeoJSON FeatureCollection, as
CSV with ACLED's column names (event_date, event_type, sub_event_type,
actor1, country, admin1, location, latitude, longitude, geo_precision,
time_precision, source, notes, fatalities, ...) so it loads beside ACLED
data, or as newline-delimited JSON. Filters are those of the API:
--bbox west,south,east,north and --datetime (an instant, start/end, ../end
or start/..). CSV text cells starting with = + - or @ are prefixed with '
so spreadsheets do not run them as formulas.`,
		examples: []string{
			"incidentmap export > incidents.geojson",
			"incidentmap export --format csv --country UA,RU --datetime 2024-03-01/.. -o march.csv",
			"incidentmap export --format ndjson --bbox 30,44,41,53 --event-type 'Explosions/Remote violence'",
		},
	}
}

// exportPageSize is how many incidents each store query returns.
const exportPageSize = 1000

func (a *app) cmdExport(cfg Config, args []string) error {
	fs := newFlagSet("export")
	registerConfigFlags(fs, &cfg, flagsDB)
	format := fs.String("format", export.FormatGeoJSON, "output `format`: "+strings.Join(export.Formats(), ", "))
	bbox := fs.String("bbox", "", "only incidents inside `west,south,east,north` (degrees)")
	datetime := fs.String("datetime", "", "only incidents in this `interval`: 2024-03-01, 2024-03-01/2024-03-31, ../2024-03-31, 2024-03-01/..")
	var eventTypes, countries listFlag
	fs.Var(&eventTypes, "event-type", "only these ACLED event `types` (comma-separated or repeated)")
	fs.Var(&countries, "country", "only these ISO 3166-1 alpha-2 `codes` (comma-separated or repeated)")
	limit := fs.Int("limit", 0, "write at most `n` incidents (0 = all)")
	outPath := fs.String("o", "", "write to `file` instead of standard output")
	rest, err := a.parseFlags(fs, args, exportHelp())
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("unexpected argument %q", rest[0])
	}
	filter, err := exportFilter(*bbox, *datetime, eventTypes, countries)
	if err != nil {
		return err
	}
	if *limit < 0 {
		return usageErrorf("--limit must not be negative")
	}
	if _, err := export.NewWriter(*format, io.Discard); err != nil {
		return usageErrorf("--format: %s", messageOf(err))
	}
	st, err := a.deps.openStore(cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	out, err := openOutput(*outPath, a.stdout)
	if err != nil {
		return err
	}
	n, err := a.writeIncidents(st, filter, *format, *limit, out)
	if err != nil {
		out.abort()
		return err
	}
	if err := out.commit(); err != nil {
		return err
	}
	if *outPath != "" {
		fmt.Fprintf(a.stderr, "exported %d incidents to %s\n", n, *outPath)
	}
	return nil
}

// exportFilter checks the filter flags; a bad value is a usage error.
func exportFilter(bbox, datetime string, eventTypes, countries []string) (geo.IncidentFilter, error) {
	var f geo.IncidentFilter
	var err error
	if f.BBox, err = geo.ParseBBox(bbox); err != nil {
		return f, usageErrorf("--bbox: %s", messageOf(err))
	}
	if f.From, f.To, err = geo.ParseDatetime(datetime); err != nil {
		return f, usageErrorf("--datetime: %s", messageOf(err))
	}
	// The same checks as the API's event_type and country parameters.
	if f.EventType, err = geo.ParseEventTypes(eventTypes); err != nil {
		return f, usageErrorf("--event-type: %s", messageOf(err))
	}
	if f.Country, err = geo.ParseCountries(countries); err != nil {
		return f, usageErrorf("--country: %s", messageOf(err))
	}
	return f, nil
}

func isASCIILetters(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// writeIncidents pages through the store by keyset and streams every
// matching incident into the writer.
func (a *app) writeIncidents(st incidentStore, f geo.IncidentFilter, format string, limit int, out *output) (int, error) {
	w, err := export.NewWriter(format, out)
	if err != nil {
		return 0, err
	}
	f.Limit = exportPageSize
	var bar *progress
	written := 0
	for {
		if err := a.ctx.Err(); err != nil {
			return written, err
		}
		page, total, err := st.Incidents(a.ctx, f)
		if err != nil {
			return written, err
		}
		if bar == nil {
			bar = newProgress(a.stderr, a.stderrTTY && total > exportPageSize, total, "incidents")
			defer bar.Finish()
		}
		for _, inc := range page {
			if limit > 0 && written == limit {
				return written, w.Close()
			}
			if err := w.Write(inc); err != nil {
				return written, err
			}
			written++
		}
		bar.Add(len(page))
		if len(page) < exportPageSize {
			return written, w.Close()
		}
		last := page[len(page)-1]
		next := &geo.Cursor{EventDate: last.EventDate, ID: last.ID}
		if f.After != nil && *f.After == *next {
			return written, fmt.Errorf("export: the store returned the same page twice")
		}
		f.After = next
	}
}

// output is standard output or a file written under a temporary name and
// renamed on success, so a failed export never leaves a truncated file.
type output struct {
	io.Writer
	file *os.File
	dest string
}

func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" || path == "-" {
		return &output{Writer: stdout}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &output{Writer: f, file: f, dest: path}, nil
}

func (o *output) commit() error {
	if o.file == nil {
		return nil
	}
	if err := o.file.Chmod(0o644); err != nil {
		o.abort()
		return err
	}
	if err := o.file.Close(); err != nil {
		os.Remove(o.file.Name())
		return err
	}
	return os.Rename(o.file.Name(), o.dest)
}

func (o *output) abort() {
	if o.file != nil {
		o.file.Close()
		os.Remove(o.file.Name())
	}
}
