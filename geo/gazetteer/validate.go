package gazetteer

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
)

// Limits on user entries, generous for real names and tight enough to keep
// junk out.
const (
	maxNameLen      = 200
	maxAltNames     = 50
	maxPopulation   = 100_000_000
	maxSourceLength = 500
)

// featureCodes are the GeoNames feature codes a user entry may carry.
var featureCodes = map[string]bool{
	"PPL": true, "PPLA": true, "PPLA2": true, "PPLA3": true, "PPLA4": true, "PPLA5": true,
	"PPLC": true, "PPLX": true, "PPLL": true, "PPLS": true, "PPLF": true, "PPLR": true,
	"PPLQ": true, "PPLH": true, "PPLW": true, "STLMT": true, "PPLG": true,
	"ADM1": true, "ADM2": true, "ADM3": true, "ADM4": true, "PCLI": true, "CONT": true,
}

// Validate checks a user entry and normalises its codes to upper case. Each
// failure is a *geo.Error naming the field.
func (ix *Index) Validate(p *geo.Place) error {
	p.Name = strings.TrimSpace(p.Name)
	p.Country = strings.ToUpper(strings.TrimSpace(p.Country))
	p.FeatureCode = strings.ToUpper(strings.TrimSpace(p.FeatureCode))
	p.Admin1 = strings.TrimSpace(p.Admin1)
	if p.FeatureCode == "" {
		p.FeatureCode = "PPL"
	}
	switch {
	case p.Name == "":
		return geo.FieldError("name", "must not be empty")
	case utf8.RuneCountInString(p.Name) > maxNameLen:
		return geo.FieldError("name", "must be at most %d characters", maxNameLen)
	case !utf8.ValidString(p.Name):
		return geo.FieldError("name", "must be valid UTF-8")
	case hasControl(p.Name) || hasControl(p.Admin1Name) || hasControl(p.Admin2Name) || hasControl(p.Source):
		return geo.FieldError(controlField(p), "must not contain control characters such as NUL")
	case p.GeonameID < 0 || p.GeonameID >= geo.UserIDBase:
		return geo.FieldError("geonameid", "must be a GeoNames id from 1 to %d, or 0 for none", geo.UserIDBase-1)
	case len(p.AlternateNames) > maxAltNames:
		return geo.FieldError("alternate_names", "at most %d names", maxAltNames)
	case math.IsNaN(p.Lat) || p.Lat < -90 || p.Lat > 90:
		return geo.FieldError("lat", "must be between -90 and 90")
	case math.IsNaN(p.Lon) || p.Lon < -180 || p.Lon > 180:
		return geo.FieldError("lon", "must be between -180 and 180")
	case !featureCodes[p.FeatureCode]:
		return geo.FieldError("feature_code", "unknown feature code %q (use e.g. PPL, PPLA, ADM1, ADM2)", p.FeatureCode)
	case p.Population < 0 || p.Population > maxPopulation:
		return geo.FieldError("population", "must be between 0 and %d", maxPopulation)
	case utf8.RuneCountInString(p.Source) > maxSourceLength:
		return geo.FieldError("source", "must be at most %d characters", maxSourceLength)
	}
	if _, ok := ix.Country(p.Country); !ok {
		return geo.FieldError("country", "unknown ISO 3166-1 alpha-2 code %q", p.Country)
	}
	if p.Admin1 != "" {
		if _, ok := ix.Admin1(p.Country + "." + p.Admin1); !ok {
			return geo.FieldError("admin1", "no admin1 division %q in %s", p.Admin1, p.Country)
		}
	}
	for i, a := range p.AlternateNames {
		a = strings.TrimSpace(a)
		if a == "" || utf8.RuneCountInString(a) > maxNameLen || !utf8.ValidString(a) || hasControl(a) {
			return geo.FieldError("alternate_names", "name %d must be 1 to %d characters of text without control characters", i+1, maxNameLen)
		}
		p.AlternateNames[i] = a
	}
	return nil
}

// hasControl reports whether a name holds a control character; names are
// one line, so tabs and newlines count too.
func hasControl(s string) bool {
	if _, bad := geo.ControlChar(s); bad {
		return true
	}
	return strings.ContainsAny(s, "\t\n\r")
}

// controlField names the first field of p that holds a control character.
func controlField(p *geo.Place) string {
	switch {
	case hasControl(p.Name):
		return "name"
	case hasControl(p.Admin1Name):
		return "admin1_name"
	case hasControl(p.Admin2Name):
		return "admin2_name"
	}
	return "source"
}
