package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	httpserver "github.com/incidentmap/incidentmap/server"
)

// unresolvedStore keeps the names the pipeline could not place and lets it
// run again on the stored articles that name them. Both stores have it;
// commands that need it say so when a store lacks it.
type unresolvedStore interface {
	// UnresolvedNames lists the names, most often seen first, and how
	// many there are in all.
	UnresolvedNames(ctx context.Context, limit, offset int) ([]geo.UnresolvedName, int, error)
	// ArticlesNaming lists the articles with an unresolved name among names.
	ArticlesNaming(ctx context.Context, names []string) ([]int64, error)
	// Reresolve runs pl again on every stored article with an unresolved
	// name among names, replacing what was found in each, one
	// transaction per article.
	Reresolve(ctx context.Context, pl pipeline, names []string, merge bool) (geo.Reresolved, error)
}

func (s storeAdapter) UnresolvedNames(ctx context.Context, limit, offset int) ([]geo.UnresolvedName, int, error) {
	return s.Store.UnresolvedNames(ctx, contract.UnresolvedFilter{Limit: limit, Offset: offset})
}

func (s storeAdapter) Reresolve(ctx context.Context, pl pipeline, names []string, merge bool) (geo.Reresolved, error) {
	var out geo.Reresolved
	ids, err := s.ArticlesNaming(ctx, names)
	if err != nil {
		return out, err
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		a, err := s.StoredArticle(ctx, id)
		if err != nil {
			return out, err
		}
		p := pl.Process(a)
		p.Article.ID = id
		res, err := s.ReplaceFindings(ctx, ingestItem(p), contract.IngestOptions{Merge: merge})
		if err != nil {
			return out, fmt.Errorf("re-resolving article %d: %w", id, err)
		}
		out.Articles++
		out.Incidents += len(res.Incidents)
	}
	return out, nil
}

// placeNames is a place's name and its alternate names.
func placeNames(p geo.Place) []string {
	return append([]string{p.Name}, p.AlternateNames...)
}

// reresolvingGazetteer is the server's gazetteer: adding an entry, or
// changing one (a misspelt name put right), also re-resolves the stored
// articles that named it without placing it, so their incidents move to
// the new point before the answer is sent.
type reresolvingGazetteer struct {
	httpserver.Gazetteer
	st    unresolvedStore
	ld    *loading // the pipeline, once loaded
	merge bool
	log   *slog.Logger
}

func (g reresolvingGazetteer) Add(ctx context.Context, p geo.Place) (geo.Place, error) {
	added, err := g.Gazetteer.Add(ctx, p)
	if err != nil {
		return added, err
	}
	g.reresolve(ctx, added)
	return added, nil
}

func (g reresolvingGazetteer) Update(ctx context.Context, p geo.Place) (geo.Place, error) {
	updated, err := g.Gazetteer.Update(ctx, p)
	if err != nil {
		return updated, err
	}
	g.reresolve(ctx, updated)
	return updated, nil
}

// reresolve runs the pipeline again on the articles that named p. The entry
// is stored whatever happens here; a failure leaves the articles as they
// were, to be resolved again by the next entry or "gazetteer add", and is
// logged rather than answered, since the client's request succeeded.
func (g reresolvingGazetteer) reresolve(ctx context.Context, p geo.Place) {
	_, pl, err := g.ld.wait(ctx)
	if err != nil {
		g.log.Error("re-resolving articles", slog.String("place", p.Name), slog.Any("error", err))
		return
	}
	if res, err := g.st.Reresolve(ctx, pl, placeNames(p), g.merge); err != nil {
		g.log.Error("re-resolving articles", slog.String("place", p.Name), slog.Any("error", err))
	} else if res.Articles > 0 {
		g.log.Info("re-resolved articles", slog.String("place", p.Name), slog.Int("articles", res.Articles))
	}
}

// unresolvedLister serves GET /api/unresolved from the store.
type unresolvedLister struct{ st unresolvedStore }

func (l unresolvedLister) UnresolvedNames(ctx context.Context, opt httpserver.PageOptions) ([]geo.UnresolvedName, int, error) {
	return l.st.UnresolvedNames(ctx, opt.Limit, opt.Offset)
}
