package geoparse

import (
	"cmp"
	"math"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// mention is a recognised name while the document is being resolved.
type mention struct {
	sp         span
	name       string // the name without designators
	start      int
	cands      []gazetteer.Candidate
	named      *named // the candidates with their facts; shared, only read
	scores     []float64
	choice     int        // index into cands, or -1
	fallback   *geo.Place // the containing region, when no candidate fits
	stray      bool       // read as a small town, but more likely no place (stray.go)
	container  int        // index of the mention that contains this one, or -1
	precision  int
	confidence float64
}

// shown: the mention is a place of the output.
func (m *mention) shown() bool { return m.place() != nil && !m.stray }

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
	num  numbers  // names, countries and divisions numbered (numbers.go)
	sc   *scratch // buffers lent for the document
	gaps []string // the text between mentions a and a+1, as gap gives it
	// the country and division numbers of each mention's place, at tally
	placeCountry, placeAdmin1 []int32
	// countries and admin1 divisions the document names, weighted: in all,
	// by country, by name, and by name and country.
	countryTotal  float64
	countryWeight []float64
	weightByName  []float64
	countryByName [][]counted
	admin1Named   []namePair // by division: names whose chosen place is it or a district of it
	points        []point
	contained     map[int][]int // container mention → the mentions it contains
	countryNamed  []bool
	// regionsNamed and placesNamed: which names may mean each first-level
	// division, or a place in it.
	regionsNamed, placesNamed []namePair
	// firstReadings counts the document's names, each by the country of its
	// likeliest reading alone (no context).
	firstReadings struct {
		names     int
		byCountry []int
	}
	// counts of the distinct points by name, by division and by both
	pointsByName, pointsByAdmin1 []int
	admin1ByName                 [][]counted
	pointSeen                    map[pointKey]bool
	// free: the mention's evidence is its name's and the document's alone
	// (contextFree), worked out once.
	free []bool
	// changes counts the changed choices (and new starts) while settling;
	// scoredAt is its value when each mention was last scored.
	changes  int
	scoredAt []int
	// datelineCountry is the country of the wire dateline's place, or -1.
	datelineCountry int32
	w               *Weights
	x               [nFeatures]float64 // scratch
}

func (d *document) resolve() {
	d.findContainers()
	d.collectNamed()
	d.free = make([]bool, len(d.ms))
	d.scoredAt = make([]int, len(d.ms))
	for i := range d.ms {
		d.free[i] = d.contextFree(i)
	}
	for _, m := range d.ms {
		m.choice = -1
		if len(m.cands) > 0 {
			m.choice = 0
		}
	}
	d.settle()
	if alt := d.coLocatedStart(); alt != nil && !slices.Equal(alt, d.choices()) {
		first, firstTotal := d.snapshot(), d.total()
		for i, m := range d.ms {
			m.choice = alt[i]
		}
		d.settle()
		if d.total() < firstTotal {
			d.restore(first)
		}
	}
	finished := make([]bool, len(d.ms))
	var finishFrom func(i int)
	finishFrom = func(i int) {
		if finished[i] {
			return
		}
		finished[i] = true
		if c := d.ms[i].container; c >= 0 {
			finishFrom(c) // a container settles first: its place may be a fallback too
		}
		d.finish(d.ms[i])
	}
	for i := range d.ms {
		finishFrom(i)
	}
	d.markStrays()
}

// settle runs rounds of scoring from the current choices until none
// changes.
func (d *document) settle() {
	// Each round scores every mention against the others' current choices;
	// a change is taken into the context at once, so two names that pull
	// each other (a town and its county) cannot swap back and forth. A
	// change can enable another (a county settles, then its town): rounds
	// go on until nothing changes, up to maxRounds.
	d.tally()
	d.collectPoints()
	// A report repeats its names: a mention whose score depends on nothing
	// but its name and the context (d.free) takes the scores of an earlier
	// one of the same name while the context has not changed since.
	// A mention scored since the last change of any choice would score the
	// same again: it is skipped (d.changes counts the changes).
	free := d.free
	same := map[*named]int{}
	d.changes++
	for round := 0; round < maxRounds; round++ {
		changed := false
		clear(same)
		for i, m := range d.ms {
			if d.scoredAt[i] == d.changes {
				continue
			}
			d.scoredAt[i] = d.changes
			was := m.choice
			if j, ok := same[m.named]; ok && free[i] {
				m.choice = d.ms[j].choice
				m.scores = append(m.scores[:0], d.ms[j].scores...)
			} else {
				d.score(i, m)
				if free[i] && m.named != nil {
					same[m.named] = i
				}
			}
			if m.choice != was {
				changed = true
				d.changes++
				clear(same)
				d.tally()
				d.collectPoints()
			}
		}
		if !changed {
			break
		}
	}
}

// reading is the mentions' choices and scores at one settled state.
type reading struct {
	choices []int
	scores  [][]float64
}

func (d *document) snapshot() reading {
	r := reading{choices: d.choices(), scores: make([][]float64, len(d.ms))}
	for i, m := range d.ms {
		r.scores[i] = slices.Clone(m.scores)
	}
	return r
}

// restore puts back a settled reading and the context it was scored in.
func (d *document) restore(r reading) {
	for i, m := range d.ms {
		m.choice, m.scores = r.choices[i], r.scores[i]
	}
	d.tally()
	d.collectPoints()
}

func (d *document) choices() []int {
	out := make([]int, len(d.ms))
	for i, m := range d.ms {
		out[i] = m.choice
	}
	return out
}

// total is the sum of the chosen candidates' scores.
func (d *document) total() float64 {
	t := 0.0
	for _, m := range d.ms {
		if len(m.scores) > 1 {
			t += m.scores[m.choice]
		}
	}
	return t
}

// coLocatedStart is a second starting point for settle: each ambiguous
// mention starts at its candidate nearest to a candidate of another name,
// when one lies within coLocatedKm ("Paris and Henry County": Tennessee's
// pair, which settling from the likeliest readings alone, France's Paris
// and Georgia's county, never reaches). nil when no mention would start
// elsewhere than at its first candidate.
func (d *document) coLocatedStart() []int {
	// Every candidate of every name is a spot; pairs of spots of two names
	// are found by a sweep in latitude, and each spot keeps its distance to
	// the nearest spot of another name in the same or a neighbouring
	// 1-degree cell.
	spots := d.sc.spots[:0]
	defer func() { d.sc.spots = spots[:0] }()
	firstSpot := make(map[*named]int, len(d.ms)) // each name's candidates' spots, from here on
	for i, m := range d.ms {
		if m.named == nil {
			continue
		}
		if _, seen := firstSpot[m.named]; seen {
			continue
		}
		firstSpot[m.named] = len(spots)
		for k := range m.cands {
			if c := &m.cands[k]; c.Level() > geo.LevelAdmin1 {
				spots = append(spots, colocSpot{lat: c.Lat, lon: c.Lon, cos: m.named.cosLat[k], latCell: int(math.Floor(c.Lat)),
					lonCell: int(math.Floor(c.Lon)), name: d.num.name[i], nearestKm: coLocatedKm})
			}
		}
	}
	byLat := d.sc.byLat[:0]
	for a := range spots {
		byLat = append(byLat, a)
	}
	defer func() { d.sc.byLat = byLat[:0] }()
	slices.SortFunc(byLat, func(a, b int) int { return cmp.Compare(spots[a].lat, spots[b].lat) })
	// A degree of latitude is 111.2 km in flatKm; a little more is swept.
	window := (coLocatedKm + 1) / 111.2
	for x, a := range byLat {
		p := &spots[a]
		for _, b := range byLat[x+1:] {
			q := &spots[b]
			if q.lat-p.lat > window {
				break
			}
			if q.name == p.name || abs(q.latCell-p.latCell) > 1 || abs(q.lonCell-p.lonCell) > 1 {
				continue
			}
			p.nearestKm = min(p.nearestKm, flatKm(p.lat, p.lon, p.cos, q.lat, q.lon))
			q.nearestKm = min(q.nearestKm, flatKm(q.lat, q.lon, q.cos, p.lat, p.lon))
		}
	}
	byName := make(map[*named]int, len(d.ms)) // the start chosen for each name's candidates
	moved := false
	for _, m := range d.ms {
		if len(m.cands) < 2 || byName[m.named] != 0 {
			continue
		}
		best, bestKm := 0, coLocatedKm
		s := firstSpot[m.named]
		for k := range m.cands {
			if m.cands[k].Level() <= geo.LevelAdmin1 {
				continue
			}
			if km := spots[s].nearestKm; km < bestKm {
				best, bestKm = k, km
			}
			s++
		}
		if best > 0 {
			byName[m.named], moved = best, true
		}
	}
	if !moved {
		return nil
	}
	out := d.choices()
	for i, m := range d.ms {
		if k := byName[m.named]; m.named != nil && k > 0 {
			out[i] = k
		}
	}
	return out
}

// colocSpot is a candidate of a name, for coLocatedStart.
type colocSpot struct {
	lat, lon  float64
	cos       float64 // of the latitude
	latCell   int
	lonCell   int
	name      int32
	nearestKm float64
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// coLocatedKm is how near two names' candidates must lie to start the
// second reading together: a town and its county seat, two neighbours.
const coLocatedKm = 30.0

// contextFree: mention i's evidence is its name's and the document's
// alone, with nothing positional: no container, nothing contained, no list
// neighbour (see features).
func (d *document) contextFree(i int) bool {
	return d.ms[i].container < 0 && len(d.contained[i]) == 0 &&
		(i == 0 || !d.listed(i-1)) && (i+1 >= len(d.ms) || !d.listed(i))
}

// score rates every candidate of mention i against the rest of the
// document and keeps the best.
func (d *document) score(i int, m *mention) {
	if len(m.cands) == 0 {
		return
	}
	if len(m.cands) == 1 {
		m.choice, m.scores = 0, m.scores[:0] // nothing to weigh
		return
	}
	if cap(m.scores) < len(m.cands) {
		m.scores = make([]float64, len(m.cands))
	}
	m.scores = m.scores[:len(m.cands)]
	best := 0
	for k := range m.cands {
		d.features(i, k, &d.x)
		m.scores[k] = d.w.dot(&d.x)
		if m.scores[k] > m.scores[best] {
			best = k
		}
	}
	// Nearness can add at most its weight: only candidates within that of
	// the best can still win, so only they are measured.
	wNear, wLocal := d.w[fNear], d.w[fNearLocal]
	reach := math.Max(wNear, 0) + math.Max(wLocal, 0)
	top := m.scores[best]
	for k := range m.cands {
		if m.scores[k]+reach < top {
			continue
		}
		km := d.nearest(i, k)
		m.scores[k] += wNear*math.Exp(-km/nearScale) + wLocal*math.Exp(-km/localScale)
		if m.scores[k] > m.scores[best] {
			best = k
		}
	}
	m.choice = best
}

// maxRounds bounds the rounds of resolve.
const maxRounds = 5

// localScale is the distance (km) over which a local neighbour's pull fades.
const localScale = 50.0
