package geoparse

import (
	"sync"

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

// regions numbers the country codes and the division keys a parser has
// met, each kind on its own, for as long as it lives (they are the
// gazetteer's, a few thousand), so that a name's facts (named) carry its
// candidates' regions as numbers and a document numbers its own without
// hashing a string.
type regions struct {
	countries, divisions regionNumbers
}

type regionNumbers struct {
	mu  sync.RWMutex
	ids map[string]int32
}

// of is s's number.
func (rn *regionNumbers) of(s string) int32 {
	rn.mu.RLock()
	v, ok := rn.ids[s]
	rn.mu.RUnlock()
	if ok {
		return v
	}
	rn.mu.Lock()
	defer rn.mu.Unlock()
	if rn.ids == nil {
		rn.ids = map[string]int32{}
	}
	return numberOf(rn.ids, s)
}

// localRegions renumbers a document's countries and divisions from 0:
// scratch a parser reuses, clean between documents.
type localRegions struct {
	countries, divisions localNumbers
}

// localNumbers maps a parser's region numbers to a document's.
type localNumbers struct {
	of      []int32 // parser's number → the document's + 1 (0: none yet)
	touched []int32 // the parser's numbers set in of
	count   int32   // how many the document has
}

func (l *localNumbers) number(g int32) int32 {
	if int(g) >= len(l.of) {
		l.of = append(l.of, make([]int32, int(g)+1-len(l.of))...)
	}
	if v := l.of[g]; v > 0 {
		return v - 1
	}
	v := l.count
	l.count++
	l.of[g] = v + 1
	l.touched = append(l.touched, g)
	return v
}

func (l *localNumbers) clean() {
	for _, g := range l.touched {
		l.of[g] = 0
	}
	l.touched, l.count = l.touched[:0], 0
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

// resized is s with n elements, all zero.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// emptied is s with n lists, each emptied but keeping its room: tallies
// refill them after every changed choice.
func emptied(s [][]counted, n int) [][]counted {
	if cap(s) < n {
		s = append(s[:cap(s)], make([][]counted, n-cap(s))...)
	}
	s = s[:n]
	for k := range s {
		s[k] = s[k][:0]
	}
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
