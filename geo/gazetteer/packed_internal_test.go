package gazetteer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
)

// TestPackedIndexIsUpToDate rebuilds the packed index from the committed
// gazetteer rows and checks that the committed one holds the same, so the
// two cannot drift: run `go generate ./data` after changing either. The
// contents are compared table by table, so a difference is named.
func TestPackedIndexIsUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("packs the whole gazetteer")
	}
	f, err := os.Open("../../data/gazetteer/places.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fresh, err := Pack(f)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../data/gazetteer/places.idx")
	if err != nil {
		t.Fatal(err)
	}
	if err := samePacked(fresh, committed); err != nil {
		t.Fatalf("data/gazetteer/places.idx is stale (run go generate ./data): %v", err)
	}
}

// samePacked reports how two packed indexes differ in content, if they do.
func samePacked(a, b []byte) error {
	pa, err := openPacked(a)
	if err != nil {
		return err
	}
	pb, err := openPacked(b)
	if err != nil {
		return err
	}
	for i, pair := range [][2][]string{{pa.codes, pb.codes}, {pa.countries, pb.countries}, {pa.admin1s, pb.admin1s}, {pa.admin2s, pb.admin2s}} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			return fmt.Errorf("string table %d differs", i)
		}
	}
	names := []string{"records", "names", "keys", "loose", "short", "admin"}
	for i, pair := range [][2]*table{{pa.records, pb.records}, {pa.names, pb.names}, {pa.keys, pb.keys}, {pa.loose, pb.loose}, {pa.short, pb.short}, {pa.ad, pb.ad}} {
		ta, tb := pair[0], pair[1]
		if ta.n != tb.n {
			return fmt.Errorf("%s: %d items, want %d", names[i], tb.n, ta.n)
		}
		for j := range ta.n {
			ka, va := ta.item(j)
			kb, vb := tb.item(j)
			if !bytes.Equal(ka, kb) || !bytes.Equal(va, vb) {
				return fmt.Errorf("%s: item %d differs", names[i], j)
			}
		}
	}
	if !bytes.Equal(pa.keyFilter.bits, pb.keyFilter.bits) || !bytes.Equal(pa.startFilter.bits, pb.startFilter.bits) {
		return errors.New("the filters differ")
	}
	if !bytes.Equal(pa.keyHash.slots, pb.keyHash.slots) || !bytes.Equal(pa.startHash.slots, pb.startHash.slots) {
		return errors.New("the hash tables differ")
	}
	return nil
}

func TestSamePackedSeesAChange(t *testing.T) {
	ix := New()
	ix.prefix = &prefixIndex{short: map[string][]int32{}}
	a, err := ix.pack()
	if err != nil {
		t.Fatal(err)
	}
	if err := samePacked(a, a); err != nil {
		t.Fatal(err)
	}
}

// TestFilterHasNoFalseNegativesAndFewFalsePositives: every string added
// passes; of strings never added, fewer than one in two hundred do.
func TestFilterHasNoFalseNegativesAndFewFalsePositives(t *testing.T) {
	for _, n := range []int{0, 1, 1000, 50000} {
		f := newFilter(n)
		for i := range n {
			f.add(hashOf(fmt.Sprintf("name %d", i)))
		}
		var buf bytes.Buffer
		f.writeTo(&buf)
		r := reader{b: buf.Bytes()}
		g, err := readFilter(&r)
		if err != nil || len(r.b) != 0 {
			t.Fatalf("n=%d: read back: %v, %d bytes left", n, err, len(r.b))
		}
		for i := range n {
			if !g.mayHave(hashOf(fmt.Sprintf("name %d", i))) {
				t.Fatalf("n=%d: name %d was added but does not pass", n, i)
			}
		}
		passed := 0
		for i := range 100000 {
			if g.mayHave(hashOf(fmt.Sprintf("other %d", i))) {
				passed++
			}
		}
		if passed > 500 {
			t.Errorf("n=%d: %d of 100000 strings never added pass", n, passed)
		}
	}
}

func TestReadFilterRefusesBadSizes(t *testing.T) {
	for _, b := range [][]byte{{}, {3, 0, 0, 0}, {12}, {16, 1}} {
		r := reader{b: b}
		if _, err := readFilter(&r); err == nil {
			t.Errorf("%v: read as a filter", b)
		}
	}
}
