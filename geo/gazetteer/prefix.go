package gazetteer

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/incidentmap/incidentmap/geo"
)

// prefixIndex is a sorted list of (key, slot) pairs for autocomplete,
// built when the index loads.
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

// prefixPair is one key of one entry, before sorting.
type prefixPair struct {
	k string
	s int32
}

// buildPrefix builds the prefix index from every live entry, after a
// bulk PutAll. The caller holds the write lock.
func (ix *Index) buildPrefix() {
	var pairs []prefixPair
	for i := range ix.places {
		p := &ix.places[i]
		if p.ID == 0 {
			continue
		}
		for _, k := range prefixKeys(*p) {
			pairs = append(pairs, prefixPair{k, ix.nBase + int32(i)})
		}
	}
	ix.prefix = ix.newPrefixIndex(pairs)
}

// newPrefixIndex sorts pairs (which it reuses) into a prefix index. The
// two halves sort on two goroutines and are merged.
func (ix *Index) newPrefixIndex(pairs []prefixPair) *prefixIndex {
	cmpPair := func(a, b prefixPair) int {
		return cmp.Or(strings.Compare(a.k, b.k), cmp.Compare(a.s, b.s))
	}
	lo, hi := pairs[:len(pairs)/2], pairs[len(pairs)/2:]
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(lo, cmpPair) })
	slices.SortFunc(hi, cmpPair)
	wg.Wait()
	pi := &prefixIndex{keys: make([]string, 0, len(pairs)), slots: make([]int32, 0, len(pairs))}
	for len(lo) > 0 || len(hi) > 0 {
		var p prefixPair
		if len(hi) == 0 || (len(lo) > 0 && cmpPair(lo[0], hi[0]) <= 0) {
			p, lo = lo[0], lo[1:]
		} else {
			p, hi = hi[0], hi[1:]
		}
		pi.keys = append(pi.keys, p.k)
		pi.slots = append(pi.slots, p.s)
	}
	pi.short = ix.shortTable(pi)
	return pi
}

// shortTable keeps the shortKeep best entries under every short prefix.
// The keys are sorted, so each prefix's entries are one run of them.
func (ix *Index) shortTable(pi *prefixIndex) map[string][]int32 {
	priors := make([]float64, len(ix.places))
	for i := range ix.places {
		priors[i] = Prior(&ix.places[i])
	}
	prior := func(s int32) float64 { return priors[s-ix.nBase] }
	short := map[string][]int32{}
	for n := 1; n <= shortLen; n++ {
		for i := 0; i < len(pi.keys); {
			k := pi.keys[i]
			if len(k) < n {
				i++
				continue
			}
			p := k[:n]
			var best []int32
			for ; i < len(pi.keys) && strings.HasPrefix(pi.keys[i], p); i++ {
				best = keepBest(best, pi.slots[i], prior)
			}
			short[p] = best
		}
	}
	return short
}

// keepBest adds slot to best, the up to shortKeep distinct slots with the
// highest prior (ties by slot), best first.
func keepBest(best []int32, slot int32, prior func(int32) float64) []int32 {
	before := func(a, b int32) bool { return prior(a) > prior(b) || (prior(a) == prior(b) && a < b) }
	if len(best) == shortKeep && !before(slot, best[len(best)-1]) {
		return best
	}
	i := len(best)
	for i > 0 && before(slot, best[i-1]) {
		i--
	}
	if i > 0 && best[i-1] == slot || slices.Contains(best[i:], slot) {
		return best
	}
	best = slices.Insert(best, i, slot)
	return best[:min(len(best), shortKeep)]
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

// insert adds the keys of p in slot, and p to the short lists it ranks in.
func (pi *prefixIndex) insert(ix *Index, p geo.Place, slot int32) {
	for _, k := range prefixKeys(p) {
		for n := 1; n <= shortLen && n <= len(k); n++ {
			pi.short[k[:n]] = ix.rankShort(pi.short[k[:n]], slot)
		}
		i := sort.SearchStrings(pi.keys, k)
		pi.keys = append(pi.keys, "")
		copy(pi.keys[i+1:], pi.keys[i:])
		pi.keys[i] = k
		pi.slots = append(pi.slots, 0)
		copy(pi.slots[i+1:], pi.slots[i:])
		pi.slots[i] = slot
	}
}

// remove drops the keys of p in slot, and slot from the short lists.
func (pi *prefixIndex) remove(p geo.Place, slot int32) {
	for _, k := range prefixKeys(p) {
		for n := 1; n <= shortLen && n <= len(k); n++ {
			if list, ok := pi.short[k[:n]]; ok {
				pi.short[k[:n]] = without(list, slot)
			}
		}
		for i := sort.SearchStrings(pi.keys, k); i < len(pi.keys) && pi.keys[i] == k; i++ {
			if pi.slots[i] == slot {
				pi.keys = append(pi.keys[:i], pi.keys[i+1:]...)
				pi.slots = append(pi.slots[:i], pi.slots[i+1:]...)
				break
			}
		}
	}
}

// rankShort puts slot into a short list, ordered by prior, when it ranks
// among the best shortKeep.
func (ix *Index) rankShort(list []int32, slot int32) []int32 {
	if slices.Contains(list, slot) {
		return list
	}
	pr := ix.prior(slot) // slot is the newest, so it ranks after its equals
	i := 0
	for i < len(list) && ix.prior(list[i]) >= pr {
		i++
	}
	if i >= shortKeep {
		return list
	}
	list = slices.Insert(slices.Clone(list), i, slot)
	return list[:min(len(list), shortKeep)]
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
		// Loaded without it (LoadOptions.NoPrefix), or a bulk PutAll
		// is between its puts: build it now.
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
		id    int64
		score float64
	}
	var hits []hit
	seen := map[int32]bool{}
	consider := func(s int32, exact bool) {
		if seen[s] {
			return
		}
		p := ix.head(s)
		if p.ID == 0 || (opt.Country != "" && !strings.EqualFold(p.Country, opt.Country)) {
			return
		}
		seen[s] = true
		score := Prior(&p)
		if exact {
			score += 5
		}
		hits = append(hits, hit{s, p.ID, score})
	}
	if top, ok := ix.shortList(key); ok && len(key) <= shortLen && opt.Country == "" {
		for _, s := range top {
			consider(s, false)
		}
	}
	// Keys equal to the query sort first in its range; short queries
	// without a country filter take those plus the precomputed best.
	shortPath := len(key) <= shortLen && opt.Country == ""
	scanned := 0
	ix.eachNamed(key, func(k string, s int32) bool {
		if !strings.HasPrefix(k, key) || scanned >= maxScan || shortPath && k != key {
			return false
		}
		consider(s, k == key)
		scanned++
		return true
	})
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].id < hits[j].id
	})
	if len(hits) > opt.Limit {
		hits = hits[:opt.Limit]
	}
	out := make([]Candidate, len(hits))
	for i, h := range hits {
		out[i] = Candidate{Place: ix.withAdminNames(ix.place(h.slot)), Score: h.score}
	}
	return out
}

// shortList is the best entries under a short prefix, best first: the
// base's and those put on top, ranked together.
func (ix *Index) shortList(prefix string) ([]int32, bool) {
	top, ok := ix.prefix.short[prefix]
	if ix.base == nil {
		return top, ok
	}
	base, found := ix.base.shortList(prefix)
	if !found {
		return top, ok
	}
	base = ix.liveBase(base)
	if !ok {
		return base, true
	}
	best := base
	for _, s := range top {
		best = keepBest(best, s, ix.prior)
	}
	return best, true
}

// prior is Prior of the entry in slot.
func (ix *Index) prior(slot int32) float64 {
	p := ix.head(slot)
	return Prior(&p)
}

// eachNamed calls fn with the names of the live entries, as keys, from
// key on in key then slot order, until fn returns false: the base's and
// those put on top, merged.
func (ix *Index) eachNamed(key string, fn func(k string, slot int32) bool) {
	pi := ix.prefix
	i := sort.SearchStrings(pi.keys, key)
	var bc *prefixCursor
	if ix.base != nil {
		bc = ix.base.prefixFrom(key)
	}
	for {
		bk, bs, bok := "", int32(0), false
		if bc != nil {
			bk, bs, bok = bc.peek()
		}
		topOK := i < len(pi.keys)
		switch {
		case !bok && !topOK:
			return
		case bok && (!topOK || bk < pi.keys[i] || bk == pi.keys[i] && bs < pi.slots[i]):
			bc.pop()
			if ix.dead[bs] {
				continue
			}
			if !fn(bk, bs) {
				return
			}
		default:
			i++
			if !fn(pi.keys[i-1], pi.slots[i-1]) {
				return
			}
		}
	}
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
