package geo

import (
	_ "embed"
	"strings"
	"sync"
)

// countryNamesTSV holds one country a line: the ISO 3166-1 alpha-2 code, a
// tab, then its names separated by "|" (the English name first, then other
// names GeoNames gives, among them the alpha-3 code). It is derived from
// the bundled gazetteer's country rows; countries_test.go regenerates it
// with -update.
//
//go:embed country_names.tsv
var countryNamesTSV string

// countryIndex maps lower-cased names and codes to alpha-2 codes, and
// alpha-2 codes to English names. Built once, never changed.
var countryIndex = sync.OnceValues(func() (byName map[string]string, english map[string]string) {
	byName, english = map[string]string{}, map[string]string{}
	for _, line := range strings.Split(countryNamesTSV, "\n") {
		code, names, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			continue
		}
		for i, n := range strings.Split(names, "|") {
			if i == 0 {
				english[code] = n
			}
			key := strings.ToLower(strings.TrimSpace(n))
			if _, taken := byName[key]; key != "" && !taken {
				byName[key] = code
			}
		}
		byName[strings.ToLower(code)] = code
	}
	return byName, english
})

// CountryCode turns a country name ("Ukraine", "Україна", "UKR") or an
// ISO 3166-1 alpha-2 code ("ua") into the alpha-2 code; ok is false for
// anything else.
func CountryCode(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	byName, _ := countryIndex()
	if c, found := byName[strings.ToLower(s)]; found {
		return c, true
	}
	if len(s) == 2 && isLetter(s[0]) && isLetter(s[1]) {
		return strings.ToUpper(s), true // a code the table lacks (user data may use it)
	}
	return "", false
}

// CountryName is the English name of an alpha-2 code, or "".
func CountryName(code string) string {
	_, english := countryIndex()
	return english[strings.ToUpper(code)]
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// ParseCountries reads a country filter: each value a name or an alpha-2
// code, returned as codes. The server's country parameter and the export
// command's --country flag both use it, so they accept the same values.
func ParseCountries(values []string) ([]string, error) {
	out := make([]string, 0, len(values))
	for _, v := range values {
		code, ok := CountryCode(v)
		if !ok {
			return nil, FieldError("country", "%q is neither a country name nor an ISO 3166-1 alpha-2 code; give a name such as Ukraine or a code such as UA", v)
		}
		out = append(out, code)
	}
	return out, nil
}
