package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func geonamesRow(id int64, name string) geo.Place {
	return geo.Place{ID: id, GeonameID: id, Name: name, ASCIIName: name,
		AlternateNames: []string{name + "-alt", "Назва"}, FeatureClass: "P", FeatureCode: "PPL",
		Country: "UA", CountryName: "Ukraine", Admin1: "05", Admin1Name: "Donetsk", Admin2: "1",
		Admin2Name: "Pokrovsk Raion", Lat: 48 + float64(id%100)/100, Lon: 37, Population: id * 10, Source: "geonames"}
}

// MustImport imports rows and fails the test on error.
func MustImport(tb testing.TB, s *Store, rows []geo.Place) int {
	tb.Helper()
	im, err := s.BeginImport(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range rows {
		if err := im.Add(p); err != nil {
			tb.Fatalf("Add(%d): %v", p.GeonameID, err)
		}
	}
	n, err := im.Close()
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// MustImportedPlaces reads back every imported row.
func MustImportedPlaces(tb testing.TB, s *Store) []geo.Place {
	tb.Helper()
	var out []geo.Place
	if err := s.ImportedPlaces(context.Background(), func(p geo.Place) error {
		out = append(out, p)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestImportUpsertIsIdempotent(t *testing.T) {
	s := MustOpen(t)
	rows := []geo.Place{geonamesRow(3, "Three"), geonamesRow(1, "One"), geonamesRow(2, "Two")}
	if n := MustImport(t, s, rows); n != 3 {
		t.Fatalf("imported %d, want 3", n)
	}
	want := []geo.Place{rows[1], rows[2], rows[0]}
	if got := MustImportedPlaces(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("ImportedPlaces = %+v, want %+v", got, want)
	}
	MustImport(t, s, rows)
	renamed := geonamesRow(2, "Two renamed")
	renamed.AlternateNames = nil
	MustImport(t, s, []geo.Place{renamed})
	want[1] = renamed
	if got := MustImportedPlaces(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("after re-import = %+v, want %+v", got, want)
	}
}

func TestImportSkipsInvalidRows(t *testing.T) {
	s := MustOpen(t)
	im, err := s.BeginImport(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	bad := []struct {
		name  string
		row   geo.Place
		field string
	}{
		{"no geonameid", geonamesRow(0, "Zero"), "geonameid"},
		{"no name", geonamesRow(5, ""), "name"},
		{"latitude", func() geo.Place { p := geonamesRow(6, "Six"); p.Lat = 100; return p }(), "lat"},
	}
	for _, b := range bad {
		err := im.Add(b.row)
		assertCode(t, err, geo.EInvalid)
		assertField(t, err, b.field)
	}
	if err := im.Add(geonamesRow(7, "Seven")); err != nil {
		t.Fatalf("a good row after bad ones: %v", err)
	}
	n, err := im.Close()
	if err != nil || n != 1 {
		t.Fatalf("Close = %d, %v; want 1 row", n, err)
	}
	if err := im.Add(geonamesRow(8, "Eight")); err == nil {
		t.Error("Add after Close succeeded")
	}
}

func TestImportCommitsInBatchesAndAbortKeepsThem(t *testing.T) {
	s := MustOpen(t)
	im, err := s.BeginImport(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	total := importBatch + 10
	for i := range total {
		if err := im.Add(geonamesRow(int64(i+1), fmt.Sprint("P", i))); err != nil {
			t.Fatal(err)
		}
	}
	im.Abort()
	n, err := im.Close()
	if err != nil || n != importBatch {
		t.Errorf("Close after Abort = %d, %v; want the %d committed rows", n, err, importBatch)
	}
	if got := len(MustImportedPlaces(t, s)); got != importBatch {
		t.Errorf("%d rows stored, want %d (the first full batch)", got, importBatch)
	}
	// The writer is free again.
	MustIngest(t, s, geo.Article{Text: "after import"}, nil, IngestOptions{})
}
