package storecopy

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/data/postgis"
	"github.com/incidentmap/incidentmap/data/postgis/pgtest"
	"github.com/incidentmap/incidentmap/data/store"
	"github.com/incidentmap/incidentmap/geo"
)

// counter is a Progress that remembers what it was told and may cancel
// the copy after some rows.
type counter struct {
	total, done int
	stopAfter   int
	cancel      func()
}

func (c *counter) Total(n int) { c.total = n }
func (c *counter) Add(n int) {
	c.done += n
	if c.cancel != nil && c.done >= c.stopAfter {
		c.cancel()
	}
}

// sourceStore is a SQLite store with every kind of row: articles with
// mentions, merged incidents, unresolved names, user and imported places.
func sourceStore(t *testing.T, articles int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "src.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range articles {
		text := fmt.Sprintf("Report %d: shelling hit Pokrovsk and the village of Zoria.", i)
		at := strings.Index(text, "Pokrovsk")
		z := strings.Index(text, "Zoria")
		inc := geo.Incident{EventType: geo.EventTypeOf(geo.SubShelling), SubEventType: geo.SubShelling,
			EventDate: fmt.Sprintf("2025-03-%02d", 1+i%5), TimePrecision: 1, Location: "Pokrovsk", GeonameID: 708546,
			Country: "UA", Admin1: "05", Admin1Name: "Donetsk", Lat: 48.28198, Lon: 37.17585, GeoPrecision: 1,
			Quote: text, QuoteEnd: len(text)}
		if i%3 == 0 {
			n := i
			inc.Count, inc.CountUnit = &n, "shells"
		}
		it := contract.IngestItem{
			Article: geo.Article{Title: fmt.Sprint("Report ", i), URL: fmt.Sprint("https://example.org/", i),
				Published: time.Date(2025, 3, 1, 8, 0, 0, 123456789, time.UTC), Text: text},
			Mentions: []geo.Mention{{Text: "Pokrovsk", Start: at, End: at + 8, Name: "Pokrovsk", GeonameID: 708546,
				Country: "UA", Lat: 48.28198, Lon: 37.17585, Precision: 1, Confidence: 0.8}},
			Incidents:  []geo.Incident{inc},
			Unresolved: []geo.Unresolved{{Text: "Zoria", Start: z, End: z + 5}},
		}
		if _, err := s.IngestOne(ctx, it, contract.IngestOptions{Merge: true}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddUserPlace(ctx, geo.Place{Name: "Zoria", AlternateNames: []string{"Зоря"}, Lat: 48.3, Lon: 37.2}); err != nil {
		t.Fatal(err)
	}
	im, err := s.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	im.Add(geo.Place{GeonameID: 9990001, Name: "Zorianivka", AlternateNames: []string{"Зорянівка", "Zorianivka"}, Lat: 48.61, Lon: 37.21})
	im.Add(geo.Place{GeonameID: 9990002, Name: "Nameless", Lat: 48.6, Lon: 37.2})
	if _, err := im.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCopyIsCompleteAndIdempotent(t *testing.T) {
	from, to := sourceStore(t, 30), pgtest.URL(t)
	ctx := context.Background()
	var prog counter
	rep, err := Copy(ctx, from, to, &prog)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Copied == 0 || rep.Skipped != 0 || prog.done != prog.total || prog.total != rep.Copied {
		t.Fatalf("report %+v, progress %+v: want everything copied once", rep, prog)
	}
	if err := Verify(ctx, from, to, rep, 100); err != nil {
		t.Fatal(err)
	}
	src, dst := openBoth(t, from, to)
	samePages(t, src, dst)
	for _, read := range []func(contract.Store) (any, error){
		func(s contract.Store) (any, error) { return s.UserPlaces(ctx) },
		func(s contract.Store) (any, error) {
			n, total, err := s.UnresolvedNames(ctx, contract.UnresolvedFilter{})
			return []any{n, total}, err
		},
		func(s contract.Store) (any, error) { return s.Places(ctx, geo.IncidentFilter{}) },
		func(s contract.Store) (any, error) { return s.ArticleMentions(ctx, 7) },
		func(s contract.Store) (any, error) {
			var all []geo.Place
			err := s.ImportedPlaces(ctx, func(p geo.Place) error { all = append(all, p); return nil })
			return all, err
		},
	} {
		a, errA := read(src)
		b, errB := read(dst)
		if errA != nil || errB != nil || !reflect.DeepEqual(a, b) {
			t.Errorf("source %+v (%v)\ntarget %+v (%v)", a, errA, b, errB)
		}
	}

	again, err := Copy(ctx, from, to, &counter{})
	if err != nil || again.Copied != 0 || again.Skipped != rep.Copied {
		t.Fatalf("second copy = %+v, %v; want nothing copied, %d found", again, err, rep.Copied)
	}
	// New rows in the target take new ids, past the copied ones.
	res, err := dst.IngestOne(ctx, contract.IngestItem{Article: geo.Article{Text: "A new report."}}, contract.IngestOptions{})
	if err != nil || res.ArticleID != 31 {
		t.Errorf("new article id %d (%v), want 31", res.ArticleID, err)
	}
	p, err := dst.AddUserPlace(ctx, geo.Place{Name: "New", Lat: 1, Lon: 1})
	if err != nil || p.ID != geo.UserIDBase+1 {
		t.Errorf("new user place id %d (%v), want %d", p.ID, err, geo.UserIDBase+1)
	}
}

func TestCopyResumesAfterAnInterruption(t *testing.T) {
	from, to := sourceStore(t, 40), pgtest.URL(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Stopped once the articles and a range of mentions are in.
	if _, err := Copy(ctx, from, to, &counter{stopAfter: 41, cancel: cancel}); err == nil {
		t.Fatal("a cancelled copy reported success")
	}
	rep, err := Copy(context.Background(), from, to, &counter{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Skipped == 0 || rep.Copied == 0 {
		t.Errorf("resumed copy = %+v, want some rows found and the rest copied", rep)
	}
	if err := Verify(context.Background(), from, to, rep, 100); err != nil {
		t.Fatal(err)
	}
}

func TestCopyRefusesAForeignTarget(t *testing.T) {
	from, to := sourceStore(t, 3), pgtest.URL(t)
	dst, err := postgis.Open(to)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if _, err := dst.IngestOne(context.Background(), contract.IngestItem{Article: geo.Article{Text: "Another store's article."}},
		contract.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	_, err = Copy(context.Background(), from, to, &counter{})
	if err == nil || !strings.Contains(err.Error(), "not the source's") {
		t.Fatalf("copy into a database with other articles: %v, want a refusal", err)
	}
	if _, err := Copy(context.Background(), filepath.Join(t.TempDir(), "missing.db"), to, &counter{}); err == nil {
		t.Error("a copy from a missing file succeeded")
	}
}

func openBoth(t *testing.T, from, to string) (contract.Store, contract.Store) {
	t.Helper()
	src, err := store.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	dst, err := postgis.Open(to)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dst.Close() })
	return src, dst
}

// samePages walks both stores page by page, as a client does, and wants
// the same features in the same order.
func samePages(t *testing.T, src, dst contract.Store) {
	t.Helper()
	f := geo.IncidentFilter{Limit: 4, BBox: &geo.BBox{West: 30, South: 40, East: 40, North: 50}}
	for {
		a, na, errA := src.Incidents(context.Background(), f)
		b, nb, errB := dst.Incidents(context.Background(), f)
		if errA != nil || errB != nil || na != nb || len(a) != len(b) {
			t.Fatalf("page after %+v: %d of %d (%v) vs %d of %d (%v)", f.After, len(a), na, errA, len(b), nb, errB)
		}
		for i := range a {
			if a[i].ID != b[i].ID || a[i].EventDate != b[i].EventDate || len(a[i].Sources) != len(b[i].Sources) {
				t.Fatalf("page after %+v, row %d: %d %s vs %d %s", f.After, i, a[i].ID, a[i].EventDate, b[i].ID, b[i].EventDate)
			}
		}
		if len(a) < f.Limit {
			return
		}
		f.After = &geo.Cursor{EventDate: a[len(a)-1].EventDate, ID: a[len(a)-1].ID}
	}
}
