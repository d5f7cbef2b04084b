package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// isTerminal reports whether w is a character device (a terminal), so
// progress bars never end up in log files or pipes.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progress draws a one-line progress bar with rate and ETA on a terminal,
// and does nothing when off. With total 0 it shows only count and rate.
type progress struct {
	w       io.Writer
	on      bool
	unit    string
	total   int
	done    int
	start   time.Time
	drawnAt time.Time
	width   int // length of the line on screen, to blank it
	now     func() time.Time
}

// redrawEvery limits redraws so a fast loop is not slowed by the terminal.
const redrawEvery = 100 * time.Millisecond

// minRateWindow is how long the bar counts before it shows a rate and an
// ETA; before that it shows "--/s" rather than a number made of one item.
const minRateWindow = time.Second

func newProgress(w io.Writer, on bool, total int, unit string) *progress {
	return newProgressClock(w, on, total, unit, time.Now)
}

func newProgressClock(w io.Writer, on bool, total int, unit string, now func() time.Time) *progress {
	return &progress{w: w, on: on, unit: unit, total: total, start: now(), now: now}
}

// Add counts n more items done and redraws when due.
func (p *progress) Add(n int) {
	p.done += n
	if !p.on {
		return
	}
	if t := p.now(); t.Sub(p.drawnAt) >= redrawEvery || p.done == p.total {
		p.draw(t)
	}
}

// Logf prints a line above the bar (used for per-file errors).
func (p *progress) Logf(format string, args ...any) {
	p.clear()
	fmt.Fprintf(p.w, format+"\n", args...)
	if p.on && p.done > 0 {
		p.draw(p.now())
	}
}

// Finish removes the bar so the summary line starts clean.
func (p *progress) Finish() { p.clear() }

func (p *progress) clear() {
	if p.on && p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
		p.width = 0
	}
}

func (p *progress) draw(t time.Time) {
	p.drawnAt = t
	line := p.line(t)
	pad := ""
	if n := p.width - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.width = len(line)
}

// line renders the bar text, e.g.
// "[#######-------------]  35/100  35%  12.5 files/s  ETA 0:05".
func (p *progress) line(t time.Time) string {
	elapsed := t.Sub(p.start)
	rate := 0.0
	rateText := "--/s" // too early to tell: one fast first item is not a rate
	if elapsed >= minRateWindow {
		rate = float64(p.done) / elapsed.Seconds()
		rateText = fmt.Sprintf("%.1f/s", rate)
	}
	if p.total <= 0 {
		return fmt.Sprintf("%d %s  %s", p.done, p.unit, rateText)
	}
	const barWidth = 24
	frac := min(float64(p.done)/float64(p.total), 1)
	filled := int(frac * barWidth)
	bar := strings.Repeat("#", filled) + strings.Repeat("-", barWidth-filled)
	eta := "--:--"
	if rate > 0 {
		eta = formatETA(time.Duration(float64(p.total-p.done) / rate * float64(time.Second)))
	}
	return fmt.Sprintf("[%s] %d/%d %s %3.0f%%  %s  ETA %s", bar, p.done, p.total, p.unit, frac*100, rateText, eta)
}

// formatETA writes m:ss, or h:mm:ss from an hour on.
func formatETA(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
