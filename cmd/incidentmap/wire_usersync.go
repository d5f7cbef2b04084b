package main

import (
	"context"
	"log/slog"
	"reflect"
	"sync"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	gaz "github.com/incidentmap/incidentmap/geo/gazetteer"
	httpserver "github.com/incidentmap/incidentmap/server"
)

// userSync keeps a running server's gazetteer index in step with the user
// entries and imported GeoNames rows in the store, so `incidentmap
// gazetteer add` and `gazetteer import` (another process) are seen without
// a restart. Before a gazetteer search or an ingest it compares the
// store's version with the one it last synced at; when it moved, it
// re-reads the user entries and puts or removes only those that changed,
// and reads only the rows imported since the last import it holds.
type userSync struct {
	st  contract.Store
	ix  *gaz.Index
	log *slog.Logger

	mu        sync.Mutex
	version   int64
	entries   map[int64]geo.Place // user entries as last read from the store
	importSeq int64               // the latest import whose rows are in the index
}

// newUserSync starts from the store's entries as they are now, putting
// them all in the index: the index was loaded a while before, and another
// server or process on the same store may have added or changed entries
// since. (One deleted in that while stays until the server restarts.)
func newUserSync(ctx context.Context, st contract.Store, ix *gaz.Index, log *slog.Logger, importSeq int64) (*userSync, error) {
	v, err := st.Version(ctx)
	if err != nil {
		return nil, err
	}
	places, err := st.UserPlaces(ctx)
	if err != nil {
		return nil, err
	}
	u := &userSync{st: st, ix: ix, log: log, version: v, entries: map[int64]geo.Place{}, importSeq: importSeq}
	for _, p := range places {
		u.entries[p.ID] = p
		ix.Put(p)
	}
	if err := u.putImported(ctx); err != nil {
		return nil, err
	}
	return u, nil
}

// putImported puts in the index the GeoNames rows imported since the last
// import it holds (`gazetteer import` while the server runs).
func (u *userSync) putImported(ctx context.Context) error {
	var rows []geo.Place
	last, err := u.st.ImportedPlacesSince(ctx, u.importSeq, func(p geo.Place) error {
		rows = append(rows, p)
		return nil
	})
	if err != nil {
		return err
	}
	if len(rows) > 0 {
		u.ix.PutAll(rows)
	}
	u.importSeq = last
	return nil
}

// refresh brings the index up to date with the store's user entries.
// Failures are logged and the lookup goes on with what the index has.
func (u *userSync) refresh(ctx context.Context) {
	u.mu.Lock()
	defer u.mu.Unlock()
	v, err := u.st.Version(ctx)
	if err != nil || v == u.version {
		return
	}
	places, err := u.st.UserPlaces(ctx)
	if err != nil {
		u.log.Warn("reloading user gazetteer entries", slog.Any("error", err))
		return
	}
	now := make(map[int64]geo.Place, len(places))
	for _, p := range places {
		now[p.ID] = p
		if old, ok := u.entries[p.ID]; !ok || !reflect.DeepEqual(old, p) {
			u.ix.Put(p)
		}
	}
	for id := range u.entries {
		if _, ok := now[id]; !ok {
			u.ix.Remove(id)
		}
	}
	if err := u.putImported(ctx); err != nil {
		u.log.Warn("reading imported GeoNames rows", slog.Any("error", err))
		return // the version stays: the next lookup tries again
	}
	u.entries, u.version = now, v
}

// lateUserSync is the userSync of the index serve loads in the background,
// made once the index is there.
type lateUserSync struct {
	ld  *loading
	st  contract.Store
	log *slog.Logger

	once sync.Once
	u    *userSync
}

// refresh syncs the index with the store once it has loaded; before that
// there is nothing to sync (the load reads the entries itself).
func (l *lateUserSync) refresh(ctx context.Context) {
	if l.ld.inProgress() {
		return
	}
	l.once.Do(func() {
		gz, _, err := l.ld.wait(ctx)
		if err != nil {
			return
		}
		ix, err := indexOf(gz)
		if err != nil {
			return
		}
		if l.u, err = newUserSync(ctx, l.st, ix, l.log, l.ld.importSeq); err != nil {
			l.log.Warn("watching user gazetteer entries", slog.Any("error", err))
		}
	})
	if l.u != nil {
		l.u.refresh(ctx)
	}
}

// syncedGazetteer refreshes before each search (lookups by id, made for
// every place of a page, read the index as it is).
type syncedGazetteer struct {
	httpserver.Gazetteer
	sync *lateUserSync
}

// refreshTimeout bounds the version check a lookup waits for.
const refreshTimeout = 2 * time.Second

func (g syncedGazetteer) Search(q string, opt httpserver.SearchOptions) []geo.Place {
	ctx, cancel := context.WithTimeout(context.Background(), refreshTimeout)
	g.sync.refresh(ctx)
	cancel()
	return g.Gazetteer.Search(q, opt)
}

// syncedIngester refreshes before geoparsing, so an article names the
// places added since the server started.
type syncedIngester struct {
	ingester
	sync *lateUserSync
}

func (i syncedIngester) Ingest(ctx context.Context, a geo.Article) (geo.IngestResult, error) {
	i.sync.refresh(ctx)
	res, err := i.ingester.Ingest(ctx, a)
	if err != nil || res.Duplicate {
		return res, err
	}
	// The names that could not be placed, for the ingest dialog: a second
	// look at the text, made only for articles posted one at a time.
	_, pl, err := i.ld.wait(ctx)
	if err != nil {
		return res, nil
	}
	if u, ok := pl.(interface {
		Unresolved(text string) []geo.Unresolved
	}); ok {
		res.Unresolved = u.Unresolved(a.Text)
	}
	return res, nil
}
