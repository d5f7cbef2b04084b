package gazetteer

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"io"
	"math"
	"slices"
	"strings"
)

// Pack reads the bundled gazetteer file, as Load does, and returns its
// packed index (packed.go), which Open reads.
func Pack(r io.Reader) ([]byte, error) {
	ix, err := Load(r)
	if err != nil {
		return nil, err
	}
	return ix.pack()
}

// Items per chunk: a chunk of records or keys is some kilobytes, whose item
// offsets a lookup works out once.
const (
	recordsPerChunk = 256
	itemsPerChunk   = 1024
)

// pack writes the index, as Load built it, in packed form.
func (ix *Index) pack() ([]byte, error) {
	if ix.base != nil || ix.prefix == nil || len(ix.hidden) > 0 {
		return nil, errPacked("only a freshly loaded index can be packed")
	}
	var codes, countries, admin1s, admin2s stringTable
	records, names := &tableWriter{per: recordsPerChunk}, &tableWriter{per: recordsPerChunk}
	for slot, p := range ix.places {
		if p.Source != "geonames" || p.FeatureClass != featureClass(p.FeatureCode) {
			return nil, errPacked("entry %d (slot %d) is not a plain bundled entry", p.ID, slot)
		}
		if p.ID <= 0 || slot > 0 && p.ID <= ix.places[slot-1].ID {
			return nil, errPacked("entry %d (slot %d): ids must be positive and ascending", p.ID, slot)
		}
		b := binary.AppendVarint(nil, p.GeonameID-p.ID)
		b = binary.AppendUvarint(b, codes.id(p.FeatureCode))
		b = binary.AppendUvarint(b, countries.id(p.Country))
		b = binary.AppendUvarint(b, admin1s.id(p.Admin1))
		b = binary.AppendUvarint(b, admin2s.id(p.Admin2))
		b = binary.AppendVarint(b, p.Population)
		lat, ok1 := fixedPoint(p.Lat)
		lon, ok2 := fixedPoint(p.Lon)
		if !ok1 || !ok2 {
			return nil, errPacked("entry %d: a coordinate with more than five decimals", p.ID)
		}
		b = binary.AppendVarint(b, lat)
		b = binary.AppendVarint(b, lon)
		records.add(beUint64(uint64(p.ID)), b)
		b = appendBytes(nil, p.Name)
		if p.ASCIIName == p.Name {
			b = binary.AppendUvarint(b, 0)
		} else {
			b = binary.AppendUvarint(b, uint64(len(p.ASCIIName))+1)
			b = append(b, p.ASCIIName...)
		}
		b = binary.AppendUvarint(b, uint64(len(p.AlternateNames)))
		for _, a := range p.AlternateNames {
			b = appendBytes(b, a)
		}
		names.add(nil, b)
	}
	if len(ix.byID) != len(ix.places) {
		return nil, errPacked("ids are not unique")
	}
	var out bytes.Buffer
	out.WriteString(packedMagic)
	for _, st := range []*stringTable{&codes, &countries, &admin1s, &admin2s} {
		st.writeTo(&out)
	}
	keys, sortedKeys := ix.packKeys()
	for _, tw := range []*tableWriter{records, names, keys, ix.packLoose(), ix.packShort(), ix.packAdmin()} {
		tw.writeTo(&out)
	}
	keyFilter, startFilter, keyHash, startHash := packFinders(sortedKeys)
	keyFilter.writeTo(&out)
	startFilter.writeTo(&out)
	keyHash.writeTo(&out)
	startHash.writeTo(&out)
	return out.Bytes(), nil
}

// packFinders returns, for the keys table's sorted keys, what finds a key
// or a key's first word fast: a filter over the keys and a hash table to
// each key's item; a filter over the words that begin a key of more than
// one word and a hash table to the first key each begins.
func packFinders(keys []string) (keyFilter, startFilter filter, keyHash, startHash hashTable) {
	firsts := 0
	for i, k := range keys {
		if w, ok := firstWord(k); ok && (i == 0 || !strings.HasPrefix(keys[i-1], w+" ")) {
			firsts++
		}
	}
	keyFilter, keyHash = newFilter(len(keys)), newHashTable(len(keys))
	startFilter, startHash = newFilter(firsts), newHashTable(firsts)
	for i, k := range keys {
		sum := hashOf(k)
		keyFilter.add(sum)
		keyHash.put(sum, i)
		if w, ok := firstWord(k); ok && (i == 0 || !strings.HasPrefix(keys[i-1], w+" ")) {
			sum := hashOf(w)
			startFilter.add(sum)
			startHash.put(sum, i)
		}
	}
	return keyFilter, startFilter, keyHash, startHash
}

// firstWord is the first word of a key of more than one word.
func firstWord(key string) (string, bool) {
	sp := strings.IndexByte(key, ' ')
	return key[:max(sp, 0)], sp > 0
}

// fixedPoint is v in hundred-thousandths of a degree, when that is exact:
// the gazetteer file gives five decimals, and n/1e5 is then the very
// float64 that parsing the decimal gives (both are correctly rounded).
func fixedPoint(v float64) (int64, bool) {
	n := int64(math.Round(v * 1e5))
	return n, float64(n)/1e5 == v
}

func appendBytes(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// packKeys files every key's slots, marking those for which the key is
// not one of the entry's names (not in the prefix index). It returns the
// keys too, in the table's order.
func (ix *Index) packKeys() (*tableWriter, []string) {
	keys := make([]string, 0, len(ix.exact.one))
	for k := range ix.exact.one {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	pi := ix.prefix
	tw := &tableWriter{per: itemsPerChunk}
	j := 0
	for _, k := range keys {
		for j < len(pi.keys) && pi.keys[j] < k {
			j++
		}
		var b []byte
		for _, s := range ix.exact.get(k) {
			named := false
			for i := j; i < len(pi.keys) && pi.keys[i] == k; i++ {
				named = named || pi.slots[i] == s
			}
			flag := uint64(1)
			if named {
				flag = 0
			}
			b = binary.AppendUvarint(b, uint64(s)<<1|flag)
		}
		tw.add([]byte(k), b)
	}
	return tw, keys
}

// packLoose files every entry under the loose forms of its keys.
func (ix *Index) packLoose() *tableWriter {
	type pair struct {
		h string
		s int32
	}
	var pairs []pair
	ix.exact.each(func(k string, slots []int32) {
		h := Loose(k)
		for _, s := range slots {
			pairs = append(pairs, pair{h, s})
		}
	})
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Or(strings.Compare(a.h, b.h), cmp.Compare(a.s, b.s)) })
	pairs = slices.Compact(pairs)
	tw := &tableWriter{per: itemsPerChunk}
	for i := 0; i < len(pairs); {
		var b []byte
		j := i
		for ; j < len(pairs) && pairs[j].h == pairs[i].h; j++ {
			b = binary.AppendUvarint(b, uint64(pairs[j].s))
		}
		tw.add([]byte(pairs[i].h), b)
		i = j
	}
	return tw
}

func (ix *Index) packShort() *tableWriter {
	tw := &tableWriter{per: itemsPerChunk}
	prefixes := make([]string, 0, len(ix.prefix.short))
	for p := range ix.prefix.short {
		prefixes = append(prefixes, p)
	}
	slices.Sort(prefixes)
	for _, p := range prefixes {
		var b []byte
		for _, s := range ix.prefix.short[p] {
			b = binary.AppendUvarint(b, uint64(s))
		}
		tw.add([]byte(p), b)
	}
	return tw
}

func (ix *Index) packAdmin() *tableWriter {
	type entry struct {
		k string
		s int32
	}
	var all []entry
	for tag, m := range map[string]map[string]int32{"c": ix.country, "1": ix.admin1, "2": ix.admin2} {
		for k, s := range m {
			all = append(all, entry{tag + k, s})
		}
	}
	slices.SortFunc(all, func(a, b entry) int { return strings.Compare(a.k, b.k) })
	tw := &tableWriter{per: itemsPerChunk}
	for _, e := range all {
		tw.add([]byte(e.k), binary.AppendUvarint(nil, uint64(e.s)))
	}
	return tw
}
