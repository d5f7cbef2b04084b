package gazetteer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// ImportSource marks entries that came from an imported GeoNames dump.
const ImportSource = "geonames import"

// ParseGeoNamesLine parses one line of a GeoNames dump (allCountries.txt, a
// country file such as UA.txt, or cities*.txt): 19 tab-separated columns.
func ParseGeoNamesLine(line string) (geo.Place, error) {
	line = strings.TrimRight(line, "\r\n")
	c := strings.Split(line, "\t")
	if len(c) != 19 {
		return geo.Place{}, fmt.Errorf("gazetteer: %d columns, want 19", len(c))
	}
	id, err := strconv.ParseInt(c[0], 10, 64)
	if err != nil || id <= 0 || id >= geo.UserIDBase {
		return geo.Place{}, fmt.Errorf("gazetteer: bad geonameid %q", c[0])
	}
	if c[1] == "" {
		return geo.Place{}, errors.New("gazetteer: empty name")
	}
	lat, err1 := strconv.ParseFloat(c[4], 64)
	lon, err2 := strconv.ParseFloat(c[5], 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return geo.Place{}, fmt.Errorf("gazetteer: bad coordinates %q, %q", c[4], c[5])
	}
	var pop int64
	if c[14] != "" {
		if pop, err = strconv.ParseInt(c[14], 10, 64); err != nil || pop < 0 {
			return geo.Place{}, fmt.Errorf("gazetteer: bad population %q", c[14])
		}
	}
	var alt []string
	if c[3] != "" {
		alt = strings.Split(c[3], ",")
	}
	return geo.Place{
		ID: id, GeonameID: id, Name: c[1], ASCIIName: c[2], AlternateNames: alt,
		FeatureClass: c[6], FeatureCode: c[7], Country: c[8], Admin1: c[10], Admin2: c[11],
		Population: pop, Lat: lat, Lon: lon, Source: ImportSource,
	}, nil
}
