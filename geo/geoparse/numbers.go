package geoparse

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// numbers numbers what the resolver's context counts by: the document's
// names (keys), and the countries and first-level divisions of its
// candidates and chosen places. Scoring then indexes slices by number
// where it would hash strings for every candidate in every round.
type numbers struct {
	name            []int32   // mention → its name
	country, admin1 [][]int32 // mention, candidate → its country, its division
	names           map[string]int32
	regions         *regions
	local           *localRegions
}

// number numbers the names of the mentions and the regions of their
// candidates, in local (clean) scratch.
func (d *document) number(rs *regions, local *localRegions) {
	n := &d.num
	n.names, n.regions, n.local = map[string]int32{}, rs, local
	n.name = make([]int32, len(d.ms))
	n.country, n.admin1 = make([][]int32, len(d.ms)), make([][]int32, len(d.ms))
	total := 0
	for _, m := range d.ms {
		total += len(m.cands)
	}
	all := make([]int32, 2*total)
	for i, m := range d.ms {
		n.name[i] = numberOf(n.names, sameName(m.sp.key))
		n.country[i], n.admin1[i], all = all[:len(m.cands)], all[len(m.cands):2*len(m.cands)], all[2*len(m.cands):]
		for k := range m.cands {
			n.country[i][k] = local.countries.number(m.named.countryID[k])
			n.admin1[i][k] = local.divisions.number(m.named.admin1ID[k])
		}
	}
}

// sameName is the name a key counts as in the context: "Dublin City" is
// "Dublin", which must not vouch for itself; "Henry County" is not
// "Henry", a town that may lie in it.
func sameName(key string) string {
	if strings.IndexByte(key, ' ') < 0 {
		return key // one word, as most names are: no designator to drop
	}
	if core, level := gazetteer.SplitDesignator(key); level == geo.LevelPlace {
		return core
	}
	return key
}

// countries and admin1s are how many of each the document has numbered.
func (n *numbers) countries() int { return int(n.local.countries.count) }
func (n *numbers) admin1s() int   { return int(n.local.divisions.count) }

// placeNumbers are the country and division numbers of mention i's place,
// which must have one.
func (d *document) placeNumbers(i int) (country, admin1 int32) {
	m := d.ms[i]
	if m.choice >= 0 {
		return d.num.country[i][m.choice], d.num.admin1[i][m.choice]
	}
	// A fallback region (after finish): the region of a chosen place.
	p, n := m.fallback, &d.num
	return n.local.countries.number(n.regions.countries.of(p.Country)),
		n.local.divisions.number(n.regions.divisions.of(p.Admin1Key()))
}

// numberOf is s's number in m, given the next one when s is new.
func numberOf(m map[string]int32, s string) int32 {
	v, ok := m[s]
	if !ok {
		v = int32(len(m))
		m[s] = v
	}
	return v
}
