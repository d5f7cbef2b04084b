package geoparse

import (
	"math"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

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
		if container.Level() == geo.LevelPlace && m.sp.level == geo.LevelAdmin2 {
			// "Hodan district of Mogadishu": a part of the city, drawn at the city.
			fb := *container
			m.fallback, m.precision, m.confidence = &fb, geo.PrecisionNear, 0.6
			return
		}
		fb := d.regionOf(container)
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

// regionOf is the region an unknown name inside p falls back to: p when
// it is a region or a country, else p's first-level division ("near X,
// Kharkiv" is somewhere in Kharkiv oblast, not in Kharkiv city).
func (d *document) regionOf(p *geo.Place) geo.Place {
	if p.Level() <= geo.LevelAdmin2 {
		return *p
	}
	if r, ok := d.ix.Admin1(p.Admin1Key()); ok {
		return r
	}
	return *p
}

func precisionOf(p geo.Place) int {
	if geo.IsWater(p.FeatureCode) || p.FeatureCode == "ISL" {
		return geo.PrecisionRegion // a sea or an island is a large area
	}
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
