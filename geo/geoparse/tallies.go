package geoparse

import "github.com/incidentmap/incidentmap/geo"

// The context's counts, kept in slices indexed by the numbers of
// numbers.go and emptied, not made again, after every changed choice.

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
