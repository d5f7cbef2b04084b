package article

import (
	"bufio"
	"github.com/incidentmap/incidentmap/geo/seedtest"
	"os"
	"strings"
	"testing"
)

func TestReadSeedReportKeepsTextIntact(t *testing.T) {
	path := seedtest.Path(t, "drone-report.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := Read(path, f)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(arts) != 1 {
		t.Fatalf("got %d articles, want 1", len(arts))
	}
	// Without a header the text must be byte-for-byte the file, so that
	// offsets of mentions and quotes point into the original.
	if arts[0].Text != strings.TrimPrefix(string(raw), "\ufeff") {
		t.Fatal("article text differs from the file")
	}
	first, _ := bufio.NewReader(strings.NewReader(string(raw))).ReadString('\n')
	if arts[0].Title != strings.TrimSpace(first) {
		t.Fatalf("title %q, want the first line %q", arts[0].Title, strings.TrimSpace(first))
	}
	if !arts[0].Published.IsZero() {
		t.Fatalf("an undated text must leave published zero, got %s", arts[0].Published)
	}
}
