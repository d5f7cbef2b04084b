package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"
)

// readCities reads GeoNames cities500.txt, keeping the columns matching
// needs and alternate names in Latin or Cyrillic script only.
func readCities(path string) ([]row, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	latest := "" // the newest GeoNames modification date: the data's "as of" date
	for sc.Scan() {
		n++
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 19 {
			return nil, "", fmt.Errorf("%s:%d: %d columns, want 19", path, n, len(c))
		}
		id, err1 := strconv.ParseInt(c[0], 10, 64)
		lat, err2 := strconv.ParseFloat(c[4], 64)
		lon, err3 := strconv.ParseFloat(c[5], 64)
		pop, _ := strconv.ParseInt(c[14], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, "", fmt.Errorf("%s:%d: bad id or coordinates", path, n)
		}
		if c[18] > latest {
			latest = c[18]
		}
		rows = append(rows, row{
			ID: id, GeonameID: id, Name: c[1], ASCII: c[2], Alt: keepAltNames(c[1], c[2], c[3]),
			Code: c[7], Country: c[8], A1: c[10], A2: c[11], Population: pop, Lat: lat, Lon: lon,
		})
	}
	return rows, latest, sc.Err()
}

// keepAltNames drops names in scripts other than Latin and Cyrillic, codes
// (short all-capital tokens such as airport codes), names with digits, and
// duplicates of the main names.
func keepAltNames(name, ascii, list string) []string {
	if list == "" {
		return nil
	}
	seen := map[string]bool{name: true, ascii: true}
	var out []string
	for _, a := range strings.Split(list, ",") {
		a = strings.TrimSpace(a)
		if a == "" || seen[a] || !latinOrCyrillic(a) || isCode(a) {
			continue
		}
		seen[a] = true
		out = append(out, a)
	}
	return out
}

func latinOrCyrillic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
			return false
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isCode(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
