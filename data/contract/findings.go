package contract

import (
	"fmt"

	"github.com/incidentmap/incidentmap/geo"
)

// StoreIncidents checks an article's incidents against its text and stores
// them in order with store, which says the id each went to and whether it
// merged into a stored one. It returns the result of the article with
// articleID and mentions, counted, and the distinct ids stored, first seen
// first; Finish completes it.
func StoreIncidents(articleID int64, mentions []geo.Mention, incidents []geo.Incident, textLen int,
	store func(geo.Incident) (id int64, merged bool, err error)) (geo.IngestResult, []int64, error) {
	res := geo.IngestResult{ArticleID: articleID, Mentions: mentions}
	var ids []int64
	seen := make(map[int64]bool)
	for i, inc := range incidents {
		if err := ValidateIncident(inc, textLen, fmt.Sprintf("incidents[%d]", i)); err != nil {
			return geo.IngestResult{}, nil, err
		}
		id, merged, err := store(inc)
		if err != nil {
			return geo.IngestResult{}, nil, err
		}
		if merged {
			res.MergedCount++
		} else {
			res.NewCount++
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return res, ids, nil
}

// Finish completes a result of StoreIncidents: the stored incidents, read
// by read, unless opt asks for counts only, and empty lists, not nil.
func Finish(res geo.IngestResult, opt IngestOptions, read func() ([]geo.Incident, error)) (geo.IngestResult, error) {
	if opt.Counts {
		res.Incidents = []geo.Incident{}
	} else {
		incs, err := read()
		if err != nil {
			return geo.IngestResult{}, err
		}
		res.Incidents = incs
	}
	if res.Mentions == nil {
		res.Mentions = []geo.Mention{}
	}
	return res, nil
}
