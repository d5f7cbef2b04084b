package gazetteer

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"
)

// table is one list of the packed index (see packed.go): items cut into
// chunks of per items, each read where it lies in the packed file. A
// chunk's item offsets are worked out the first time an item of it is
// read, so a lookup costs the chunks it touches, not the whole file. The
// chunks are not compressed: inflating them cost a cold lookup a hundred
// times what reading them does, and the packed file stays out of the heap.
// Every item opens with a sort key (uvarint length, bytes) that sorted
// tables are ordered by; the rest is payload.
type table struct {
	n, per int
	first  []string // sort key of each chunk's first item
	raw    [][]byte // each chunk, as stored
	chunks []tableChunk
}

type tableChunk struct {
	once sync.Once
	offs []uint32 // item i of the chunk is data[offs[i]:offs[i+1]]
	data []byte
	err  error
}

// chunk returns chunk c with its item offsets. The packed file is checked
// when it is opened, so a damaged chunk can only be a damaged binary: it
// panics.
func (t *table) chunk(c int) *tableChunk {
	ch := &t.chunks[c]
	ch.once.Do(func() {
		ch.offs, ch.data, ch.err = splitChunk(t.raw[c])
	})
	if ch.err != nil {
		panic(fmt.Sprintf("gazetteer: packed index chunk %d: %v", c, ch.err))
	}
	return ch
}

// splitChunk reads a chunk: uvarint item count, the item lengths as
// uvarints, then the items.
func splitChunk(raw []byte) ([]uint32, []byte, error) {
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)) {
		return nil, nil, errors.New("bad item count")
	}
	raw = raw[k:]
	offs := make([]uint32, n+1)
	for i := range n {
		l, k := binary.Uvarint(raw)
		if k <= 0 {
			return nil, nil, errors.New("bad item length")
		}
		raw = raw[k:]
		offs[i+1] = offs[i] + uint32(l)
	}
	if int(offs[n]) != len(raw) {
		return nil, nil, errors.New("item lengths do not add up")
	}
	return offs, raw, nil
}

// item returns item i: its sort key and payload, which the caller must
// not modify.
func (t *table) item(i int) (key, payload []byte) {
	ch := t.chunk(i / t.per)
	j := i % t.per
	return splitItem(ch.data[ch.offs[j]:ch.offs[j+1]])
}

func splitItem(it []byte) (key, payload []byte) {
	l, k := binary.Uvarint(it)
	return it[k : k+int(l)], it[k+int(l):]
}

// search returns the first item whose sort key is not below key, or t.n.
func (t *table) search(key string) int {
	// The last chunk whose first key is not above key holds the answer,
	// unless every item of it sorts below key.
	c := sort.Search(len(t.first), func(c int) bool { return t.first[c] > key }) - 1
	if c < 0 {
		return 0
	}
	ch := t.chunk(c)
	n := len(ch.offs) - 1
	j := sort.Search(n, func(j int) bool {
		k, _ := splitItem(ch.data[ch.offs[j]:ch.offs[j+1]])
		return string(k) >= key
	})
	return c*t.per + j
}

// find returns the payload of the item whose sort key is key.
func (t *table) find(key string) ([]byte, bool) {
	i := t.search(key)
	if i >= t.n {
		return nil, false
	}
	k, p := t.item(i)
	if string(k) != key {
		return nil, false
	}
	return p, true
}

// readTable reads a table's header and chunks from b, returning the rest.
// The header is: uvarint item count, items per chunk, then per chunk its
// first sort key and its length in bytes (uvarint each), then the chunks.
func readTable(b []byte) (*table, []byte, error) {
	r := reader{b: b}
	t := &table{n: int(r.uvarint()), per: int(r.uvarint())}
	if r.err != nil || t.per <= 0 || t.n < 0 {
		return nil, nil, errors.New("bad table header")
	}
	nc := (t.n + t.per - 1) / t.per
	if nc > len(r.b) { // each chunk takes at least a byte
		return nil, nil, errors.New("bad table header")
	}
	lens := make([]int, nc)
	t.first = make([]string, nc)
	for c := range nc {
		t.first[c] = string(r.bytes())
		lens[c] = int(r.uvarint())
	}
	t.raw = make([][]byte, nc)
	for c := range nc {
		t.raw[c] = r.take(lens[c])
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	t.chunks = make([]tableChunk, nc)
	return t, r.b, nil
}

// reader reads the uvarints and byte strings of the packed format,
// keeping the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return v
}

// varint undoes binary.PutVarint's zig-zag encoding over uvarint.
func (r *reader) varint() int64 {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (r *reader) take(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.fail()
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) bytes() []byte { return r.take(int(r.uvarint())) }

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("truncated")
	}
	r.b = nil
}
