package contract

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// The cache answers what it read at the same version, and reads again at a
// newer one, or an older one, instead of answering from another version.
func TestSourceCacheKeepsOneVersion(t *testing.T) {
	reads := 0
	title := "first"
	read := func(missing map[int64]bool) (map[int64]geo.Source, error) {
		reads++
		out := map[int64]geo.Source{}
		for id := range missing {
			out[id] = geo.Source{ArticleID: id, Title: title}
		}
		return out, nil
	}
	c := NewSourceCache()
	ids := map[int64]bool{7: true}
	if got, err := c.Read(5, ids, read); err != nil || got[7].Title != "first" || reads != 1 {
		t.Fatalf("first read %+v (%v), %d reads", got, err, reads)
	}
	title = "second"
	if got, _ := c.Read(5, ids, read); got[7].Title != "first" || reads != 1 {
		t.Errorf("at the same version got %+v after %d reads, want the kept source and no read", got[7], reads)
	}
	if got, _ := c.Read(6, ids, read); got[7].Title != "second" || reads != 2 {
		t.Errorf("at a newer version got %+v after %d reads, want a new read", got[7], reads)
	}
	if got, _ := c.Read(5, ids, read); got[7].Title != "second" || reads != 3 {
		t.Errorf("at an older version got %+v after %d reads, want a new read", got[7], reads)
	}
}

// A cache that would outgrow its bound starts over instead.
func TestSourceCacheIsBounded(t *testing.T) {
	read := func(missing map[int64]bool) (map[int64]geo.Source, error) {
		out := map[int64]geo.Source{}
		for id := range missing {
			out[id] = geo.Source{ArticleID: id}
		}
		return out, nil
	}
	c := NewSourceCache()
	for start := int64(0); start < 3*SourceCacheSize; start += 1000 {
		ids := map[int64]bool{}
		for id := start; id < start+1000; id++ {
			ids[id] = true
		}
		got, err := c.Read(1, ids, read)
		if err != nil || len(got) != 1000 {
			t.Fatalf("read %d sources (%v), want 1000", len(got), err)
		}
		if len(c.byID) > SourceCacheSize {
			t.Fatalf("cache holds %d sources, bound %d", len(c.byID), SourceCacheSize)
		}
	}
}
