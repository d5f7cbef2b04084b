package gazetteer

import (
	"sort"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// Query asks for the entries a name may mean. Level, when set, prefers
// entries of that level (a designator in the text fixes it); Country and
// Admin1 keep only entries inside that country or COUNTRY.CODE division.
type Query struct {
	Name    string
	Level   geo.Level
	Country string
	Admin1  string
	Limit   int
}

// Match says how a candidate's name met the query.
type Match int

const (
	MatchExact Match = iota // same Key
	MatchStem               // an adjectival form of the name ("Rostovskaya")
	MatchLoose              // a transliteration variant ("Zaporozhye")
)

// Candidate is an entry a name may mean, with its prior score.
type Candidate struct {
	geo.Place
	Score      float64 `json:"score"`
	Match      Match   `json:"-"`
	LevelMatch bool    `json:"-"` // the entry is of the level the query asked for
}

// Lookup returns the candidates for q.Name, best first. The name may carry
// designators ("Rostov Oblast", "village of Vodiane"), which set the level
// when q.Level is unset. Exact keys are tried first, then adjective stems,
// then loose keys; when a level is asked for, candidates of that level
// come before any other.
func (ix *Index) Lookup(q Query) []Candidate {
	key := Key(q.Name)
	core, level := SplitDesignator(key)
	if q.Level == geo.LevelUnknown {
		q.Level = level
	}
	ix.ensureLoose()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []Candidate
	for _, k := range []string{key, core} {
		out = ix.collect(out, ix.exact.get(k), MatchExact, q)
	}
	if !hasLevel(out, q.Level) && !strings.Contains(core, " ") {
		for _, s := range AdjectiveStems(core) {
			out = ix.collect(out, ix.exact.get(s), MatchStem, q)
		}
	}
	if !hasLevel(out, q.Level) {
		out = ix.collect(out, ix.looseFiltered(core), MatchLoose, q)
	}
	rank(out)
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out
}

func (ix *Index) collect(out []Candidate, slots []int32, m Match, q Query) []Candidate {
	for _, s := range slots {
		p := &ix.places[s]
		if p.ID == 0 || !inside(p, q) || contains(out, p.ID) {
			continue
		}
		c := Candidate{Place: ix.withAdminNames(*p), Match: m}
		c.LevelMatch = q.Level == geo.LevelUnknown || p.Level() == q.Level
		c.Score = Prior(p) - 3*float64(m)
		if !c.LevelMatch {
			c.Score -= 20
		} else if q.Level != geo.LevelUnknown && ownDesignator(p) == q.Level {
			c.Score += 2 // "Moscow region" is Moscow Oblast, not the city's own division
		}
		out = append(out, c)
	}
	return out
}

func inside(p *geo.Place, q Query) bool {
	if q.Country != "" && !strings.EqualFold(p.Country, q.Country) {
		return false
	}
	if q.Admin1 != "" && !strings.EqualFold(p.Admin1Key(), q.Admin1) {
		return false
	}
	return true
}

func contains(list []Candidate, id int64) bool {
	for _, c := range list {
		if c.ID == id {
			return true
		}
	}
	return false
}

func hasLevel(list []Candidate, l geo.Level) bool {
	if l == geo.LevelUnknown {
		return len(list) > 0
	}
	for _, c := range list {
		if c.LevelMatch {
			return true
		}
	}
	return false
}

// rank sorts by score, then by id so equal scores keep a stable order.
func rank(list []Candidate) {
	sort.Slice(list, func(i, j int) bool {
		if list[i].Score != list[j].Score {
			return list[i].Score > list[j].Score
		}
		return list[i].ID < list[j].ID
	})
}

// Within returns the entries inside the admin1 division (COUNTRY.CODE)
// whose name has this key; the geoparser uses it to place "Vodiane in the
// Donetsk region".
func (ix *Index) Within(name, admin1 string) []Candidate {
	return ix.Lookup(Query{Name: name, Admin1: admin1})
}

func (ix *Index) ensureLoose() {
	ix.mu.RLock()
	ready := ix.loose != nil
	ix.mu.RUnlock()
	if ready {
		return
	}
	ix.mu.Lock()
	if ix.loose == nil {
		ix.buildLoose()
	}
	ix.mu.Unlock()
}

// looseFiltered returns the slots under core's loose key whose own names
// begin with the same three letters as core: a variant spelling keeps its
// start ("Zaporozhye", "Zaporizhzhia"), and this keeps "Russian" from
// meeting "Rason".
func (ix *Index) looseFiltered(core string) []int32 {
	prefix := core
	if len(prefix) > 3 {
		prefix = prefix[:3]
	}
	var out []int32
	for _, s := range ix.loose.get(Loose(core)) {
		p := &ix.places[s]
		for _, n := range append([]string{p.Name, p.ASCIIName}, p.AlternateNames...) {
			if strings.HasPrefix(Key(n), prefix) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// ownDesignator is the level named by a designator inside the entry's own
// name ("Kyiv Oblast", "Morozovsky District").
func ownDesignator(p *geo.Place) geo.Level {
	_, l := SplitDesignator(Key(p.Name))
	return l
}
