package gazetteer

import (
	"bytes"
	"errors"
	"math/bits"
)

// filter is a blocked Bloom filter over strings, written with the packed
// index and read where it lies. The geoparser asks whether every run of
// capitalised words is a key and whether every capitalised word starts a
// longer name; most answers are no, and the filter gives nearly all of
// those without reading the keys. All of a string's bits lie in one block
// of 64 bytes, so a question costs one cache line, not eight.
type filter struct {
	bits   []byte
	blocks uint64 // number of blocks - 1: a power of two, minus one
}

const (
	// filterProbes is how many bits a string sets in its block. At 12 to
	// 24 bits a string (the sizes filterBytes picks) about one string in
	// two hundred or fewer that was not added passes.
	filterProbes = 8
	blockBytes   = 64
	blockBits    = blockBytes * 8
)

// filterBytes is the size for n strings: a power of two of blocks, at
// least 12 bits a string.
func filterBytes(n int) int {
	return max(blockBytes, 1<<bits.Len(uint(12*max(n, 1)/8-1)))
}

func newFilter(n int) filter {
	nb := filterBytes(n)
	return filter{bits: make([]byte, nb), blocks: uint64(nb/blockBytes - 1)}
}

// probes are a string's block (from the high bits of its hashOf sum) and
// its bits in the block by double hashing from the low bits, the step odd
// so that the eight bits are distinct.
func (f filter) probes(sum uint64) (block []byte, bit, step uint64) {
	b := (sum >> 32) & f.blocks * blockBytes
	return f.bits[b : b+blockBytes], sum, (sum >> 16) | 1
}

// add sets the bits of the string whose hash is sum.
func (f filter) add(sum uint64) {
	block, bit, step := f.probes(sum)
	for range filterProbes {
		i := bit % blockBits
		block[i>>3] |= 1 << (i & 7)
		bit += step
	}
}

// mayHave is false when the string whose hash is sum was certainly not
// added.
func (f filter) mayHave(sum uint64) bool {
	block, bit, step := f.probes(sum)
	for range filterProbes {
		i := bit % blockBits
		if block[i>>3]&(1<<(i&7)) == 0 {
			return false
		}
		bit += step
	}
	return true
}

// writeTo writes the filter as writePow2 does.
func (f filter) writeTo(w *bytes.Buffer) { writePow2(w, f.bits) }

// readFilter reads what writeTo wrote.
func readFilter(r *reader) (filter, error) {
	b, ok := readPow2(r, blockBytes)
	if !ok {
		return filter{}, errors.New("bad filter")
	}
	return filter{bits: b, blocks: uint64(len(b)/blockBytes - 1)}, nil
}
