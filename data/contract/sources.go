package contract

import (
	"cmp"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

// InOrder is incs in the order of ids, leaving out ids none of them has.
func InOrder(incs []geo.Incident, ids []int64) []geo.Incident {
	byID := make(map[int64]geo.Incident, len(incs))
	for _, inc := range incs {
		byID[inc.ID] = inc
	}
	out := make([]geo.Incident, 0, len(ids))
	for _, id := range ids {
		if inc, ok := byID[id]; ok {
			out = append(out, inc)
		}
	}
	return out
}

// WithSources is inc with the sources of its articles (those found in
// articles), in SortSources' order.
func WithSources(inc geo.Incident, articleIDs []int64, articles map[int64]geo.Source) geo.Incident {
	inc.Sources = []geo.Source{}
	for _, id := range articleIDs {
		if src, ok := articles[id]; ok {
			inc.Sources = append(inc.Sources, src)
		}
	}
	SortSources(&inc)
	return inc
}

// SortSources orders an incident's sources by publication, then article
// id, and drops repeats of one article.
func SortSources(inc *geo.Incident) {
	if len(inc.Sources) < 2 {
		return
	}
	slices.SortFunc(inc.Sources, func(a, b geo.Source) int {
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.ArticleID, b.ArticleID))
	})
	inc.Sources = slices.CompactFunc(inc.Sources, func(a, b geo.Source) bool { return a.ArticleID == b.ArticleID })
}
