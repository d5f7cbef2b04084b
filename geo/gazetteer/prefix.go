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
}

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
	ix.prefix = pi
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
	pi := ix.prefix
	var out []Candidate
	seen := map[int32]bool{}
	start := sort.SearchStrings(pi.keys, key)
	for i := start; i < len(pi.keys) && i-start < maxScan && strings.HasPrefix(pi.keys[i], key); i++ {
		s := pi.slots[i]
		p := &ix.places[s]
		if seen[s] || p.ID == 0 || (opt.Country != "" && !strings.EqualFold(p.Country, opt.Country)) {
			continue
		}
		seen[s] = true
		c := Candidate{Place: *p, Score: Prior(p)}
		if pi.keys[i] == key {
			c.Score += 5
		}
		out = append(out, c)
	}
	rank(out)
	if len(out) > opt.Limit {
		out = out[:opt.Limit]
	}
	for i := range out {
		out[i].Place = ix.withAdminNames(out[i].Place)
	}
	return out
}
