package geoparse

import (
	"math"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// mention is a recognised name while the document is being resolved.
type mention struct {
	sp         span
	name       string // the name without designators
	start      int
	cands      []gazetteer.Candidate
	scores     []float64
	choice     int        // index into cands, or -1
	fallback   *geo.Place // the containing region, when no candidate fits
	container  int        // index of the mention that contains this one, or -1
	precision  int
	confidence float64
}

func (m *mention) place() *geo.Place {
	if m.choice >= 0 {
		return &m.cands[m.choice].Place
	}
	return m.fallback
}

// document holds the mentions of one text while they are resolved together.
type document struct {
	ix   *gazetteer.Index
	text string
	toks []token
	ms   []*mention
	// countries and admin1 divisions the document names, weighted.
	countryWeight map[string]float64
	admin1Named   map[string]bool
	points        []point
	contained     map[int][]int // container mention → the mentions it contains
}

// Weights of the document clues, in the same units as gazetteer.Prior
// (one unit is a tenfold population).
const (
	wContainer = 8.0 // inside the region or country the text says it is in
	wAdmin1    = 2.5 // inside a region the document names
	wCountry   = 3.0 // times the country's share of the document's places
	wNear      = 2.5 // times exp(-distance/300 km) to the nearest other place
	nearScale  = 300.0
)

func (d *document) resolve() {
	d.findContainers()
	for _, m := range d.ms {
		m.choice = -1
		if len(m.cands) > 0 {
			m.choice = 0
		}
	}
	for round := 0; round < 2; round++ {
		d.tally()
		d.collectPoints()
		for i, m := range d.ms {
			d.score(i, m)
		}
	}
	for _, m := range d.ms {
		d.finish(m)
	}
}

// score rates every candidate of mention i against the rest of the
// document and keeps the best.
func (d *document) score(i int, m *mention) {
	if len(m.cands) == 0 {
		return
	}
	if len(m.scores) != len(m.cands) {
		m.scores = make([]float64, len(m.cands))
	}
	var container *geo.Place
	if m.container >= 0 {
		container = d.ms[m.container].place()
	}
	best := 0
	for k := range m.cands {
		c := &m.cands[k]
		s := c.Score
		if container != nil && contains(container, &c.Place) {
			s += wContainer
		}
		if d.sameRegionNamed(c) {
			s += wAdmin1
		}
		if d.containsContained(i, &c.Place) {
			s += wContainer / 2 // "Atlanta, Georgia": the Georgia that holds an Atlanta
		}
		s += wCountry * d.countryWeight[c.Country]
		m.scores[k] = s
		if s > m.scores[best] {
			best = k
		}
	}
	// Nearness can add at most wNear: only candidates within that of the
	// best can still win, so only they are measured.
	top := m.scores[best]
	for k := range m.cands {
		if m.scores[k]+wNear < top {
			continue
		}
		m.scores[k] += wNear * math.Exp(-d.nearest(i, &m.cands[k].Place)/nearScale)
		if m.scores[k] > m.scores[best] {
			best = k
		}
	}
	m.choice = best
}
