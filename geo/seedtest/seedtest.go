// Package seedtest finds the shared seed report for tests. The seed lives
// beside the repository (../shared/seed), not in it: tests read it when it
// is there and skip cleanly when it is not.
package seedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the path of shared/seed/name, walking up from the test's
// directory, or skips the test when there is no such file.
func Path(tb testing.TB, name string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip(err)
	}
	for {
		p := filepath.Join(dir, "shared", "seed", name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("seed %s not present", name)
		}
		dir = parent
	}
}
