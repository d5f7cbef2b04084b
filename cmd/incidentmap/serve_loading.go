package main

import (
	"context"
	"fmt"
)

// loading is the gazetteer and the extraction pipeline as serve loads them
// after it starts listening: the layers answer at once, and what needs the
// gazetteer (ingest, gazetteer search and edits) waits for it, or is told
// by the server that it is still loading.
type loading struct {
	done chan struct{} // closed when the load has ended, well or not
	gz   gazetteer     // set before done is closed
	pl   pipeline
	err  error
	// importSeq is the store's import number read before the load read the
	// imported rows: the rows of later imports are the sync's to put.
	importSeq int64
}

// startLoading loads the gazetteer with the store's entries, builds the
// pipeline and then, unless noDemo, fills an empty store with the demo
// reports, all in the background.
func (a *app) startLoading(st store, noDemo, merge bool) *loading {
	l := &loading{done: make(chan struct{})}
	if w, ok := st.(warmer); ok {
		// Beside the gazetteer: the store's first reads (a count over the
		// whole map, the collection's extent) are cheap once this is done;
		// until then, or if it fails, they scan as they would without it.
		go func() { _ = w.WarmUp(a.ctx) }()
	}
	go func() {
		defer close(l.done)
		if s, ok := st.(importSeqer); ok {
			l.importSeq, _ = s.ImportSeq(a.ctx) // on failure 0: the sync reads every imported row again
		}
		l.gz, l.pl, l.err = a.openPipeline(a.ctx, st, true)
		if l.err == nil && !noDemo {
			a.loadDemo(st, l.pl, merge)
		}
	}()
	return l
}

// importSeqer is a store that numbers its GeoNames imports
// (contract.Store.ImportSeq).
type importSeqer interface {
	ImportSeq(ctx context.Context) (int64, error)
}

// warmer is a store that can prepare what its first reads need.
type warmer interface {
	WarmUp(ctx context.Context) error
}

// inProgress reports whether the load has not ended yet.
func (l *loading) inProgress() bool {
	select {
	case <-l.done:
		return false
	default:
		return true
	}
}

// wait blocks until the load has ended or ctx is done.
func (l *loading) wait(ctx context.Context) (gazetteer, pipeline, error) {
	select {
	case <-l.done:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	if l.err != nil {
		return nil, nil, fmt.Errorf("gazetteer did not load: %w", l.err)
	}
	return l.gz, l.pl, nil
}
