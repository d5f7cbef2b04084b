package geoparse

import (
	"math"
	"sync"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// News repeats its names, within an article and across a feed: the
// questions the parser asks the gazetteer about a name (its candidates,
// whether it is a country, a big town, a people's name) are answered once
// and kept until the gazetteer changes.

// lookupQuestion is one kind of question asked of a name key.
type lookupQuestion uint8

const (
	askCandidates lookupQuestion = iota // the mention's candidates, at a level
	askBest                             // the best entry, variants allowed
	askBestExact                        // the best entry of exactly this key
	askTopExact                         // the best few of exactly this key
)

type question struct {
	key   string
	q     lookupQuestion
	level geo.Level
}

// maxRemembered bounds the answers kept: beyond it, new names are looked
// up every time (memory stays bounded whatever the input).
const maxRemembered = 1 << 17

// answers keeps the gazetteer's answers for one index generation. It is
// safe for concurrent use.
type answers struct {
	mu       sync.RWMutex
	gen      uint64
	cands    map[question][]gazetteer.Candidate
	named    map[question]*named
	demonyms map[string]string
	regions  regions // kept across generations: numbers only grow
}

// named is what a name may mean: its candidates with the facts about each
// that every mention of the name needs, worked out once.
type named struct {
	cands        []gazetteer.Candidate
	alt          []bool    // found under an alternate name, not the main one
	admin1       []string  // COUNTRY.CODE of each candidate
	countryID    []int32   // each candidate's country, numbered (regionNumbers)
	cosLat       []float64 // the cosine of each candidate's latitude, for flatKm
	admin1ID     []int32   // each candidate's division, numbered
	mostPopulous int       // the candidate with the most people
	static       [][nFeatures]float64
	withNames    []geo.Place // each candidate with its country and admin names, for output
}

// newNamed works out the facts about each candidate of the name key, asked
// for at a level (a designator's, or none).
func newNamed(ix *gazetteer.Index, rs *regions, key string, level geo.Level, cands []gazetteer.Candidate) *named {
	n := &named{cands: cands, alt: make([]bool, len(cands)), admin1: make([]string, len(cands)),
		countryID: make([]int32, len(cands)), admin1ID: make([]int32, len(cands)), cosLat: make([]float64, len(cands)),
		static: make([][nFeatures]float64, len(cands)), withNames: make([]geo.Place, len(cands))}
	for k := range cands {
		c := &cands[k]
		n.alt[k] = !mainName(c.Name, key) && !mainName(c.ASCIIName, key)
		n.admin1[k] = c.Admin1Key()
		n.countryID[k], n.admin1ID[k] = rs.countries.of(c.Country), rs.divisions.of(n.admin1[k])
		n.cosLat[k] = math.Cos(c.Lat * math.Pi / 180)
		n.withNames[k] = ix.WithAdminNames(c.Place)
		if c.Population > cands[n.mostPopulous].Population {
			n.mostPopulous = k
		}
	}
	water := hasWaterWord(key)
	// A water word names the kind of place as a designator does: with a
	// body of water among the readings and no designator asking for
	// another level, the other readings mismatch ("in the Red Sea" is the
	// sea, not the governorate named after it).
	waterAsked := false
	for k := range cands {
		waterAsked = waterAsked || water && level == geo.LevelUnknown && geo.IsWater(cands[k].FeatureCode)
	}
	for k := range cands {
		n.static[k] = staticFeatures(&cands[k], n.alt[k], k == n.mostPopulous, water, waterAsked, level)
	}
	return n
}

// mainName: key is the name, or the name without its Arabic article
// ("Suwayda" for "As Suwayda", "Fasher" for "El Fasher"): news drops the
// article as often as it keeps it.
func mainName(name, key string) bool {
	k := gazetteer.Key(name)
	return k == key || gazetteer.WithoutArticle(k) == key
}

// meanings returns what the name key may mean at a level.
func (a *answers) meanings(ix *gazetteer.Index, q question, compute func() []gazetteer.Candidate) *named {
	return remember(a, ix, func(a *answers) map[question]*named { return a.named }, q,
		func() *named { return newNamed(ix, &a.regions, q.key, q.level, compute()) })
}

// candidates returns the gazetteer's answer to a question about a name.
func (a *answers) candidates(ix *gazetteer.Index, q question, compute func() []gazetteer.Candidate) []gazetteer.Candidate {
	return remember(a, ix, func(a *answers) map[question][]gazetteer.Candidate { return a.cands }, q, compute)
}

// demonym returns the country key a people's name derives from, or "".
func (a *answers) demonym(ix *gazetteer.Index, key string, compute func() string) string {
	return remember(a, ix, func(a *answers) map[string]string { return a.demonyms }, key, compute)
}

// remember returns the answer kept under k in the map pick selects, or
// computes, keeps and returns it. Everything kept is forgotten when the
// gazetteer's generation changes.
func remember[K comparable, V any](a *answers, ix *gazetteer.Index, pick func(*answers) map[K]V, k K, compute func() V) V {
	gen := ix.Generation()
	a.mu.RLock()
	v, ok := pick(a)[k]
	fresh := a.gen == gen
	a.mu.RUnlock()
	if ok && fresh {
		return v
	}
	v = compute()
	a.mu.Lock()
	a.renew(gen)
	if m := pick(a); len(m) < maxRemembered {
		m[k] = v
	}
	a.mu.Unlock()
	return v
}

// renew forgets everything when the gazetteer has changed; the caller
// holds the write lock.
func (a *answers) renew(gen uint64) {
	if a.cands == nil || a.gen != gen {
		a.gen = gen
		a.cands = map[question][]gazetteer.Candidate{}
		a.named = map[question]*named{}
		a.demonyms = map[string]string{}
	}
}

// ask answers a question about key.
func (r *recognizer) ask(key string, q lookupQuestion) []gazetteer.Candidate {
	return r.answers.candidates(r.ix, question{key: key, q: q}, func() []gazetteer.Candidate {
		query := gazetteer.Query{Name: key, Key: key, Limit: 1, Bare: true}
		switch q {
		case askBestExact, askTopExact:
			if !r.ix.HasKey(key) {
				return nil
			}
			query.Exact = true
			if q == askTopExact {
				query.Limit = 5
			}
		}
		return r.ix.Lookup(query)
	})
}

// best is the best entry for key, if any.
func (r *recognizer) best(key string, q lookupQuestion) (gazetteer.Candidate, bool) {
	if c := r.ask(key, q); len(c) > 0 {
		return c[0], true
	}
	return gazetteer.Candidate{}, false
}
