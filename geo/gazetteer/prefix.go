package gazetteer

import (
	"sort"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// prefixIndex is a sorted list of (key, slot) pairs for autocomplete. It is
// built on the first prefix search, so a cold start that only parses text
// does not pay for it.
type prefixIndex struct {
	keys  []string
	slots []int32
	// short holds, for every prefix of up to shortLen bytes, the best
	// entries by prior, so one- and two-letter queries need no scan.
	short map[string][]int32
}

const (
	shortLen  = 3
	shortKeep = 50
)

func (ix *Index) buildPrefix() {
	type pair struct {
		k string
		s int32
	}
	var pairs []pair
	for slot := range ix.places {
		p := &ix.places[slot]
		if p.ID == 0 {
			continue
		}
		for _, k := range prefixKeys(*p) {
			pairs = append(pairs, pair{k, int32(slot)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].k < pairs[j].k })
	pi := &prefixIndex{keys: make([]string, len(pairs)), slots: make([]int32, len(pairs))}
	for i, p := range pairs {
		pi.keys[i], pi.slots[i] = p.k, p.s
	}
	pi.short = ix.shortTable(pi)
	ix.prefix = pi
}

// shortTable keeps the shortKeep best entries under every short prefix.
func (ix *Index) shortTable(pi *prefixIndex) map[string][]int32 {
	short := map[string][]int32{}
	for i, k := range pi.keys {
		for n := 1; n <= shortLen && n <= len(k); n++ {
			short[k[:n]] = append(short[k[:n]], pi.slots[i])
		}
	}
	for p, slots := range short {
		sort.Slice(slots, func(i, j int) bool {
			return Prior(&ix.places[slots[i]]) > Prior(&ix.places[slots[j]])
		})
		slots = dedupeSlots(slots)
		if len(slots) > shortKeep {
			slots = slots[:shortKeep]
		}
		short[p] = slots
	}
	return short
}

func dedupeSlots(slots []int32) []int32 {
	seen := make(map[int32]bool, len(slots))
	out := slots[:0]
	for _, s := range slots {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// prefixKeys are the keys autocomplete searches: the main and ASCII names
// and the alternate names.
func prefixKeys(p geo.Place) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range append([]string{p.Name, p.ASCIIName}, p.AlternateNames...) {
		if k := Key(n); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

func (pi *prefixIndex) insert(p geo.Place, slot int32) {
	for _, k := range prefixKeys(p) {
		i := sort.SearchStrings(pi.keys, k)
		pi.keys = append(pi.keys, "")
		copy(pi.keys[i+1:], pi.keys[i:])
		pi.keys[i] = k
		pi.slots = append(pi.slots, 0)
		copy(pi.slots[i+1:], pi.slots[i:])
		pi.slots[i] = slot
	}
}

func (pi *prefixIndex) remove(p geo.Place, slot int32) {
	for _, k := range prefixKeys(p) {
		for i := sort.SearchStrings(pi.keys, k); i < len(pi.keys) && pi.keys[i] == k; i++ {
			if pi.slots[i] == slot {
				pi.keys = append(pi.keys[:i], pi.keys[i+1:]...)
				pi.slots = append(pi.slots[:i], pi.slots[i+1:]...)
				break
			}
		}
	}
}

// SearchOptions narrows a prefix search.
type SearchOptions struct {
	Country string
	Limit   int
}

// maxScan bounds how many prefix matches are ranked, so one-letter queries
// stay fast; names are ranked by prior among the first matches in key order
// and the exact name always competes.
const maxScan = 20000

// Search returns entries whose names start with q, best first by prior,
// with exact name matches ahead of longer names: autocomplete.
func (ix *Index) Search(q string, opt SearchOptions) []Candidate {
	key := Key(q)
	if key == "" {
		return nil
	}
	if opt.Limit <= 0 {
		opt.Limit = 10
	}
	ix.mu.RLock()
	if ix.prefix == nil {
		ix.mu.RUnlock()
		ix.mu.Lock()
		if ix.prefix == nil {
			ix.buildPrefix()
		}
		ix.mu.Unlock()
		ix.mu.RLock()
	}
	defer ix.mu.RUnlock()
	type hit struct {
		slot  int32
		score float64
	}
	var hits []hit
	seen := map[int32]bool{}
	consider := func(s int32, exact bool) {
		p := &ix.places[s]
		if seen[s] || p.ID == 0 || (opt.Country != "" && !strings.EqualFold(p.Country, opt.Country)) {
			return
		}
		seen[s] = true
		score := Prior(p)
		if exact {
			score += 5
		}
		hits = append(hits, hit{s, score})
	}
	pi := ix.prefix
	if top, ok := pi.short[key]; ok && len(key) <= shortLen && opt.Country == "" {
		for _, s := range top {
			consider(s, false)
		}
	}
	// Keys equal to the query sort first in its range; short queries
	// without a country filter take those plus the precomputed best.
	shortPath := len(key) <= shortLen && opt.Country == ""
	start := sort.SearchStrings(pi.keys, key)
	for i := start; i < len(pi.keys) && strings.HasPrefix(pi.keys[i], key) && i-start < maxScan; i++ {
		exact := pi.keys[i] == key
		if shortPath && !exact {
			break
		}
		consider(pi.slots[i], exact)
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return ix.places[hits[i].slot].ID < ix.places[hits[j].slot].ID
	})
	if len(hits) > opt.Limit {
		hits = hits[:opt.Limit]
	}
	out := make([]Candidate, len(hits))
	for i, h := range hits {
		out[i] = Candidate{Place: ix.withAdminNames(ix.places[h.slot]), Score: h.score}
	}
	return out
}

// Find is the search users type into: the candidates the whole name may
// mean (designators, adjectival and variant spellings understood, as in
// Lookup) followed by the entries whose names start with it (as in Search),
// without repeats.
func (ix *Index) Find(q string, opt SearchOptions) []Candidate {
	if opt.Limit <= 0 {
		opt.Limit = 10
	}
	out := ix.Lookup(Query{Name: q, Country: opt.Country, Limit: opt.Limit})
	for _, c := range ix.Search(q, opt) {
		if len(out) >= opt.Limit {
			break
		}
		if !contains(out, c.ID) {
			out = append(out, c)
		}
	}
	return out
}
