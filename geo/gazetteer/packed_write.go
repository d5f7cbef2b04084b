package gazetteer

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
)

// tableWriter collects the items of one table and writes it in the form
// readTable reads.
type tableWriter struct {
	per   int
	items [][]byte
}

// add appends an item: its sort key, then its payload.
func (tw *tableWriter) add(key []byte, payload []byte) {
	it := binary.AppendUvarint(nil, uint64(len(key)))
	it = append(it, key...)
	tw.items = append(tw.items, append(it, payload...))
}

func (tw *tableWriter) writeTo(w *bytes.Buffer) {
	var heads, chunks bytes.Buffer
	for start := 0; start < len(tw.items); start += tw.per {
		items := tw.items[start:min(start+tw.per, len(tw.items))]
		raw := binary.AppendUvarint(nil, uint64(len(items)))
		for _, it := range items {
			raw = binary.AppendUvarint(raw, uint64(len(it)))
		}
		for _, it := range items {
			raw = append(raw, it...)
		}
		first, _ := splitItem(items[0])
		writeBytes(&heads, first)
		writeUvarint(&heads, uint64(len(raw)))
		chunks.Write(raw)
	}
	writeUvarint(w, uint64(len(tw.items)))
	writeUvarint(w, uint64(tw.per))
	w.Write(heads.Bytes())
	w.Write(chunks.Bytes())
}

func writeUvarint(w io.ByteWriter, v uint64) {
	var b [binary.MaxVarintLen64]byte
	for _, c := range b[:binary.PutUvarint(b[:], v)] {
		w.WriteByte(c)
	}
}

func writeBytes(w *bytes.Buffer, b []byte) {
	writeUvarint(w, uint64(len(b)))
	w.Write(b)
}

// beUint64 is v as 8 big-endian bytes, so that byte order is numeric order.
func beUint64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

// stringTable numbers distinct strings in the order they are first seen.
type stringTable struct {
	ids  map[string]uint64
	list []string
}

func (st *stringTable) id(s string) uint64 {
	if st.ids == nil {
		st.ids = map[string]uint64{}
	}
	if id, ok := st.ids[s]; ok {
		return id
	}
	st.ids[s] = uint64(len(st.list))
	st.list = append(st.list, s)
	return uint64(len(st.list) - 1)
}

func (st *stringTable) writeTo(w *bytes.Buffer) {
	writeUvarint(w, uint64(len(st.list)))
	for _, s := range st.list {
		writeBytes(w, []byte(s))
	}
}

// errPacked reports bundled data the packed form cannot hold as it is.
func errPacked(format string, a ...any) error {
	return fmt.Errorf("gazetteer: packing: "+format, a...)
}
