package gazetteer

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"testing"
)

// TestPackedIndexIsUpToDate rebuilds the packed index from the committed
// gazetteer rows and checks that the committed one holds the same, so the
// two cannot drift: run `go generate ./data` after changing either. The
// contents are compared, not the bytes, which another compressor version
// may write differently.
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
	return nil
}

func TestSamePackedSeesAChange(t *testing.T) {
	ix := New()
	ix.prefix = &prefixIndex{short: map[string][]int32{}}
	a, err := ix.pack(1)
	if err != nil {
		t.Fatal(err)
	}
	if err := samePacked(a, a); err != nil {
		t.Fatal(err)
	}
}
