package main

import (
	"runtime"
	"sync"

	"github.com/incidentmap/incidentmap/geo"
)

// ingestBatch is how many articles go to the store in one transaction: one
// commit for many articles is what makes bulk ingest fast, and a failing
// article is still rolled back alone.
const ingestBatch = 200

// flush geoparses and extracts the pending articles on every core, stores
// them in one batch and reports each in input order.
func (r *ingestRun) flush() {
	if len(r.pending) == 0 {
		return
	}
	if r.full != nil {
		r.pending = r.pending[:0]
		return
	}
	items := processAll(r.pl, r.pending)
	// Without --json only the counts are printed: the stored incidents
	// need not be read back.
	results, errs, err := r.st.IngestBatch(r.app.ctx, items, r.merge, !r.jsonOut)
	if full := storeFullError(err, errs); full != nil {
		// A full disk fails every later article the same way: stop at
		// once, with one message, instead of one error per article.
		r.full = full
		r.bar.Logf("incidentmap: ingest: %s: %s; stopped there, %d new articles stored before",
			r.pending[0].name, oneLine(full.Error()), r.counts.New)
		r.pending = r.pending[:0]
		return
	}
	for i, p := range r.pending {
		switch {
		case err != nil:
			r.fail(p.name, err)
		case errs[i] != nil:
			r.fail(p.name, errs[i])
		default:
			r.counts.add(results[i])
			if r.jsonOut {
				r.printJSON(results[i])
			}
		}
	}
	r.pending = r.pending[:0]
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
