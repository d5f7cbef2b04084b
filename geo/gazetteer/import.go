package gazetteer

import (
	"bufio"
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

// maxLineBytes bounds one line of a dump; GeoNames' longest lines (places
// with thousands of alternate names) are well under 1 MiB.
const maxLineBytes = 16 << 20

// ImportOptions receives each parsed place and, optionally, progress.
type ImportOptions struct {
	Sink     func(geo.Place) error
	Progress func(bytesRead int64)
}

// Import streams a GeoNames dump line by line into opt.Sink, so even the
// 12-million-line allCountries.txt never sits in memory. The file may be
// plain, gzipped or a zip archive (the first .txt inside that is not a
// readme, as in GeoNames' own zips). A malformed line is counted with its
// number; an error from the sink, a corrupt or truncated archive, or a
// file in which no line is a GeoNames row stops the import with an error.
func Import(path string, opt ImportOptions) (ImportStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportStats{}, err
	}
	defer f.Close()
	return ImportReader(f, opt)
}

// ImportReader is Import over an open stream. A zip archive can only be
// read from a file (its index is at the end), so r must then be an
// *os.File or another io.ReaderAt that knows its size.
func ImportReader(r io.Reader, opt ImportOptions) (ImportStats, error) {
	lines, closeFn, err := openDump(r, opt.Progress)
	if err != nil {
		return ImportStats{}, err
	}
	defer closeFn()
	return importLines(lines, opt.Sink)
}

// importLines parses each line of r.
func importLines(r io.Reader, sink func(geo.Place) error) (ImportStats, error) {
	var st ImportStats
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLineBytes)
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
		if err := sink(p); err != nil {
			return st, fmt.Errorf("gazetteer: line %d: %w", st.Lines, err)
		}
		st.Imported++
	}
	if err := sc.Err(); err != nil {
		return st, fmt.Errorf("gazetteer: reading after line %d: %w", st.Lines, err)
	}
	if st.Imported == 0 && st.BadCount > 0 {
		return st, fmt.Errorf("gazetteer: none of the %d lines is a GeoNames row (19 tab-separated columns); "+
			"is this a GeoNames dump, or an archive in a format other than gzip or zip?", st.BadCount)
	}
	return st, nil
}
