package gazetteer

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// looseIndex finds entries by the loose form of a key (Loose), kept as
// sorted (hash, slot) pairs rather than a map of strings: half a million
// loose keys then cost 12 bytes each instead of a string and a map cell,
// and the index sorts once at load instead of growing a map. Two loose keys
// with the same 64-bit hash would share their entries; among a few million
// keys that is about one chance in ten million, and a loose match is only
// one piece of evidence the resolver weighs.
type looseIndex struct {
	seed   maphash.Seed
	hashes []uint64 // sorted; equal hashes ordered by slot
	slots  []int32
}

// loosePair is one entry under one loose key, before sorting.
type loosePair struct {
	h uint64
	s int32
}

func newLooseIndex(seed maphash.Seed) *looseIndex { return &looseIndex{seed: seed} }

// hash is the hash of a loose key.
func (li *looseIndex) hash(loose string) uint64 { return maphash.String(li.seed, loose) }

// build replaces the index with pairs (which it sorts), without repeats.
func (li *looseIndex) build(pairs []loosePair) {
	slices.SortFunc(pairs, func(a, b loosePair) int { return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.s, b.s)) })
	pairs = slices.Compact(pairs)
	li.hashes, li.slots = make([]uint64, len(pairs)), make([]int32, len(pairs))
	for i, p := range pairs {
		li.hashes[i], li.slots[i] = p.h, p.s
	}
}

// find returns where slot is, or would be, under h.
func (li *looseIndex) find(h uint64, slot int32) (int, bool) {
	lo, _ := slices.BinarySearch(li.hashes, h)
	i := lo
	for i < len(li.hashes) && li.hashes[i] == h && li.slots[i] < slot {
		i++
	}
	return i, i < len(li.hashes) && li.hashes[i] == h && li.slots[i] == slot
}

// add files slot under the loose key; adding a pair twice is a no-op.
func (li *looseIndex) add(loose string, slot int32) {
	h := li.hash(loose)
	i, found := li.find(h, slot)
	if found {
		return
	}
	li.hashes = slices.Insert(li.hashes, i, h)
	li.slots = slices.Insert(li.slots, i, slot)
}

// remove drops slot from the loose key.
func (li *looseIndex) remove(loose string, slot int32) {
	if i, found := li.find(li.hash(loose), slot); found {
		li.hashes = slices.Delete(li.hashes, i, i+1)
		li.slots = slices.Delete(li.slots, i, i+1)
	}
}

// get returns the slots under the loose key, in slot order; the result
// must not be modified.
func (li *looseIndex) get(loose string) []int32 {
	h := li.hash(loose)
	lo, found := slices.BinarySearch(li.hashes, h)
	if !found {
		return nil
	}
	hi := lo
	for hi < len(li.hashes) && li.hashes[hi] == h {
		hi++
	}
	return li.slots[lo:hi]
}
