package main

import (
	"runtime"
	"slices"
	"sync"

	"github.com/incidentmap/incidentmap/geo"
)

// ingestBatch is how many articles go to the store in one transaction: one
// commit for many articles is what makes bulk ingest fast, and a failing
// article is still rolled back alone.
const ingestBatch = 200

// flush geoparses and extracts the pending articles on every core, then
// hands them to the store as one batch in the background: the next
// batch is geoparsed while this one is stored (a PostgreSQL store spends
// most of a batch waiting on round trips). Each batch is reported, in
// input order, before the next one is stored.
func (r *ingestRun) flush() {
	if len(r.pending) == 0 {
		return
	}
	if r.full != nil {
		r.pending = r.pending[:0]
		return
	}
	items := processAll(r.pl, r.pending)
	r.report()
	if r.full != nil {
		r.pending = r.pending[:0]
		return
	}
	b := &storing{pending: slices.Clone(r.pending), done: make(chan struct{})}
	r.storing = b
	r.pending = r.pending[:0]
	// Without --json only the counts are printed: the stored incidents
	// need not be read back.
	go func() {
		defer close(b.done)
		b.results, b.errs, b.err = r.st.IngestBatch(r.app.ctx, items, r.merge, !r.jsonOut)
	}()
}

// storing is a batch handed to the store, and, once done is closed, what
// the store said of it.
type storing struct {
	pending []pendingArticle
	done    chan struct{}
	results []geo.IngestResult
	errs    []error
	err     error
}

// report waits for the batch being stored, if any, and reports each of its
// articles in input order.
func (r *ingestRun) report() {
	b := r.storing
	if b == nil {
		return
	}
	r.storing = nil
	<-b.done
	if full := storeFullError(b.err, b.errs); full != nil {
		// A full disk fails every later article the same way: stop at
		// once, with one message, instead of one error per article.
		r.full = full
		r.bar.Logf("incidentmap: ingest: %s: %s; stopped there, %d new articles stored before",
			b.pending[0].name, oneLine(full.Error()), r.counts.New)
		return
	}
	for i, p := range b.pending {
		switch {
		case b.err != nil:
			r.fail(p.name, b.err)
		case b.errs[i] != nil:
			r.fail(p.name, b.errs[i])
		default:
			r.counts.add(b.results[i])
			if r.jsonOut {
				r.printJSON(b.results[i])
			}
		}
	}
}

// storeFullError returns the batch's full-disk error, if it has one.
func storeFullError(err error, errs []error) error {
	for _, e := range append([]error{err}, errs...) {
		if geo.ErrorCode(e) == geo.EStorageFull {
			return e
		}
	}
	return nil
}

// processAll runs the pipeline over the articles with one worker per core.
func processAll(pl pipeline, pending []pendingArticle) []processed {
	out := make([]processed, len(pending))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = pl.Process(pending[i].art)
			}
		}()
	}
	for i := range pending {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
