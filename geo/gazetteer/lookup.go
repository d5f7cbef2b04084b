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
	Exact   bool   // only names with the same Key: no stems, no variants
	Bare    bool   // leave admin names empty (see WithAdminNames): faster
	Key     string // Key(Name), when the caller has it already
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
	key := q.Key
	if key == "" {
		key = Key(q.Name)
	}
	core, level := SplitDesignator(key)
	if q.Level == geo.LevelUnknown {
		q.Level = level
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var hits []hit
	for _, k := range []string{key, core} {
		hits = ix.collect(hits, ix.exactSlots(k), MatchExact, q)
	}
	if !q.Exact && !hasLevel(hits, q.Level) && !strings.Contains(core, " ") {
		for _, s := range AdjectiveStems(core) {
			hits = ix.collect(hits, ix.exactSlots(s), MatchStem, q)
		}
	}
	if !q.Exact && !hasLevel(hits, q.Level) {
		hits = ix.collect(hits, ix.looseFiltered(core), MatchLoose, q)
	}
	return ix.candidates(hits, q)
}

// hit is a candidate before it is copied out of the index: a name may have
// hundreds of namesakes and only the best few are kept.
type hit struct {
	slot       int32
	id         int64
	score      float64
	match      Match
	levelMatch bool
}

func (ix *Index) collect(hits []hit, slots []int32, m Match, q Query) []hit {
	for _, s := range slots {
		if hasSlot(hits, s) {
			continue
		}
		pl := ix.head(s) // the name only when a designator asks (below)
		p := &pl
		if p.ID == 0 || !inside(p, q) {
			continue
		}
		h := hit{slot: s, id: p.ID, match: m, levelMatch: q.Level == geo.LevelUnknown || p.Level() == q.Level}
		h.score = Prior(p) - 3*float64(m)
		if !h.levelMatch {
			h.score -= 20
		} else if q.Level != geo.LevelUnknown && ownDesignator(ix.peek(s)) == q.Level {
			h.score += 2 // "Moscow region" is Moscow Oblast, not the city's own division
		}
		hits = append(hits, h)
	}
	return hits
}

func hasSlot(hits []hit, s int32) bool {
	for _, h := range hits {
		if h.slot == s {
			return true
		}
	}
	return false
}

// candidates ranks the hits by score (then id, for a stable order), keeps
// the best q.Limit (all when 0) and copies them out with their admin names,
// unless the query is bare.
func (ix *Index) candidates(hits []hit, q Query) []Candidate {
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].id < hits[j].id
	})
	if q.Limit > 0 && len(hits) > q.Limit {
		hits = hits[:q.Limit]
	}
	out := make([]Candidate, len(hits))
	for i, h := range hits {
		p := ix.place(h.slot)
		if !q.Bare {
			p = ix.withAdminNames(p)
		}
		out[i] = Candidate{Place: p, Score: h.score, Match: h.match, LevelMatch: h.levelMatch}
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

func hasLevel(hits []hit, l geo.Level) bool {
	if l == geo.LevelUnknown {
		return len(hits) > 0
	}
	for _, h := range hits {
		if h.levelMatch {
			return true
		}
	}
	return false
}

// Within returns the entries inside the admin1 division (COUNTRY.CODE)
// whose name has this key; the geoparser uses it to place "Vodiane in the
// Donetsk region".
func (ix *Index) Within(name, admin1 string) []Candidate {
	return ix.Lookup(Query{Name: name, Admin1: admin1})
}

// looseFiltered returns the slots under core's loose key whose main name
// begins with the same three letters as core: a variant spelling keeps its
// start ("Zaporozhye", "Zaporizhzhia"), and this keeps "Russian" from
// meeting "Rason".
func (ix *Index) looseFiltered(core string) []int32 {
	prefix := core
	if len(prefix) > 3 {
		prefix = prefix[:3]
	}
	var out []int32
	for _, s := range ix.looseSlots(Loose(core)) {
		p := ix.peek(s)
		if strings.HasPrefix(Key(p.ASCIIName), prefix) || strings.HasPrefix(Key(p.Name), prefix) {
			out = append(out, s)
		}
	}
	return out
}

// ownDesignator is the level named by a designator inside the entry's own
// name ("Kyiv Oblast", "Morozovsky District").
func ownDesignator(p geo.Place) geo.Level {
	_, l := SplitDesignator(Key(p.Name))
	return l
}
