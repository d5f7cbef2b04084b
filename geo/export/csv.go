package export

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// csvColumns is the CSV header. Columns with an ACLED equivalent use ACLED's
// name (event_id stands in for ACLED's event_id_cnty and holds our incident
// id; country is the country name as ACLED writes it, with our ISO 3166-1
// alpha-2 code in iso2; admin1 is the region's name). The last six are
// incidentmap's own.
var csvColumns = [...]string{
	"event_id", "event_date", "time_precision", "event_type", "sub_event_type",
	"actor1", "actor2", "country", "iso2", "admin1", "admin2", "location",
	"latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
	"injured", "count", "count_unit", "geonameid", "fatalities_claimed_by",
}

// CSVHeader returns the CSV column names in order (a fresh copy).
func CSVHeader() []string { return append([]string(nil), csvColumns[:]...) }

// CSVWriter streams incidents as CSV with the CSVHeader columns.
//
// Spreadsheet safety: a text cell that starts with '=', '+', '-', '@', a tab
// or a carriage return is prefixed with a single quote (') so that Excel,
// LibreOffice and Google Sheets show it as text instead of evaluating it as
// a formula; article text is untrusted. Numeric columns (coordinates, counts)
// are written by us and are never prefixed, so negative longitudes stay
// numbers.
type CSVWriter struct {
	bw          *bufio.Writer
	w           *csv.Writer
	wroteHeader bool
	closed      bool
	row         []string
}

// NewCSVWriter starts a CSV export on w. The header is written with the
// first row, or by Close for an empty export.
func NewCSVWriter(w io.Writer) *CSVWriter {
	bw := bufio.NewWriterSize(w, 64<<10)
	return &CSVWriter{bw: bw, w: csv.NewWriter(bw), row: make([]string, len(csvColumns))}
}

// Write appends one incident as one row.
func (c *CSVWriter) Write(inc geo.Incident) error {
	if c.closed {
		return errors.New("export: write after close")
	}
	if err := c.header(); err != nil {
		return err
	}
	fillCSVRow(c.row, inc)
	return c.w.Write(c.row)
}

func (c *CSVWriter) header() error {
	if c.wroteHeader {
		return nil
	}
	c.wroteHeader = true
	return c.w.Write(csvColumns[:])
}

// Close writes the header if no row was written and flushes.
func (c *CSVWriter) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	if err := c.header(); err != nil {
		return err
	}
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.bw.Flush()
}

// fillCSVRow writes inc into row in csvColumns order.
func fillCSVRow(row []string, inc geo.Incident) {
	admin1 := inc.Admin1Name
	if admin1 == "" {
		admin1 = inc.Admin1
	}
	vals := [...]string{
		strconv.FormatInt(inc.ID, 10),
		inc.EventDate,
		strconv.Itoa(inc.TimePrecision),
		safeCell(inc.EventType),
		safeCell(inc.SubEventType),
		safeCell(inc.Actor1),
		safeCell(inc.Actor2),
		safeCell(CountryName(inc.Country)),
		safeCell(inc.Country),
		safeCell(admin1),
		safeCell(inc.Admin2),
		safeCell(inc.Location),
		strconv.FormatFloat(inc.Lat, 'f', -1, 64),
		strconv.FormatFloat(inc.Lon, 'f', -1, 64),
		strconv.Itoa(inc.GeoPrecision),
		safeCell(sourceCell(inc.Sources)),
		safeCell(inc.Quote),
		optionalInt(inc.Fatalities),
		optionalInt(inc.Injured),
		optionalInt(inc.Count),
		safeCell(inc.CountUnit),
		geonameID(inc.GeonameID),
		safeCell(inc.FatalitiesClaimedBy),
	}
	copy(row, vals[:])
}

// sourceCell joins each source's title and URL, sources separated by "; ".
func sourceCell(srcs []geo.Source) string {
	parts := make([]string, 0, len(srcs))
	for _, s := range srcs {
		var p string
		switch {
		case s.Title != "" && s.URL != "":
			p = s.Title + " (" + s.URL + ")"
		case s.Title != "":
			p = s.Title
		default:
			p = s.URL
		}
		if p == "" && !s.Published.IsZero() {
			p = s.Published.UTC().Format(time.DateOnly)
		}
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "; ")
}

// safeCell defuses spreadsheet formulas; see CSVWriter.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func optionalInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func geonameID(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
