package server

import (
	"regexp"
	"strings"
)

// admin1Param is an admin1 region as the page sends it: the country code,
// a dot and the GeoNames admin1 code ("UA.05").
var admin1Param = regexp.MustCompile(`^[A-Z]{2}\.[0-9A-Z]{1,20}$`)

// parseAdmin1 reads the admin1 filter: "" for none, else "CC.CODE".
func parseAdmin1(s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || admin1Param.MatchString(s) {
		return s, nil
	}
	return "", paramError(paramAdmin1, "must be a country code, a dot and an admin1 code, e.g. UA.05")
}
