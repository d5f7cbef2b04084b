package main

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/geo"
)

// openPipeline loads the gazetteer with the store's user entries and builds
// the extraction pipeline on it; search asks for autocomplete too.
func (a *app) openPipeline(ctx context.Context, st store, search bool) (gazetteer, pipeline, error) {
	user, err := st.UserPlaces(ctx)
	if err != nil {
		return nil, nil, err
	}
	gz, err := a.deps.loadGazetteer(user, search)
	if err != nil {
		return nil, nil, err
	}
	pl, err := a.deps.newPipeline(gz)
	if err != nil {
		return nil, nil, err
	}
	return gz, pl, nil
}

// ingestCounts are the totals of an ingest run.
type ingestCounts struct {
	New, Duplicate, Failed int
	IncidentsNew, Merged   int
}

func (c *ingestCounts) add(res geo.IngestResult) {
	if res.Duplicate {
		c.Duplicate++
		return
	}
	c.New++
	c.IncidentsNew += res.NewCount
	c.Merged += res.MergedCount
}

func (c ingestCounts) String() string {
	return fmt.Sprintf("articles: %d new, %d duplicate, %d failed; incidents: %d new, %d merged",
		c.New, c.Duplicate, c.Failed, c.IncidentsNew, c.Merged)
}

// ingestArticle runs one article through the pipeline into the store.
func ingestArticle(ctx context.Context, st incidentStore, pl pipeline, art geo.Article, merge bool) (geo.IngestResult, error) {
	return st.Ingest(ctx, pl.Process(art), merge)
}
