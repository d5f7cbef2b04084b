package geoparse

import "sync"

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
