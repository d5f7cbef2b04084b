package mapdata

import (
	"sync"

	"github.com/paulmach/orb"
)

// Shapes computes each country's region shapes once and keeps them: they
// depend only on the bundled gazetteer and the country polygons.
type Shapes struct {
	m     *Map
	shape func(code string) orb.MultiPolygon
	mu    sync.Mutex
	done  map[string]*shapeEntry
}

type shapeEntry struct {
	once sync.Once
	rs   RegionShapes
}

// NewShapes wraps m; shape (may be nil) gives a country's polygons, to
// keep region cells on land and inside the country.
func NewShapes(m *Map, shape func(code string) orb.MultiPolygon) *Shapes {
	return &Shapes{m: m, shape: shape, done: map[string]*shapeEntry{}}
}

// RegionShapes is Map.RegionShapes, computed once per country; concurrent
// callers for the same country wait for the one computation.
func (s *Shapes) RegionShapes(country string) RegionShapes {
	s.mu.Lock()
	e, ok := s.done[country]
	if !ok {
		e = &shapeEntry{}
		s.done[country] = e
	}
	s.mu.Unlock()
	e.once.Do(func() {
		var poly orb.MultiPolygon
		if s.shape != nil {
			poly = s.shape(country)
		}
		e.rs = s.m.RegionShapes(country, poly)
	})
	return e.rs
}
