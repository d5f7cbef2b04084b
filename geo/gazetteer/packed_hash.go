package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/bits"

	"github.com/cespare/xxhash/v2"
)

// hashTable finds an item of a sorted table from a string in a probe or
// two, where binary search through the table's chunks takes some twenty
// comparisons, each decoding an item. Its slots hold an item number plus
// one (0 is empty), 4 bytes little-endian each, filled by linear probing
// from the string's hash; what a slot's item must be for the string is the
// caller's to say. It is written with the packed index and read where it
// lies.
type hashTable struct {
	slots []byte
	mask  uint64 // number of slots - 1: a power of two
}

// newHashTable has room for n strings with at least a third of the slots
// empty, so that a probe ends after a slot or two.
func newHashTable(n int) hashTable {
	ns := max(4, 1<<bits.Len(uint(max(n+n/2, 1)-1)))
	return hashTable{slots: make([]byte, 4*ns), mask: uint64(ns - 1)}
}

func (h hashTable) slot(p uint64) uint32 {
	return binary.LittleEndian.Uint32(h.slots[4*(p&h.mask):])
}

// put files item under the string of hash sum.
func (h hashTable) put(sum uint64, item int) {
	p := sum
	for h.slot(p) != 0 {
		p++
	}
	binary.LittleEndian.PutUint32(h.slots[4*(p&h.mask):], uint32(item+1))
}

// find returns the first item below n filed under hash sum that is, match
// says, the one wanted. A table without an empty slot or with an item
// number out of range can only be a damaged binary: it panics.
func (h hashTable) find(sum uint64, n int, match func(item int) bool) (int, bool) {
	for p := sum; p-sum <= h.mask; p++ {
		v := h.slot(p)
		if v == 0 {
			return 0, false
		}
		if int(v-1) >= n {
			panic("gazetteer: packed index: hash table names a missing item")
		}
		if match(int(v - 1)) {
			return int(v - 1), true
		}
	}
	panic("gazetteer: packed index: hash table without an empty slot")
}

// writeTo writes the table as writePow2 does.
func (h hashTable) writeTo(w *bytes.Buffer) { writePow2(w, h.slots) }

// readHashTable reads what writeTo wrote. Its slots are checked as find
// reads them, like the chunks of a table.
func readHashTable(r *reader) (hashTable, error) {
	b, ok := readPow2(r, 16) // 4 slots or more
	if !ok {
		return hashTable{}, errors.New("bad hash table")
	}
	return hashTable{slots: b, mask: uint64(len(b)/4 - 1)}, nil
}

// writePow2 writes b, a power of two of bytes long, as its length
// (uvarint) and its bytes.
func writePow2(w *bytes.Buffer, b []byte) {
	writeUvarint(w, uint64(len(b)))
	w.Write(b)
}

// readPow2 reads what writePow2 wrote, which must be at least least bytes.
func readPow2(r *reader, least uint64) ([]byte, bool) {
	n := r.uvarint()
	b := r.take(int(min(n, uint64(len(r.b)+1))))
	return b, r.err == nil && n >= least && n&(n-1) == 0
}

// hashOf is the hash that filters and hash tables file a string under.
func hashOf(s string) uint64 { return xxhash.Sum64String(s) }
