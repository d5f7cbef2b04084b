package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// binaryVersion is stamped into the test binary so version output can be
// checked.
const binaryVersion = "v0.0.0-e2e"

// binaryPath is where TestMain builds the binary for this test process.
// It depends only on the process id, so tests need no shared variable.
func binaryPath() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("incidentmap-e2e-%d", os.Getpid()), "incidentmap")
}

// TestMain builds the binary once for every test in the package and
// removes it afterwards.
func TestMain(m *testing.M) {
	bin := binaryPath()
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		os.Exit(1)
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		gobin = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	build := exec.Command(gobin, "build", "-ldflags", "-X main.version="+binaryVersion, "-o", bin, "../cmd/incidentmap")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building the binary failed: %v\n%s", err, out)
		os.RemoveAll(filepath.Dir(bin))
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(filepath.Dir(bin))
	os.Exit(code)
}
