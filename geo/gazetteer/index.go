package gazetteer

import (
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/incidentmap/incidentmap/geo"
)

// Index holds every entry with its name keys: the bundled ones in the
// packed index where Open found them (or in memory, as Load read them),
// and those put at run time in memory on top. It is safe for concurrent
// use: lookups share a read lock, user edits take the write lock.
type Index struct {
	mu sync.RWMutex
	// base is the packed bundled data (Open), holding the slots below
	// nBase; the fields after it hold the entries put on top, from slot
	// nBase on (all of them when the index was loaded from text).
	base    *packed
	nBase   int32
	dead    map[int32]bool      // base slots removed
	places  []geo.Place         // by slot - nBase; removed entries have ID 0
	byID    map[int64]int32     // id → slot, for the entries put on top
	exact   keyMap              // Key → slots
	starts  map[string]struct{} // first words of the keys of more than one word
	loose   *looseIndex         // Loose(Key) → slots; nil only while loading and during a bulk PutAll
	admin1  map[string]int32    // "UA.05" → slot of the ADM1 entry
	admin2  map[string]int32    // "UA.05.1416" → slot of the ADM2 entry
	country map[string]int32    // "UA" → slot of the country entry
	prefix  *prefixIndex        // sorted keys for autocomplete; nil when loaded without (LoadOptions) and during a bulk PutAll
	hidden  map[int64]geo.Place // base entries corrected by user entries, by id
	// correctors maps a corrected base id to the user entries carrying it.
	correctors map[int64]map[int64]bool
	Info       string        // the build info of the bundled data, if known
	gen        atomic.Uint64 // bumped by every change, so callers' caches know when to forget
	names      *adminNames   // the admin names of entries, as withAdminNames gives them
}

// Generation changes whenever an entry is added or removed: answers
// cached under one generation hold until it changes.
func (ix *Index) Generation() uint64 { return ix.gen.Load() }

// New returns an empty index.
func New() *Index {
	return &Index{
		byID: map[int64]int32{}, exact: newKeyMap(0), starts: map[string]struct{}{},
		admin1: map[string]int32{}, admin2: map[string]int32{}, country: map[string]int32{},
		loose: newLooseIndex(maphash.MakeSeed()), prefix: &prefixIndex{short: map[string][]int32{}},
		names: &adminNames{},
	}
}

// Len is the number of live entries.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.byID) + int(ix.nBase) - len(ix.dead)
}

// Get returns the entry with this id, admin names filled in.
func (ix *Index) Get(id int64) (geo.Place, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.slotOf(id)
	if !ok {
		return geo.Place{}, false
	}
	return ix.withAdminNames(ix.place(slot)), true
}

// add inserts p and its keys; the caller holds the write lock.
func (ix *Index) add(p geo.Place) {
	ix.gen.Add(1)
	ix.forgetNames()
	slot := ix.insertPlace(p)
	ix.addKeys(entryKeys(p), slot)
	if ix.prefix != nil {
		ix.prefix.insert(ix, p, slot)
	}
}

// insertPlace stores p in a new slot and registers it by id and, for
// countries and divisions, by code.
func (ix *Index) insertPlace(p geo.Place) int32 {
	slot := ix.nBase + int32(len(ix.places))
	ix.places = append(ix.places, p)
	ix.byID[p.ID] = slot
	switch p.Level() {
	case geo.LevelCountry:
		if _, ok := ix.countrySlot(p.Country); !ok || p.ID >= geo.UserIDBase {
			ix.country[p.Country] = slot
		}
	case geo.LevelAdmin1:
		ix.admin1[p.Country+"."+p.Admin1] = slot
	case geo.LevelAdmin2:
		ix.admin2[p.Country+"."+p.Admin1+"."+p.Admin2] = slot
	}
	return slot
}

// addKeys files slot under its keys, and under their loose forms unless
// the loose index is being built in bulk.
func (ix *Index) addKeys(keys []string, slot int32) {
	for _, k := range keys {
		ix.exact.add(k, slot)
		if sp := strings.IndexByte(k, ' '); sp > 0 {
			ix.starts[k[:sp]] = struct{}{}
		}
		if ix.loose != nil {
			ix.loose.add(Loose(k), slot)
		}
	}
}

// arabicArticles are the forms of the Arabic article that open place names
// in their Latin spellings ("Al Hudaydah", "As-Suwayda", "El Fasher").
var arabicArticles = map[string]bool{"al": true, "el": true, "as": true, "ash": true, "ad": true, "ar": true,
	"az": true, "at": true, "an": true, "ath": true, "adh": true, "ed": true, "es": true, "er": true}

// WithoutArticle is the key without an opening Arabic article, or "" when
// it has none (or too little is left to name a place).
func WithoutArticle(k string) string {
	if sp := strings.IndexByte(k, ' '); sp > 0 && arabicArticles[k[:sp]] && len(k)-sp-1 >= 4 {
		return k[sp+1:]
	}
	return ""
}

// entryKeys are the keys an entry is found under: its names, and for
// divisions also the names without designators and their adjective stems
// ("Morozovsky District" is found as "morozovsky" and "morozovsk").
func entryKeys(p geo.Place) []string {
	keys, _ := entryKeysNames(p)
	return keys
}

// entryKeysNames returns entryKeys and, folding each name once, the keys
// of the names alone (prefixKeys), which prefix search uses.
func entryKeysNames(p geo.Place) (keys, names []string) {
	all := append([]string{p.Name, p.ASCIIName}, p.AlternateNames...)
	seen := make(map[string]bool, len(all)*2)
	addKey := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	var named map[string]bool // for entries with many names; a short list is searched
	if len(all) > 16 {
		named = make(map[string]bool, len(all))
	}
	admin := p.Level() == geo.LevelAdmin1 || p.Level() == geo.LevelAdmin2
	for _, n := range all {
		k := Key(n)
		addKey(k)
		addKey(WithoutArticle(k)) // "As-Suwayda" is found as "Suwayda", as news often writes it
		switch {
		case k == "":
		case named != nil:
			if !named[k] {
				named[k] = true
				names = append(names, k)
			}
		case !slices.Contains(names, k):
			names = append(names, k)
		}
		if !admin {
			continue
		}
		core, _ := SplitDesignator(k)
		addKey(core)
		addKey(compass.Replace(core))
		if !strings.Contains(core, " ") {
			for _, s := range AdjectiveStems(core) {
				addKey(s)
			}
		}
	}
	return keys, names
}

// compass shortens compass adjectives, so "North Darfur" finds GeoNames'
// "Northern Darfur" and "West Darfur" its "Western Darfur".
var compass = strings.NewReplacer("northern ", "north ", "southern ", "south ", "eastern ", "east ", "western ", "west ")

// remove drops the entry in slot from every key; the caller holds the
// write lock.
func (ix *Index) remove(slot int32) {
	ix.gen.Add(1)
	ix.forgetNames()
	if slot < ix.nBase {
		ix.removeBase(slot)
		return
	}
	p := ix.places[slot-ix.nBase]
	for _, k := range entryKeys(p) {
		ix.exact.remove(k, slot)
		if ix.loose != nil {
			ix.loose.remove(Loose(k), slot)
		}
	}
	delete(ix.byID, p.ID)
	if ix.prefix != nil {
		ix.prefix.remove(p, slot)
	}
	ix.places[slot-ix.nBase] = geo.Place{}
}

func without(list []int32, slot int32) []int32 {
	out := list[:0:0]
	for _, s := range list {
		if s != slot {
			out = append(out, s)
		}
	}
	return out
}

// withAdminNames fills the country, admin1 and admin2 names of p from the
// division entries.
func (ix *Index) withAdminNames(p geo.Place) geo.Place {
	n := ix.namesOf(adminKey{p.Country, p.Admin1, p.Admin2})
	if p.CountryName == "" {
		p.CountryName = n[0]
	}
	if p.Admin1 != "" && p.Admin1Name == "" {
		p.Admin1Name = n[1]
	}
	if p.Admin2 != "" && p.Admin2Name == "" {
		p.Admin2Name = n[2]
	}
	return p
}

// admin1Label is how a first-level division is named beside a place: its
// name without a trailing designator ("Chernihiv" for "Chernihiv Oblast",
// "Belgorod" for "Belgorod Oblast"), as ACLED and the press name regions,
// unless another division of the country has that name ("Kyiv Oblast"
// beside "Kyiv City", "Moscow Oblast" beside "Moscow"). The caller holds
// the read lock.
func (ix *Index) admin1Label(slot int32) string {
	p := ix.peek(slot)
	words := strings.Fields(p.Name)
	if len(words) < 2 {
		return p.Name
	}
	if l, ok := DesignatorLevel(words[len(words)-1]); !ok || l != geo.LevelAdmin1 && l != geo.LevelAdmin2 {
		return p.Name
	}
	short := strings.Join(words[:len(words)-1], " ")
	for _, s := range ix.exactSlots(Key(short)) {
		q := ix.peek(s)
		if s != slot && q.ID != 0 && q.Country == p.Country && q.Level() == geo.LevelAdmin1 {
			return p.Name // the short name would be another division's
		}
	}
	return short
}

// WithAdminNames fills the country, admin1 and admin2 names of p.
func (ix *Index) WithAdminNames(p geo.Place) geo.Place {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.withAdminNames(p)
}

// Admin1 returns the admin1 division with this COUNTRY.CODE key.
func (ix *Index) Admin1(key string) (geo.Place, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s, ok := ix.admin1Slot(key)
	if !ok {
		return geo.Place{}, false
	}
	return ix.withAdminNames(ix.place(s)), true
}

// Country returns the country entry for an ISO 3166-1 alpha-2 code.
func (ix *Index) Country(code string) (geo.Place, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s, ok := ix.countrySlot(strings.ToUpper(code))
	if !ok {
		return geo.Place{}, false
	}
	return ix.withAdminNames(ix.place(s)), true
}

// Countries lists the ISO codes of every country entry, sorted.
func (ix *Index) Countries() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []string
	if ix.base != nil {
		out = ix.base.countryCodes()
	}
	for c := range ix.country {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// buildLoose fills the loose-key map from the exact keys, after a bulk
// PutAll. The caller holds the write lock.
func (ix *Index) buildLoose(seed maphash.Seed) {
	li := newLooseIndex(seed)
	var pairs []loosePair
	ix.exact.each(func(k string, slots []int32) {
		h := li.hash(Loose(k))
		for _, s := range slots {
			pairs = append(pairs, loosePair{h, s})
		}
	})
	li.build(pairs)
	ix.loose = li
}

// HasKey reports whether some entry is found under this exact key, or
// under the key without its designator words. The geoparser asks it for
// every run of capitalised words, so it takes no allocation.
// StartsName reports whether some name of more than one word begins with
// the word whose key is given: a parser need not try longer names when it
// does not ("Mr", "The").
func (ix *Index) StartsName(word string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if _, ok := ix.starts[word]; ok {
		return true
	}
	return ix.base != nil && ix.base.startsName(word)
}

func (ix *Index) HasKey(key string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if _, ok := ix.exact.one[key]; ok {
		return true
	}
	return ix.base != nil && ix.base.hasKey(key, ix.dead)
}
