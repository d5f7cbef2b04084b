package geoparse

import (
	"math"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// The evidence the resolver weighs for each candidate of a mention. The
// weights are fitted on gold corpora (cmd/fitresolver, `make train`) and
// kept in resolver_weights.tsv, one line a feature.
const (
	fPopulation           = iota // log10(population+1)
	fContinent                   // the entry is a continent
	fCountry                     // a country
	fAdmin1                      // a first-level division
	fAdmin2                      // a second-level division
	fCapital                     // a national capital
	fSeat                        // a first-level seat (PPLA)
	fMinorSeat                   // a lower seat (PPLA2..PPLA5)
	fSection                     // a section of a town, or a historical or abandoned place
	fAlternate                   // the name met an alternate name, not the main one
	fStem                        // the name met an adjectival form ("Rostovskaya")
	fLoose                       // the name met a transliteration variant ("Zaporozhye")
	fLevelMismatch               // a designator asked for another level
	fOwnDesignator               // the entry's own name carries the designator ("Moscow Oblast")
	fInContainer                 // inside the place the text says it is in ("Alexandria, La.")
	fHoldsContained              // holds a place the text says is in it ("Atlanta, Georgia")
	fRegionNamed                 // in a first-level division the document names
	fCountryShare                // share of the document's other names' places in this country
	fCountryNamed                // the document names this country
	fNear                        // exp(-km/300) to the nearest other place the document names
	fDateline                    // in the country of the article's dateline
	fAdmin1Share                 // share of the document's other places in this candidate's first-level division
	fNearLocal                   // exp(-km/50) to the nearest other place: a town's neighbours in local news
	fMostPopulous                // the most populous of the name's candidates
	fDivisionInCountry           // a division (state, province) of a country the document is mostly about
	fInsideOther                 // in a region that another name of the document may mean ("Athens" with "Georgia")
	fHoldsOther                  // a region holding a place that another name may mean ("Georgia" with "Athens")
	fCountryFirstReadings        // share of the document\'s other names whose likeliest reading alone lies in this country
	fListPeers                   // share of its list neighbours resolved to the same kind of place in the same country ("Arkansas, Georgia and Idaho")
	fWater                       // a body of water
	fWaterWord                   // a body of water, named with its water word ("Red Sea", "Gulf of Aden")
	nFeatures
)

var featureNames = [nFeatures]string{
	"population_log10", "is_continent", "is_country", "is_admin1", "is_admin2", "is_capital",
	"is_admin1_seat", "is_minor_seat", "is_section_or_historical", "alternate_name", "stem_match",
	"loose_match", "level_mismatch", "own_designator", "in_container", "holds_contained",
	"region_named", "country_share", "country_named", "near", "dateline_country",
	"admin1_share", "near_local", "most_populous", "division_in_focus_country",
	"inside_other_name", "holds_other_name", "country_of_first_readings",
	"list_peers", "is_water", "water_word",
}

// nearScale is the distance (km) over which nearness fades.
const nearScale = 300.0

// staticFeatures is the evidence of an entry and the way its name matched,
// which no context changes: its size and kind, how the name met it, and
// whether a designator in the text, or a water word in the name with a
// body of water among its readings (waterAsked), asked for its level.
func staticFeatures(c *gazetteer.Candidate, alt, mostPopulous, waterWord, waterAsked bool, level geo.Level) [nFeatures]float64 {
	var x [nFeatures]float64
	if geo.IsWater(c.FeatureCode) {
		x[fWater] = 1
		if waterWord {
			x[fWaterWord] = 1
		}
	}
	x[fPopulation] = math.Log10(float64(c.Population) + 1)
	switch c.FeatureCode {
	case "CONT":
		x[fContinent] = 1
	case "PPLC":
		x[fCapital] = 1
	case "PPLA":
		x[fSeat] = 1
	case "PPLA2", "PPLA3", "PPLA4", "PPLA5":
		x[fMinorSeat] = 1
	case "PPLX", "PPLL", "PPLH", "PPLQ", "PPLW":
		x[fSection] = 1
	}
	switch c.Level() {
	case geo.LevelCountry:
		x[fCountry] = 1
	case geo.LevelAdmin1:
		x[fAdmin1] = 1
	case geo.LevelAdmin2:
		x[fAdmin2] = 1
	}
	switch c.Match {
	case gazetteer.MatchStem:
		x[fStem] = 1
	case gazetteer.MatchLoose:
		x[fLoose] = 1
	default:
		if alt {
			x[fAlternate] = 1
		}
	}
	if !c.LevelMatch || waterAsked && !geo.IsWater(c.FeatureCode) {
		x[fLevelMismatch] = 1
	} else if level != geo.LevelUnknown && ownDesignatorLevel(&c.Place) == level {
		x[fOwnDesignator] = 1
	}
	if mostPopulous {
		x[fMostPopulous] = 1
	}
	return x
}

// features fills x with the evidence for candidate k of mention i. The
// nearness features are left 0: they are the costliest and are added by
// score only where they can change the choice.
func (d *document) features(i, k int, x *[nFeatures]float64) {
	m := d.ms[i]
	c := &m.cands[k]
	country, admin1, name := d.num.country[i][k], d.num.admin1[i][k], d.num.name[i]
	*x = m.named.static[k] // what the entry and the name alone say, worked out once
	if m.container >= 0 {
		if container := d.ms[m.container].place(); container != nil && contains(container, &c.Place) {
			x[fInContainer] = 1
		}
	}
	if d.containsContained(i, &c.Place) {
		x[fHoldsContained] = 1
	}
	if d.sameRegionNamed(c, admin1, name) {
		x[fRegionNamed] = 1
	}
	x[fCountryShare] = d.countryShare(i, country)
	if d.countryNamed[country] && c.Level() != geo.LevelCountry {
		x[fCountryNamed] = 1
	}
	if country == d.datelineCountry {
		x[fDateline] = 1
	}
	if c.Level() > geo.LevelCountry {
		x[fAdmin1Share] = d.admin1Share(i, admin1)
	}
	if l := c.Level(); l == geo.LevelAdmin1 || l == geo.LevelAdmin2 {
		x[fDivisionInCountry] = x[fCountryShare]
	}
	if n := d.firstReadings.names - 1; n > 0 {
		own := 0
		if d.num.country[i][0] == country {
			own = 1
		}
		x[fCountryFirstReadings] = float64(d.firstReadings.byCountry[country]-own) / float64(n)
	}
	x[fListPeers] = d.listPeers(i, &c.Place)
	switch {
	case c.Level() > geo.LevelAdmin1 && d.regionsNamed[admin1].other(name):
		x[fInsideOther] = 1
	case c.Level() == geo.LevelAdmin1 && d.placesNamed[admin1].other(name):
		x[fHoldsOther] = 1
	}
}

// collectNamed records what every name of the document may mean: the
// regions its candidates are, and the regions its places' candidates lie
// in. It depends on the candidates only, so it runs once.
func (d *document) collectNamed() {
	na := d.num.admin1s()
	d.regionsNamed, d.placesNamed = pairsFor(nil, na), pairsFor(nil, na)
	d.firstReadings.byCountry = make([]int, d.num.countries())
	seen := make([]bool, len(d.num.names))
	for i, m := range d.ms {
		name := d.num.name[i]
		if len(m.cands) == 0 || seen[name] {
			continue // each name once: a report repeats its names
		}
		seen[name] = true
		// The name read the way the gazetteer's prior reads it alone.
		d.firstReadings.names++
		d.firstReadings.byCountry[d.num.country[i][0]]++
		for k := range m.cands {
			switch l := m.cands[k].Level(); {
			case l == geo.LevelAdmin1:
				d.regionsNamed[d.num.admin1[i][k]].add(name)
			case l > geo.LevelAdmin1:
				d.placesNamed[d.num.admin1[i][k]].add(name)
			}
		}
	}
}

// ownDesignatorLevel is the level named by a designator inside the
// entry's own name ("Kyiv Oblast", "Morozovsky District").
func ownDesignatorLevel(p *geo.Place) geo.Level {
	_, l := gazetteer.SplitDesignator(gazetteer.Key(p.Name))
	return l
}

// listPeers is the share of mention i's neighbours in a list whose chosen
// place is of the same level and country as p: a list names alike things.
func (d *document) listPeers(i int, p *geo.Place) float64 {
	n, same := 0, 0
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(d.ms) || !d.listed(min(i, j)) {
			continue
		}
		q := d.ms[j].place()
		if q == nil {
			continue
		}
		n++
		if q.Level() == p.Level() && q.Country == p.Country {
			same++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(same) / float64(n)
}

// waterWords name kinds of water body.
var waterWords = set("sea", "gulf", "strait", "straits", "ocean", "bay", "channel", "lagoon")

// hasWaterWord: one of the key's words is a water word ("red sea").
func hasWaterWord(key string) bool {
	for _, w := range strings.Fields(key) {
		if waterWords[w] {
			return true
		}
	}
	return false
}
