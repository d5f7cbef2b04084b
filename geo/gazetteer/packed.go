package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// The packed index is the bundled gazetteer with every index it needs
// built ahead of time (see Pack), embedded in the binary and searched
// where it lies: sorted tables found by binary search, each cut into
// chunks read in place, and entries decoded only when a lookup reaches
// them. Opening it parses a few small tables, so a command that looks up
// one name starts at once, and names are not held as hundreds of
// thousands of Go strings.
//
// The file is the magic line, then four string tables (feature codes,
// countries, admin1 and admin2 codes), then six tables (packed_table.go):
//
//	records  id (big-endian) → the entry's codes, numbered in the string
//	         tables, population and point (in 1e-5 degrees);
//	         one per slot, ids ascending
//	names    its name, ASCII name and alternate names, one per slot
//	keys     Key → the slots found under it, ascending, each as
//	         slot<<1 | 1 when the key is not one of the entry's own names
//	         (a designator dropped, a stem), which prefix search leaves out
//	loose    Loose key → slots, ascending
//	short    prefix of up to shortLen bytes → the best slots, best first
//	admin    "c" country, "1" COUNTRY.ADMIN1, "2" COUNTRY.ADMIN1.ADMIN2 → slot
//
// and last, to find a key or a key's first word without searching the keys
// table, two Bloom filters (packed_filter.go) and two hash tables
// (packed_hash.go): over the keys, and over the words that begin a key of
// more than one word.
const packedMagic = "incidentmap packed gazetteer 2\n"

type packed struct {
	n                                  int32
	codes, countries, admin1s, admin2s []string
	records, names, keys, loose, short *table
	ad                                 *table
	keyFilter, startFilter             filter    // see packFinders
	keyHash, startHash                 hashTable // see packFinders
}

func openPacked(b []byte) (*packed, error) {
	if !bytes.HasPrefix(b, []byte(packedMagic)) {
		return nil, errors.New("gazetteer: not a packed index of this version")
	}
	r := reader{b: b[len(packedMagic):]}
	pk := &packed{}
	for _, st := range []*[]string{&pk.codes, &pk.countries, &pk.admin1s, &pk.admin2s} {
		n := r.uvarint()
		if r.err != nil || n > uint64(len(r.b)) {
			return nil, errors.New("gazetteer: packed index: bad string table")
		}
		*st = make([]string, n)
		for i := range *st {
			(*st)[i] = string(r.bytes())
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("gazetteer: packed index: %w", r.err)
	}
	rest := r.b
	for _, t := range []**table{&pk.records, &pk.names, &pk.keys, &pk.loose, &pk.short, &pk.ad} {
		var err error
		if *t, rest, err = readTable(rest); err != nil {
			return nil, fmt.Errorf("gazetteer: packed index: %w", err)
		}
	}
	fr := reader{b: rest}
	for _, f := range []*filter{&pk.keyFilter, &pk.startFilter} {
		var err error
		if *f, err = readFilter(&fr); err != nil {
			return nil, fmt.Errorf("gazetteer: packed index: %w", err)
		}
	}
	for _, h := range []*hashTable{&pk.keyHash, &pk.startHash} {
		var err error
		if *h, err = readHashTable(&fr); err != nil {
			return nil, fmt.Errorf("gazetteer: packed index: %w", err)
		}
	}
	if len(fr.b) != 0 {
		return nil, errors.New("gazetteer: packed index: trailing bytes")
	}
	if pk.names.n != pk.records.n {
		return nil, errors.New("gazetteer: packed index: names and records differ in number")
	}
	pk.n = int32(pk.records.n)
	return pk, nil
}

// What of an entry place decodes.
const (
	decodeHead  = iota // ids, codes, population and point: what ranking reads
	decodeNames        // and the main and ASCII names
	decodeAll          // and the alternate names
)

// place decodes the entry in slot as far as depth says.
func (pk *packed) place(slot int32, depth int) geo.Place {
	id, b := pk.records.item(int(slot))
	r := reader{b: b}
	p := geo.Place{ID: int64(binary.BigEndian.Uint64(id))}
	p.GeonameID = p.ID + r.varint()
	p.FeatureCode = pk.codes[r.uvarint()]
	p.Country = pk.countries[r.uvarint()]
	p.Admin1 = pk.admin1s[r.uvarint()]
	p.Admin2 = pk.admin2s[r.uvarint()]
	p.Population = r.varint()
	p.Lat = float64(r.varint()) / 1e5
	p.Lon = float64(r.varint()) / 1e5
	p.FeatureClass, p.Source = featureClass(p.FeatureCode), "geonames"
	if r.err == nil && depth >= decodeNames {
		_, b = pk.names.item(int(slot))
		// One string holds all the names; each is a piece of it.
		all := string(b)
		r.b = b
		str := func() string {
			n := int(r.uvarint())
			at := len(all) - len(r.b)
			r.take(n)
			if r.err != nil {
				return ""
			}
			return all[at : at+n]
		}
		p.Name = str()
		if n := r.uvarint(); n == 0 {
			p.ASCIIName = p.Name
		} else {
			at := len(all) - len(r.b)
			r.take(int(n - 1))
			if r.err == nil {
				p.ASCIIName = all[at : at+int(n-1)]
			}
		}
		if depth >= decodeAll {
			if n := r.uvarint(); n > 0 && n <= uint64(len(r.b)) {
				p.AlternateNames = make([]string, n)
				for i := range p.AlternateNames {
					p.AlternateNames[i] = str()
				}
			}
		}
	}
	if r.err != nil {
		panic(fmt.Sprintf("gazetteer: packed index: entry %d: %v", slot, r.err))
	}
	return p
}

// slotList decodes a payload of uvarint slots.
func slotList(b []byte) []int32 {
	out := make([]int32, 0, 2)
	for len(b) > 0 {
		v, k := binary.Uvarint(b)
		out = append(out, int32(v))
		b = b[k:]
	}
	return out
}

// exact returns the slots under key, ascending.
func (pk *packed) exact(key string) []int32 {
	b, ok := pk.findKey(key)
	if !ok {
		return nil
	}
	out := slotList(b)
	for i := range out {
		out[i] >>= 1
	}
	return out
}

// hasKey reports whether some entry not in dead is under key.
func (pk *packed) hasKey(key string, dead map[int32]bool) bool {
	b, ok := pk.findKey(key)
	if !ok || len(dead) == 0 {
		return ok
	}
	for len(b) > 0 {
		v, k := binary.Uvarint(b)
		if !dead[int32(v>>1)] {
			return true
		}
		b = b[k:]
	}
	return false
}

// startsName reports whether some key of more than one word begins with
// word.
func (pk *packed) startsName(word string) bool {
	if word == "" || strings.IndexByte(word, ' ') >= 0 {
		return false
	}
	sum := hashOf(word)
	if !pk.startFilter.mayHave(sum) {
		return false
	}
	_, ok := pk.startHash.find(sum, pk.keys.n, func(i int) bool {
		k, _ := pk.keys.item(i)
		return len(k) > len(word) && k[len(word)] == ' ' && string(k[:len(word)]) == word
	})
	return ok
}

// findKey returns the payload of the keys table's item for key.
func (pk *packed) findKey(key string) ([]byte, bool) {
	sum := hashOf(key)
	if !pk.keyFilter.mayHave(sum) {
		return nil, false
	}
	var payload []byte
	_, ok := pk.keyHash.find(sum, pk.keys.n, func(i int) bool {
		k, p := pk.keys.item(i)
		payload = p
		return string(k) == key
	})
	return payload, ok
}

// looseSlots returns the slots under a loose key, ascending.
func (pk *packed) looseSlots(loose string) []int32 {
	b, ok := pk.loose.find(loose)
	if !ok {
		return nil
	}
	return slotList(b)
}

// slotOf returns the slot of the entry with this id.
func (pk *packed) slotOf(id int64) (int32, bool) {
	if id <= 0 {
		return 0, false
	}
	i := pk.records.search(string(beUint64(uint64(id))))
	if i >= pk.records.n {
		return 0, false
	}
	if k, _ := pk.records.item(i); int64(binary.BigEndian.Uint64(k)) != id {
		return 0, false
	}
	return int32(i), true
}

// shortList returns the best slots under a short prefix, best first.
func (pk *packed) shortList(prefix string) ([]int32, bool) {
	b, ok := pk.short.find(prefix)
	if !ok {
		return nil, false
	}
	return slotList(b), true
}

// admin returns the slot filed under an admin key ("c", "1" or "2" and
// the code).
func (pk *packed) admin(key string) (int32, bool) {
	b, ok := pk.ad.find(key)
	if !ok {
		return 0, false
	}
	v, _ := binary.Uvarint(b)
	return int32(v), true
}

// countries lists the codes of the country entries, sorted.
func (pk *packed) countryCodes() []string {
	var out []string
	for i := pk.ad.search("c"); i < pk.ad.n; i++ {
		k, _ := pk.ad.item(i)
		if len(k) == 0 || k[0] != 'c' {
			break
		}
		out = append(out, string(k[1:]))
	}
	return out
}

// prefixCursor walks the (key, slot) pairs of entries' own names from a
// key on, in key then slot order, as prefix search reads them.
type prefixCursor struct {
	pk    *packed
	i     int    // item of the keys table
	key   string // its key
	slots []int32
}

func (pk *packed) prefixFrom(key string) *prefixCursor {
	c := &prefixCursor{pk: pk, i: pk.keys.search(key) - 1}
	c.advance()
	return c
}

// advance moves to the next key that is some entry's own name.
func (c *prefixCursor) advance() {
	c.slots = c.slots[:0]
	for len(c.slots) == 0 {
		c.i++
		if c.i >= c.pk.keys.n {
			c.key = ""
			return
		}
		k, b := c.pk.keys.item(c.i)
		for _, s := range slotList(b) {
			if s&1 == 0 {
				c.slots = append(c.slots, s>>1)
			}
		}
		c.key = string(k)
	}
}

// next returns the next pair, or ok false at the end.
func (c *prefixCursor) peek() (string, int32, bool) {
	if len(c.slots) == 0 {
		return "", 0, false
	}
	return c.key, c.slots[0], true
}

func (c *prefixCursor) pop() {
	c.slots = c.slots[1:]
	if len(c.slots) == 0 {
		c.advance()
	}
}
