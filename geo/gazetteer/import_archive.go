package gazetteer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// openDump returns the text lines of a dump that is plain, gzipped or
// zipped, recognised by its first bytes rather than its name. Reading
// errors of an archive (truncated, corrupt, bad checksum) say so.
func openDump(r io.Reader, progress func(int64)) (io.Reader, func(), error) {
	br := bufio.NewReaderSize(&countingReader{r: r, progress: progress}, 64<<10)
	magic, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(magic, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, fmt.Errorf("gazetteer: %w", archiveError("gzip", err))
		}
		return &archiveReader{r: zr, kind: "gzip"}, func() { zr.Close() }, nil
	case bytes.Equal(magic, []byte("PK\x03\x04")), bytes.Equal(magic, []byte("PK\x05\x06")):
		ra, size, ok := readerAtOf(r)
		if !ok {
			return nil, nil, errors.New("gazetteer: a zip archive cannot be read from a stream; give its file name, or unzip it first")
		}
		return openZip(ra, size, progress)
	}
	return br, func() {}, nil
}

// readerAtOf returns r as an io.ReaderAt with its size when r can tell
// it: a file, or a bytes.Reader. A pipe cannot.
func readerAtOf(r io.Reader) (io.ReaderAt, int64, bool) {
	ra, ok := r.(io.ReaderAt)
	if !ok {
		return nil, 0, false
	}
	if sz, ok := r.(interface{ Size() int64 }); ok {
		return ra, sz.Size(), true
	}
	if s, ok := r.(io.Seeker); ok {
		if n, err := s.Seek(0, io.SeekEnd); err == nil && n > 0 {
			return ra, n, true
		}
	}
	return nil, 0, false
}

// openZip opens the dump inside a zip archive: its first .txt file that
// is not a readme.
func openZip(ra io.ReaderAt, size int64, progress func(int64)) (io.Reader, func(), error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %w", archiveError("zip", err))
	}
	for _, zf := range zr.File {
		base := strings.ToLower(path.Base(zf.Name))
		if strings.HasSuffix(base, ".txt") && !strings.HasPrefix(base, "readme") {
			rc, err := zf.Open()
			if err != nil {
				return nil, nil, fmt.Errorf("gazetteer: %s: %w", zf.Name, archiveError("zip", err))
			}
			cr := &countingReader{r: rc, progress: progress}
			return &archiveReader{r: cr, kind: "zip"}, func() { rc.Close() }, nil
		}
	}
	return nil, nil, errors.New("gazetteer: the zip archive holds no .txt file")
}

// archiveReader names the archive format in its read errors, so a
// truncated download reads as such and not as a bare "unexpected EOF".
type archiveReader struct {
	r    io.Reader
	kind string
}

func (a *archiveReader) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if err != nil && err != io.EOF {
		err = archiveError(a.kind, err)
	}
	return n, err
}

func archiveError(kind string, err error) error {
	return fmt.Errorf("the %s archive is truncated or corrupt: %w", kind, err)
}

// countingReader reports the bytes read so far to progress.
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
