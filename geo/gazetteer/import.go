package gazetteer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// ImportStats counts what an import did.
type ImportStats struct {
	Lines    int
	Imported int
	Skipped  int       // comments and blank lines
	Bad      []BadLine // the first malformed lines
	BadCount int       // all malformed lines
}

// BadLine is a malformed line, reported by number without stopping the
// import.
type BadLine struct {
	Line int
	Err  error
}

// maxBadKept bounds how many malformed lines are kept for the report.
const maxBadKept = 100

// ImportOptions receives each parsed place and, optionally, progress.
type ImportOptions struct {
	Sink     func(geo.Place) error
	Progress func(bytesRead int64)
}

// Import streams a GeoNames dump line by line into opt.Sink, so even the
// 12-million-line allCountries.txt never sits in memory. The file may be
// plain, gzipped or a zip archive (the first .txt inside is read, as in
// GeoNames' own zips). A malformed line is counted with its number; an
// error from the sink stops the import.
func Import(path string, opt ImportOptions) (ImportStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportStats{}, err
	}
	defer f.Close()
	r, closeFn, err := openDump(f, opt.Progress)
	if err != nil {
		return ImportStats{}, err
	}
	defer closeFn()
	opt.Progress = nil // counted on the file itself, compressed or not
	return ImportReader(r, opt)
}

// ImportReader is Import over an already opened stream of GeoNames lines.
func ImportReader(r io.Reader, opt ImportOptions) (ImportStats, error) {
	var st ImportStats
	cr := &countingReader{r: r, progress: opt.Progress}
	sc := bufio.NewScanner(cr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		st.Lines++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			st.Skipped++
			continue
		}
		p, err := ParseGeoNamesLine(line)
		if err != nil {
			st.BadCount++
			if len(st.Bad) < maxBadKept {
				st.Bad = append(st.Bad, BadLine{Line: st.Lines, Err: err})
			}
			continue
		}
		if err := opt.Sink(p); err != nil {
			return st, fmt.Errorf("gazetteer: line %d: %w", st.Lines, err)
		}
		st.Imported++
	}
	return st, sc.Err()
}

func openDump(f *os.File, progress func(int64)) (io.Reader, func(), error) {
	br := bufio.NewReaderSize(&countingReader{r: f, progress: progress}, 1<<16)
	magic, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, fmt.Errorf("gazetteer: %w", err)
		}
		return zr, func() { zr.Close() }, nil
	case bytes.Equal(magic, []byte("PK\x03\x04")):
		return openZip(f)
	}
	return br, func() {}, nil
}

func openZip(f *os.File) (io.Reader, func(), error) {
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %w", err)
	}
	for _, zf := range zr.File {
		if strings.HasSuffix(zf.Name, ".txt") && !strings.HasPrefix(zf.Name, "readme") {
			rc, err := zf.Open()
			if err != nil {
				return nil, nil, fmt.Errorf("gazetteer: %w", err)
			}
			return rc, func() { rc.Close() }, nil
		}
	}
	return nil, nil, fmt.Errorf("gazetteer: no .txt file in zip archive")
}

type countingReader struct {
	r        io.Reader
	n        int64
	progress func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.progress != nil {
		c.progress(c.n)
	}
	return n, err
}
