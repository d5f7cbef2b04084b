package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeClock advances by step on every call.
func fakeClock(step time.Duration) func() time.Time {
	t := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(step)
		return t
	}
}

func TestProgressDrawsRateAndETA(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressClock(&buf, true, 100, "files", fakeClock(time.Second))
	p.Add(50) // 50 done after 1 s: 50/s, 1 s left
	last := lastFrame(buf.String())
	for _, want := range []string{"50/100 files", " 50%", "50.0/s", "ETA 0:01", "[############------------]"} {
		if !strings.Contains(last, want) {
			t.Errorf("frame %q lacks %q", last, want)
		}
	}
	p.Finish()
	if !strings.HasSuffix(buf.String(), "\r") || strings.TrimSpace(lastFrame(buf.String())) != "" {
		t.Errorf("Finish did not blank the line: %q", buf.String())
	}
}

func TestProgressUnknownTotal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressClock(&buf, true, 0, "places", fakeClock(2*time.Second))
	p.Add(10)
	if got := lastFrame(buf.String()); !strings.Contains(got, "10 places") || !strings.Contains(got, "5.0/s") {
		t.Fatalf("frame %q", got)
	}
}

func TestProgressThrottlesRedraws(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressClock(&buf, true, 1000, "files", fakeClock(time.Millisecond))
	for i := 0; i < 999; i++ {
		p.Add(1)
	}
	if frames := strings.Count(buf.String(), "\r"); frames > 20 {
		t.Fatalf("drew %d frames for 999 quick updates", frames)
	}
}

func TestProgressLogKeepsMessages(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressClock(&buf, true, 10, "files", fakeClock(time.Second))
	p.Add(1)
	p.Logf("incidentmap: ingest: %s: broken", "x.json")
	if !strings.Contains(buf.String(), "\nincidentmap: ingest: x.json: broken\n") && !strings.Contains(buf.String(), "\rincidentmap: ingest: x.json: broken\n") {
		t.Fatalf("message not on its own line: %q", buf.String())
	}
}

func TestProgressOffIsSilent(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressClock(&buf, false, 10, "files", fakeClock(time.Second))
	p.Add(5)
	p.Finish()
	if buf.Len() != 0 {
		t.Fatalf("a disabled bar wrote %q", buf.String())
	}
	p.Logf("still reported")
	if buf.String() != "still reported\n" {
		t.Fatalf("messages must still be written: %q", buf.String())
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&bytes.Buffer{}) {
		t.Fatal("a regular file or buffer is not a terminal")
	}
}

func TestFormatETA(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{{0, "0:00"}, {59 * time.Second, "0:59"}, {61 * time.Second, "1:01"}, {3*time.Hour + 4*time.Minute + 5*time.Second, "3:04:05"}, {-time.Second, "0:00"}}
	for _, tt := range tests {
		if got := formatETA(tt.d); got != tt.want {
			t.Errorf("formatETA(%s) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func lastFrame(s string) string {
	i := strings.LastIndex(strings.TrimSuffix(s, "\r"), "\r")
	return s[i+1:]
}

// The first frame comes after one quick item: it must not claim a rate of
// thousands a second.
func TestProgressFirstFrameShowsNoRate(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressClock(&buf, true, 1000, "articles", fakeClock(2*time.Millisecond))
	p.Add(1)
	first := lastFrame(buf.String())
	if !strings.Contains(first, "--/s") || !strings.Contains(first, "ETA --:--") {
		t.Fatalf("first frame %q shows a rate from one item", first)
	}
}
