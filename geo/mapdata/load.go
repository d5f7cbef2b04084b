package mapdata

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Place is one named point the map can label.
type Place struct {
	Name        string
	FeatureCode string
	Country     string
	Admin1      string
	Population  int64
	Lat, Lon    float64
}

// Map holds the labelled places, best first, and the admin1 names.
type Map struct {
	places  []Place // settlements, most important first
	regions []Place // ADM1 entries, most populous first
	waters  []Place // seas, gulfs, straits and lakes, widest kind first
	admin1  map[string]string
	near    *pointGrid
}

// Load reads the bundled gazetteer rows (places.tsv, gzipped or not; the
// columns of geo/gazetteer.Load) and keeps the settlements and admin1
// regions.
func Load(r io.Reader) (*Map, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, _ := br.Peek(2); bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("mapdata: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	var places []Place
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		p, ok, err := parseRow(text)
		if err != nil {
			return nil, fmt.Errorf("mapdata: line %d: %w", line, err)
		}
		if ok {
			places = append(places, p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("mapdata: %w", err)
	}
	return New(places), nil
}

// New builds a Map from places (settlements, ADM1 entries and bodies of
// water; other feature codes are ignored).
func New(places []Place) *Map {
	m := &Map{admin1: map[string]string{}}
	for _, p := range places {
		switch {
		case p.FeatureCode == "ADM1":
			m.regions = append(m.regions, p)
			m.admin1[p.Country+"."+p.Admin1] = p.Name
		case waterZooms[p.FeatureCode] != [2]int{}:
			m.waters = append(m.waters, p)
		case labelled(p.FeatureCode):
			m.places = append(m.places, p)
		}
	}
	sort.SliceStable(m.places, func(i, j int) bool { return importance(m.places[i]) > importance(m.places[j]) })
	sort.SliceStable(m.regions, func(i, j int) bool { return m.regions[i].Population > m.regions[j].Population })
	sort.SliceStable(m.waters, func(i, j int) bool {
		return waterZooms[m.waters[i].FeatureCode][0] < waterZooms[m.waters[j].FeatureCode][0]
	})
	m.near = newPointGrid(m.places)
	return m
}

// Admin1Name is the name of the admin1 region "CC.CODE", or "".
func (m *Map) Admin1Name(country, admin1 string) string {
	return m.admin1[country+"."+admin1]
}

// labelled says which feature codes are settlements worth a label:
// populated places that exist today.
func labelled(code string) bool {
	switch code {
	case "PPLH", "PPLQ", "PPLW", "PPLCH":
		return false
	}
	return strings.HasPrefix(code, "PPL") || code == "STLMT"
}

// importance orders labels: capitals, then regional capitals, then by
// population.
func importance(p Place) float64 {
	score := float64(p.Population)
	switch p.FeatureCode {
	case "PPLC":
		score += 1e9
	case "PPLA":
		score *= 2
	case "PPLX":
		score /= 10
	}
	return score
}

func parseRow(text string) (Place, bool, error) {
	c := strings.Split(text, "\t")
	if len(c) != 12 {
		return Place{}, false, fmt.Errorf("%d columns, want 12", len(c))
	}
	code := c[5]
	if code != "ADM1" && !labelled(code) && waterZooms[code] == [2]int{} {
		return Place{}, false, nil
	}
	pop, e1 := strconv.ParseInt(c[9], 10, 64)
	lat, e2 := strconv.ParseFloat(c[10], 64)
	lon, e3 := strconv.ParseFloat(c[11], 64)
	if err := errors.Join(e1, e2, e3); err != nil {
		return Place{}, false, err
	}
	return Place{Name: c[2], FeatureCode: code, Country: c[6], Admin1: c[7], Population: pop, Lat: lat, Lon: lon}, true, nil
}
