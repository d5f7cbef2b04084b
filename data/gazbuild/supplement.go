package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

const idSupplement = 903_000_000

// readSupplement reads data/supplement.tsv: curated settlements below the
// cities500 threshold, one per row, with a header line and a source column.
func readSupplement(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 || strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 11 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 11", path, n, len(c))
		}
		gid, err1 := strconv.ParseInt(c[0], 10, 64)
		lat, err2 := strconv.ParseFloat(c[3], 64)
		lon, err3 := strconv.ParseFloat(c[4], 64)
		pop, err4 := strconv.ParseInt(c[9], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return nil, fmt.Errorf("%s:%d: bad number", path, n)
		}
		id := gid
		if id == 0 {
			id = idSupplement + int64(n)
		}
		var alt []string
		if c[2] != "" {
			alt = strings.Split(c[2], ",")
		}
		rows = append(rows, row{ID: id, GeonameID: gid, Name: c[1], ASCII: c[1], Alt: alt,
			Lat: lat, Lon: lon, Code: c[5], Country: c[6], A1: c[7], A2: c[8], Population: pop})
	}
	return rows, sc.Err()
}
