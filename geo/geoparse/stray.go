package geoparse

import (
	"math"

	"github.com/incidentmap/incidentmap/geo"
)

// strayPopulation is the size under which a town read from a bare name
// can be a stray: a town's size, not a city's. On the three development
// corpora any bound from 20,000 to 500,000 gave about the same gain (LGL
// precision +1.2 to +1.8 points, TR-News +0.3, GeoVirus +0.4 to +0.9,
// recall at most -0.1).
const strayPopulation = 100000

// strayKm is how far a stray lies from every other place the document
// names: a front-line village beside the regions a report names is not one
// ("Avdiivka" in a report on Rostov and Belgorod), a namesake on another
// continent is. Bounds of 1,000 to 3,000 km cost the development corpora
// at most 0.1 to 0.4 points of precision against none.
const strayKm = 1000.0

// markStrays marks the mentions stray finds, which the output leaves out.
// Their choices stay: what the resolver weighed and what fitting learns
// from are the same with and without the mark.
func (d *document) markStrays() {
	for i, m := range d.ms {
		m.stray = d.stray(i)
	}
}

// smallTown: a populated place, not a capital, of fewer than
// strayPopulation people.
func smallTown(p *geo.Place) bool {
	return p.Level() == geo.LevelPlace && p.FeatureCode != "PPLC" && p.Population < strayPopulation
}

// stray: a bare one-word name read as a small town far from the
// document's other places, in a country none of them is in, with nothing
// around it that says it is a place (no preposition, container, designator
// or list), is more likely a person, a brand or a thing ("Obama", "Honda",
// "Titan").
func (d *document) stray(i int) bool {
	m := d.ms[i]
	sp := m.sp
	if m.choice < 0 || m.fallback != nil || sp.first != sp.last || sp.demonym || sp.fromCue ||
		sp.level != geo.LevelUnknown || sp.admin1 != "" || d.toks[sp.first].allCaps {
		return false
	}
	if m.container >= 0 || len(d.contained[i]) > 0 || i > 0 && d.listed(i-1) || d.listed(i) {
		return false
	}
	if sp.first > 0 && locativePreps[d.toks[sp.first-1].low] {
		return false
	}
	p := &m.cands[m.choice].Place
	if !smallTown(p) {
		return false
	}
	others, here, nearest := 0, 0, math.Inf(1)
	for j, o := range d.ms {
		q := o.place()
		if q == nil || o.sp.key == sp.key || j == i {
			continue
		}
		others++
		if q.Country == p.Country {
			here++
		}
		if q.Level() > geo.LevelCountry {
			nearest = min(nearest, Distance(p.Lat, p.Lon, q.Lat, q.Lon))
		}
	}
	return others >= 2 && here == 0 && nearest > strayKm
}
