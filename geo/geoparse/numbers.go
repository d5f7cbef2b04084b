package geoparse

import "github.com/incidentmap/incidentmap/geo"

// numbers numbers what the resolver's context counts by: the document's
// names (keys), and the countries and first-level divisions of its
// candidates and chosen places. Scoring then indexes slices by number
// where it would hash strings for every candidate in every round.
type numbers struct {
	name             []int32   // mention → its name
	country, admin1  [][]int32 // mention, candidate → its country, its division
	names, countries map[string]int32
	admin1s          map[string]int32
}

// number numbers the names of the mentions and the regions of their
// candidates.
func (d *document) number() {
	n := &d.num
	n.names, n.countries, n.admin1s = map[string]int32{}, map[string]int32{}, map[string]int32{}
	n.name = make([]int32, len(d.ms))
	n.country, n.admin1 = make([][]int32, len(d.ms)), make([][]int32, len(d.ms))
	total := 0
	for _, m := range d.ms {
		total += len(m.cands)
	}
	all := make([]int32, 2*total)
	for i, m := range d.ms {
		n.name[i] = numberOf(n.names, m.sp.key)
		n.country[i], n.admin1[i], all = all[:len(m.cands)], all[len(m.cands):2*len(m.cands)], all[2*len(m.cands):]
		for k := range m.cands {
			n.country[i][k] = numberOf(n.countries, m.cands[k].Country)
			n.admin1[i][k] = numberOf(n.admin1s, m.named.admin1[k])
		}
	}
}

// placeNumbers are the country and division numbers of mention i's place,
// which must have one.
func (d *document) placeNumbers(i int) (country, admin1 int32) {
	m := d.ms[i]
	if m.choice >= 0 {
		return d.num.country[i][m.choice], d.num.admin1[i][m.choice]
	}
	// A fallback region (after finish): the region of a chosen place.
	p := m.fallback
	return numberOf(d.num.countries, p.Country), numberOf(d.num.admin1s, p.Admin1Key())
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

// resized is s with n elements, all zero.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// counted is a value counted for one number: a name's weight or points
// in one country or division.
type counted struct {
	id int32
	v  float64
}

// countIn adds v to id's count in list.
func countIn(list []counted, id int32, v float64) []counted {
	for k := range list {
		if list[k].id == id {
			list[k].v += v
			return list
		}
	}
	return append(list, counted{id, v})
}

// countOf is id's count in list.
func countOf(list []counted, id int32) float64 {
	for _, c := range list {
		if c.id == id {
			return c.v
		}
	}
	return 0
}

// namePair holds up to two names (numbers) that may mean a division or a
// place in it; -1 is none.
type namePair [2]int32

var noNames = namePair{-1, -1}

func (p *namePair) add(name int32) {
	switch {
	case p[0] < 0 || p[0] == name:
		p[0] = name
	case p[1] < 0:
		p[1] = name
	}
}

// other: a name other than this one may mean the division or a place in it.
func (p namePair) other(name int32) bool {
	return p[0] >= 0 && p[0] != name || p[1] >= 0 && p[1] != name
}

// pairsFor is one empty namePair per division number.
func pairsFor(s []namePair, n int) []namePair {
	s = resized(s, n)
	for k := range s {
		s[k] = noNames
	}
	return s
}

// isRegionLevel: a level that tallies count as a named division.
func isRegionLevel(l geo.Level) bool { return l == geo.LevelAdmin1 || l == geo.LevelAdmin2 }
