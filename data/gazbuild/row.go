package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"sort"
	"strconv"
	"strings"
)

// row is one gazetteer entry as written to places.tsv.gz. The column order
// is the contract with geo/gazetteer's loader.
type row struct {
	ID, GeonameID         int64
	Name, ASCII           string
	Alt                   []string
	Code, Country, A1, A2 string
	Population            int64
	Lat, Lon              float64
}

// Synthetic id ranges for entries GeoNames' packages give no id for.
const (
	idContinent = 899_999_000
	idCountry   = 900_000_000
	idAdmin1    = 901_000_000
	idAdmin2    = 902_000_000
)

func encodeRows(rows []row) []byte {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].ID < rows[j].ID })
	var b bytes.Buffer
	b.WriteString("# id\tgeonameid\tname\tasciiname\talternatenames\tfeature_code\tcountry\tadmin1\tadmin2\tpopulation\tlat\tlon\n")
	for _, r := range rows {
		cols := []string{
			strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.GeonameID, 10),
			clean(r.Name), clean(r.ASCII), clean(strings.Join(r.Alt, "|")),
			r.Code, r.Country, r.A1, r.A2, strconv.FormatInt(r.Population, 10),
			strconv.FormatFloat(r.Lat, 'f', 5, 64), strconv.FormatFloat(r.Lon, 'f', 5, 64),
		}
		b.WriteString(strings.Join(cols, "\t"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// writeGzip writes data compressed with a fixed header (no name, no time),
// so the output depends only on the input.
func writeGzip(path string, data []byte) error {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
