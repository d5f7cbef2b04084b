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
	return Shared(tb, "seed", name)
}

// Shared returns the path of shared/dir/name (the seed, the public
// corpora), walking up from the test's directory, or skips the test with a
// message when there is no such file.
func Shared(tb testing.TB, sub, name string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip(err)
	}
	for {
		p := filepath.Join(dir, "shared", sub, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skipf("shared/%s/%s not present: skipped", sub, name)
		}
		dir = parent
	}
}
