package gazetteer

import (
	"cmp"
	"slices"
)

// ClassCount is how many live entries of one GeoNames feature class (A
// divisions, P populated places, L continents, ...) a country has.
type ClassCount struct {
	Country string `json:"country"`
	Class   string `json:"feature_class"`
	Count   int    `json:"count"`
}

// Coverage counts the live entries per country and feature class, by
// country then class. Entries without a country count under "".
func (ix *Index) Coverage() []ClassCount {
	ix.mu.RLock()
	counts := map[[2]string]int{}
	ix.eachLive(func(slot int32) {
		p := ix.peek(slot)
		class := p.FeatureClass
		if class == "" {
			class = featureClass(p.FeatureCode)
		}
		counts[[2]string{p.Country, class}]++
	})
	ix.mu.RUnlock()
	out := make([]ClassCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, ClassCount{Country: k[0], Class: k[1], Count: n})
	}
	slices.SortFunc(out, func(a, b ClassCount) int {
		return cmp.Or(cmp.Compare(a.Country, b.Country), cmp.Compare(a.Class, b.Class))
	})
	return out
}
