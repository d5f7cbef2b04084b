package geoparse

import (
	"math"
	"strings"

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
	for round := 0; round < 3; round++ {
		d.tally()
		for i, m := range d.ms {
			d.score(i, m)
		}
	}
	for _, m := range d.ms {
		d.finish(m)
	}
}

// findContainers links "X in the Y region", "X, Y region", "X, Y" and
// "Y's X" so X is looked for inside Y.
func (d *document) findContainers() {
	for i, m := range d.ms {
		if i+1 < len(d.ms) {
			next := d.ms[i+1]
			between := strings.ToLower(d.text[m.sp.end:next.start])
			if isContainerGap(between) && next.levelHint() < m.levelHint() {
				m.container = i + 1
			}
		}
		if i > 0 {
			prev := d.ms[i-1]
			if d.toks[prev.sp.last].possessive && prev.sp.last+1 == m.sp.first {
				m.container = i - 1
			}
		}
	}
}

// levelHint orders mentions from wide to narrow before they are resolved:
// the designator's level, else the level of the best candidate.
func (m *mention) levelHint() geo.Level {
	if m.sp.level != geo.LevelUnknown {
		return m.sp.level
	}
	if len(m.cands) > 0 {
		return m.cands[0].Level()
	}
	return geo.LevelPlace
}

func isContainerGap(s string) bool {
	s = strings.TrimSpace(s)
	switch s {
	case ",", "in", "in the", ", in the", ", in", "of the", "in southern", "in northern",
		"in eastern", "in western", "in the southern", "in the northern", "in the eastern",
		"in the western", "in central", "in the central", "near", "outside", ", near":
		return true
	}
	return false
}

// tally weighs the countries and admin1 regions the document names, from
// the current choices.
func (d *document) tally() {
	d.countryWeight = map[string]float64{}
	d.admin1Named = map[string]bool{}
	total := 0.0
	for _, m := range d.ms {
		p := m.place()
		if p == nil {
			continue
		}
		w := 1.0
		if l := p.Level(); l == geo.LevelCountry || l == geo.LevelAdmin1 {
			w = 2
		}
		d.countryWeight[p.Country] += w
		total += w
		if p.Level() == geo.LevelAdmin1 || p.Level() == geo.LevelAdmin2 {
			d.admin1Named[p.Admin1Key()] = true
		}
	}
	for c := range d.countryWeight {
		d.countryWeight[c] /= total
	}
}

// score rates every candidate of mention i against the rest of the
// document and keeps the best.
func (d *document) score(i int, m *mention) {
	if len(m.cands) == 0 {
		return
	}
	m.scores = make([]float64, len(m.cands))
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
		if d.containsContained(i, &c.Place) {
			s += wContainer / 2 // "Atlanta, Georgia": the Georgia that holds an Atlanta
		}
		if c.Level() != geo.LevelCountry && d.admin1Named[c.Admin1Key()] && c.Level() != geo.LevelAdmin1 {
			s += wAdmin1
		}
		s += wCountry * d.countryWeight[c.Country]
		s += wNear * math.Exp(-d.nearest(i, &c.Place)/nearScale)
		m.scores[k] = s
		if s > m.scores[best] {
			best = k
		}
	}
	m.choice = best
}

// focusRegion is the admin1 region the document names most often, if one
// is named more often than any other.
func (d *document) focusRegion() *geo.Place {
	count := map[string]int{}
	var best *geo.Place
	top, tie := 0, false
	for _, m := range d.ms {
		p := m.place()
		if p == nil || p.Level() != geo.LevelAdmin1 || m.fallback != nil {
			continue
		}
		count[p.Admin1Key()]++
		switch n := count[p.Admin1Key()]; {
		case n > top:
			top, best, tie = n, p, false
		case n == top && best.Admin1Key() != p.Admin1Key():
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// containsContained reports whether p would contain a candidate of a
// mention that names i as its container.
func (d *document) containsContained(i int, p *geo.Place) bool {
	if p.Level() > geo.LevelAdmin2 || p.Level() < geo.LevelCountry {
		return false
	}
	for _, o := range d.ms {
		if o.container != i {
			continue
		}
		for k := range o.cands {
			if contains(p, &o.cands[k].Place) {
				return true
			}
		}
	}
	return false
}

// nearest is the distance in km from p to the closest place chosen for
// another mention (countries and continents excluded: they are too big to
// say where).
func (d *document) nearest(i int, p *geo.Place) float64 {
	min := math.Inf(1)
	for j, o := range d.ms {
		q := o.place()
		if j == i || q == nil || q.Level() <= geo.LevelCountry || strings.EqualFold(o.name, d.ms[i].name) {
			continue
		}
		if km := Distance(p.Lat, p.Lon, q.Lat, q.Lon); km < min {
			min = km
		}
	}
	return min
}

func contains(outer, inner *geo.Place) bool {
	switch outer.Level() {
	case geo.LevelCountry:
		return inner.Country == outer.Country
	case geo.LevelAdmin1:
		return inner.Country == outer.Country && inner.Admin1 == outer.Admin1
	case geo.LevelAdmin2:
		return inner.Country == outer.Country && inner.Admin1 == outer.Admin1 && inner.Admin2 == outer.Admin2
	}
	return false
}

// finish settles the mention's precision and confidence, and falls back to
// the containing region when the chosen entry is a namesake outside it.
func (d *document) finish(m *mention) {
	var container *geo.Place
	if m.container >= 0 {
		container = d.ms[m.container].place()
	}
	if container != nil && m.choice >= 0 && !contains(container, &m.cands[m.choice].Place) && container.Level() >= geo.LevelAdmin1 {
		m.choice = -1
	}
	if m.choice < 0 && container == nil && m.sp.fromCue {
		container = d.focusRegion() // "Krynky, a village": the region the report is about
	}
	if m.choice < 0 {
		if container == nil || container.Level() < geo.LevelCountry {
			return
		}
		fb := *container
		m.fallback, m.precision, m.confidence = &fb, geo.PrecisionRegion, 0.6
		return
	}
	c := m.cands[m.choice]
	m.precision = precisionOf(c.Place)
	if m.sp.level != geo.LevelUnknown && !c.LevelMatch && c.Level() == geo.LevelPlace {
		m.precision = geo.PrecisionNear // "the Avdiivka district" placed at Avdiivka
	}
	m.confidence = confidence(m)
}

func precisionOf(p geo.Place) int {
	switch p.Level() {
	case geo.LevelPlace:
		return geo.PrecisionExact
	case geo.LevelAdmin2:
		return geo.PrecisionNear
	}
	return geo.PrecisionRegion
}

// confidence grows with the margin between the chosen candidate and the
// runner-up, and shrinks for spelling variants and level mismatches.
func confidence(m *mention) float64 {
	c := 0.97
	if len(m.scores) > 1 {
		second := math.Inf(-1)
		for k, s := range m.scores {
			if k != m.choice && s > second {
				second = s
			}
		}
		margin := m.scores[m.choice] - second
		c = 0.5 + 0.47*math.Tanh(margin/4)
	}
	if m.cands[m.choice].Match == gazetteer.MatchLoose {
		c *= 0.85
	}
	if !m.cands[m.choice].LevelMatch {
		c *= 0.8
	}
	return math.Round(c*100) / 100
}

// Distance is the great-circle distance in km between two lat/lon points.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
