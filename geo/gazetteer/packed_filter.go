package gazetteer

import (
	"bytes"
	"errors"
	"math/bits"
)

// filter is a Bloom filter over strings, written with the packed index and
// read where it lies. The geoparser asks whether every run of capitalised
// words is a key and whether every capitalised word starts a longer name;
// most answers are no, and the filter gives nearly all of those without
// reading the keys.
type filter struct {
	bits []byte
	mask uint64 // number of bits - 1: a power of two
}

// filterProbes is how many bits a string sets. At 12 to 24 bits a string
// (the sizes filterBits picks) one string in a thousand or fewer that was
// not added passes.
const filterProbes = 8

// filterBits is the number of bits for n strings: a power of two, at least
// 12 a string.
func filterBits(n int) int {
	return max(64, 1<<bits.Len(uint(12*max(n, 1)-1)))
}

func newFilter(n int) filter {
	nb := filterBits(n)
	return filter{bits: make([]byte, nb/8), mask: uint64(nb - 1)}
}

// A string's probes are double hashing from its hashOf sum: the first bit,
// then steps of the sum rotated, made odd so that they visit distinct bits.

// add sets the bits of the string whose hash is sum.
func (f filter) add(sum uint64) {
	a, step := sum, bits.RotateLeft64(sum, 32)|1
	for range filterProbes {
		bit := a & f.mask
		f.bits[bit>>3] |= 1 << (bit & 7)
		a += step
	}
}

// mayHave is false when the string whose hash is sum was certainly not
// added.
func (f filter) mayHave(sum uint64) bool {
	a, step := sum, bits.RotateLeft64(sum, 32)|1
	for range filterProbes {
		bit := a & f.mask
		if f.bits[bit>>3]&(1<<(bit&7)) == 0 {
			return false
		}
		a += step
	}
	return true
}

// writeTo writes the filter as its size in bytes (uvarint), then its bits.
func (f filter) writeTo(w *bytes.Buffer) {
	writeUvarint(w, uint64(len(f.bits)))
	w.Write(f.bits)
}

// readFilter reads what writeTo wrote.
func readFilter(r *reader) (filter, error) {
	n := r.uvarint()
	b := r.take(int(min(n, uint64(len(r.b)+1))))
	if r.err != nil || n < 8 || n&(n-1) != 0 {
		return filter{}, errors.New("bad filter")
	}
	return filter{bits: b, mask: n*8 - 1}, nil
}
