package contract

import (
	"cmp"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

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
