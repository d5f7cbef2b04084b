package geoparse

import (
	"math"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// findContainers links "X in the Y region", "X, Y region", "X, Y" and
// "Y's X" so X is looked for inside Y.
func (d *document) findContainers() {
	for i, m := range d.ms {
		if i+1 < len(d.ms) {
			next := d.ms[i+1]
			between := d.gap(i)
			districtOf := between == "of" && m.sp.end > d.toks[m.sp.last].end // "Hodan district of Mogadishu"
			if districtOf || isContainerGap(between) && !d.inList(i) && (next.levelHint() < m.levelHint() || m.sp.fromCue && len(m.cands) == 0) {
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
	for i := len(d.ms) - 2; i >= 0; i-- {
		// "Kalynivka village (Kalynivka, Donetsk region)": the name repeated
		// in brackets with its region is inside that region too.
		m, next := d.ms[i], d.ms[i+1]
		if m.container < 0 && next.sp.key == m.sp.key && strings.Contains(d.text[m.sp.end:next.start], "(") {
			m.container = next.container
		}
	}
	for i, m := range d.ms {
		if m.sp.fromCue && m.container < 0 {
			m.container = d.regionLaterInSentence(i)
		}
	}
	d.contained = map[int][]int{}
	for j, m := range d.ms {
		if m.container >= 0 {
			d.contained[m.container] = append(d.contained[m.container], j)
		}
	}
}

// inList: mentions i and i+1 are neighbours in a list of three or more
// alike names ("Arkansas, California, Colorado, Georgia"), where a comma
// separates items rather than putting one inside the next. A list of
// "Town, State" pairs ("Athens, Ga., Alexandria, La.") is not one: its
// neighbours are not alike.
func (d *document) inList(i int) bool {
	alike := func(a, b int) bool { return d.ms[a].levelHint() == d.ms[b].levelHint() }
	return d.gap(i) == "," && (d.listed(i-1) && alike(i-1, i) || d.listed(i+1) && alike(i+1, i+2))
}

// listed: mentions a and a+1 are joined as list items (a comma, "and", "or").
func (d *document) listed(a int) bool {
	switch d.gap(a) {
	case ",", "and", "or", ", and", ", or":
		return true
	}
	return false
}

// gap is the text between mentions a and a+1, trimmed and in lower case,
// or "" past either end or when they are further apart than any gap this
// file looks for.
func (d *document) gap(a int) string {
	if a < 0 || a+1 >= len(d.ms) {
		return ""
	}
	if d.gaps == nil {
		// Scoring asks for the same gaps in every round: they are cut once.
		d.gaps = make([]string, len(d.ms)-1)
		for b := range d.gaps {
			from, to := d.ms[b].sp.end, d.ms[b+1].start
			if to-from <= maxGap && to >= from {
				d.gaps[b] = strings.TrimSpace(strings.ToLower(d.text[from:to]))
			}
		}
	}
	return d.gaps[a]
}

// maxGap is the longest text between two mentions that can join them
// (", in the southern", "village (").
const maxGap = 24

// regionLaterInSentence finds, for an unknown village ("Krynky, a village
// on the left bank of the Kherson region"), the first region or district
// named later in the same sentence, or -1.
func (d *document) regionLaterInSentence(i int) int {
	for j := i + 1; j < len(d.ms); j++ {
		if strings.ContainsAny(d.text[d.ms[i].sp.end:d.ms[j].start], ".!?\n") {
			return -1
		}
		if l := d.ms[j].sp.level; l == geo.LevelAdmin1 || l == geo.LevelAdmin2 {
			return j
		}
	}
	return -1
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
		"in the western", "in central", "in the central", "near", "outside", ", near",
		"(", ", (", "town (", "village (", "city (": // "Popasna (Luhansk region)", "in X town (X, Region)"
		return true
	}
	return false
}

// tally weighs the countries and admin1 regions the document names, from
// the current choices.
func (d *document) tally() {
	// tally runs after every changed choice: the slices are cleared, not
	// made again.
	d.placeCountry, d.placeAdmin1 = resized(d.placeCountry, len(d.ms)), resized(d.placeAdmin1, len(d.ms))
	for i, m := range d.ms {
		if m.place() != nil {
			d.placeCountry[i], d.placeAdmin1[i] = d.placeNumbers(i) // a fallback may number a new region
		}
	}
	nn, nc, na := len(d.num.names), d.num.countries(), d.num.admin1s()
	d.countryWeight, d.weightByName = resized(d.countryWeight, nc), resized(d.weightByName, nn)
	d.countryNamed, d.admin1Named = resized(d.countryNamed, nc), pairsFor(d.admin1Named, na)
	d.countryByName = emptied(d.countryByName, nn)
	d.datelineCountry = -1
	d.countryTotal = 0
	for i, m := range d.ms {
		p := m.place()
		if p == nil {
			continue
		}
		country, name := d.placeCountry[i], d.num.name[i]
		if p.Level() == geo.LevelCountry && !m.sp.demonym {
			d.countryNamed[country] = true
		}
		if t := d.toks[m.sp.first]; t.allCaps && t.sentStart && d.datelineCountry < 0 && m.start < 200 && p.Country != "" {
			d.datelineCountry = country
		}
		w := 1.0
		if l := p.Level(); l == geo.LevelCountry || l == geo.LevelAdmin1 {
			w = 2
		}
		d.countryWeight[country] += w
		d.countryByName[name] = countIn(d.countryByName[name], country, w)
		d.weightByName[name] += w
		d.countryTotal += w
		if isRegionLevel(p.Level()) && p.Admin1 != "" {
			d.admin1Named[d.placeAdmin1[i]].add(name)
		}
	}
}

// countryShare is the weighted share of the places chosen for the
// document's other names that lie in country: a name's own mentions do
// not vouch for their own reading.
func (d *document) countryShare(i int, country int32) float64 {
	own := d.num.name[i]
	n := d.countryTotal - d.weightByName[own]
	if n <= 0 {
		return 0
	}
	return (d.countryWeight[country] - countOf(d.countryByName[own], country)) / n
}

// admin1Share is the share of the distinct places chosen for the
// document's mentions of other names that lie in the division.
func (d *document) admin1Share(i int, admin1 int32) float64 {
	own := d.num.name[i]
	n := len(d.points) - d.pointsByName[own]
	if n <= 0 {
		return 0
	}
	return (float64(d.pointsByAdmin1[admin1]) - countOf(d.admin1ByName[own], admin1)) / float64(n)
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
	for _, j := range d.contained[i] {
		o := d.ms[j]
		for k := range o.cands {
			if contains(p, &o.cands[k].Place) {
				return true
			}
		}
	}
	return false
}

// pointKey is a place chosen for a name (its number).
type pointKey struct {
	id   int64
	name int32
}

// point is where another mention currently resolves, for nearness.
type point struct {
	lat, lon float64
	mention  int
	name     int32
}

// collectPoints gathers the places chosen for the mentions; continents,
// countries and first-level regions are left out: they are too big to say
// where (a town near a state's centre is no nearer to the state).
// A place named many times counts once, which keeps a long text linear.
// It runs after tally, whose place numbers it reads.
func (d *document) collectPoints() {
	d.points = d.points[:0]
	if d.pointSeen == nil {
		d.pointSeen = map[pointKey]bool{}
	}
	clear(d.pointSeen)
	d.pointsByName = resized(d.pointsByName, len(d.num.names))
	d.pointsByAdmin1 = resized(d.pointsByAdmin1, d.num.admin1s())
	d.admin1ByName = emptied(d.admin1ByName, len(d.num.names))
	seen := d.pointSeen
	for j, o := range d.ms {
		q := o.place()
		if q == nil || q.Level() <= geo.LevelAdmin1 {
			continue
		}
		k := pointKey{q.ID, d.num.name[j]}
		if seen[k] {
			continue
		}
		seen[k] = true
		d.points = append(d.points, point{q.Lat, q.Lon, j, k.name})
		a := d.placeAdmin1[j]
		d.pointsByName[k.name]++
		d.pointsByAdmin1[a]++
		d.admin1ByName[k.name] = countIn(d.admin1ByName[k.name], a, 1)
	}
}

// nearest is the distance in km from candidate k of mention i to the
// closest place chosen for another mention of a different name.
func (d *document) nearest(i, k int) float64 {
	min := math.Inf(1)
	name := d.num.name[i]
	p, cos := &d.ms[i].cands[k].Place, d.ms[i].named.cosLat[k]
	for _, pt := range d.points {
		if pt.mention == i || pt.name == name {
			continue
		}
		if km := flatKm(p.Lat, p.Lon, cos, pt.lat, pt.lon); km < min {
			min = km
		}
	}
	return min
}

// partOfTown is how far (km) a place may lie from a town and still count
// as inside it ("Saltivka, Kharkiv").
const partOfTown = 30.0

func contains(outer, inner *geo.Place) bool {
	switch outer.Level() {
	case geo.LevelPlace:
		return inner.Country == outer.Country && inner.Level() == geo.LevelPlace &&
			Distance(outer.Lat, outer.Lon, inner.Lat, inner.Lon) <= partOfTown
	case geo.LevelCountry:
		return inner.Country == outer.Country
	case geo.LevelAdmin1:
		return inner.Country == outer.Country && inner.Admin1 == outer.Admin1
	case geo.LevelAdmin2:
		return inner.Country == outer.Country && inner.Admin1 == outer.Admin1 && inner.Admin2 == outer.Admin2
	}
	return false
}

// flatKm is a flat-earth distance from (lat1, lon1), whose latitude's
// cosine the caller gives, close enough within a few hundred km to weigh
// nearness and much cheaper than Distance in the scoring loop.
func flatKm(lat1, lon1, cos1, lat2, lon2 float64) float64 {
	dlon := math.Abs(lon2 - lon1)
	if dlon > 180 {
		dlon = 360 - dlon
	}
	x := dlon * cos1
	y := lat2 - lat1
	return 111.2 * math.Sqrt(x*x+y*y)
}

// sameRegionNamed: c lies in an admin1 region that another name of the
// document means, or a district of it (and c is not that region itself).
func (d *document) sameRegionNamed(c *gazetteer.Candidate, admin1, name int32) bool {
	return c.Level() != geo.LevelCountry && c.Level() != geo.LevelAdmin1 && d.admin1Named[admin1].other(name)
}
