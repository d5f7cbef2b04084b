package gazetteer

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"sync"
)

// rowsPerBatch is how many lines travel together between the goroutines
// of a load.
const rowsPerBatch = 512

// lineBatch is a run of lines of the gazetteer file; first is the line
// number of lines[0], seq the batch's place in the file.
type lineBatch struct {
	seq, first int
	lines      []string
}

// rowBatch is a lineBatch parsed.
type rowBatch struct {
	seq  int
	rows []parsedRow
	err  error
}

// parseRows reads r's lines in one goroutine, parses and folds their keys
// on one goroutine per core, and sends the rows in file order. wait
// returns the first error, once the channel is closed and drained.
func parseRows(r io.Reader, li *looseIndex) (<-chan []parsedRow, func() error) {
	lines := make(chan lineBatch, 8)
	parsed := make(chan rowBatch, 8)
	out := make(chan []parsedRow, 8)
	var parseErr error
	readErr := make(chan error, 1)
	go func() { readErr <- readLines(r, lines) }()
	var workers sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		workers.Go(func() {
			for b := range lines {
				rows, err := parseLines(b, li)
				parsed <- rowBatch{b.seq, rows, err}
			}
		})
	}
	go func() {
		workers.Wait()
		close(parsed)
	}()
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(out)
		waiting := map[int]rowBatch{}
		next := 0
		for b := range parsed {
			waiting[b.seq] = b
			for b, ok := waiting[next]; ok; b, ok = waiting[next] {
				delete(waiting, next)
				next++
				if b.err != nil && parseErr == nil {
					parseErr = b.err
				}
				if parseErr == nil {
					out <- b.rows
				}
			}
		}
	}()
	return out, func() error {
		<-done
		rerr := <-readErr
		if parseErr != nil {
			return parseErr
		}
		return rerr
	}
}

// readLines sends r's lines in batches, then closes out.
func readLines(r io.Reader, out chan<- lineBatch) error {
	defer close(out)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	b := lineBatch{first: 1}
	n := 0
	for sc.Scan() {
		n++
		b.lines = append(b.lines, sc.Text())
		if len(b.lines) == rowsPerBatch {
			out <- b
			b = lineBatch{seq: b.seq + 1, first: n + 1}
		}
	}
	if len(b.lines) > 0 {
		out <- b
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	return nil
}

// parseLines parses a batch of lines into entries with their keys,
// skipping blank lines and comments.
func parseLines(b lineBatch, li *looseIndex) ([]parsedRow, error) {
	rows := make([]parsedRow, 0, len(b.lines))
	for i, text := range b.lines {
		if text == "" || text[0] == '#' {
			continue
		}
		p, err := parseBundledRow(text)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: line %d: %w", b.first+i, err)
		}
		keys, names := entryKeysNames(p)
		loose := make([]uint64, len(keys))
		for j, k := range keys {
			loose[j] = li.hash(Loose(k))
		}
		rows = append(rows, parsedRow{p, keys, names, loose})
	}
	return rows, nil
}
