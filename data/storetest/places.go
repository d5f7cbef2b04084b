package storetest

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func testUserPlaces(t *testing.T, open Opener) {
	s, _ := open(t)
	ctx := context.Background()
	p := geo.Place{Name: "Vodiane", AlternateNames: []string{"Vodyane", "Водяне"}, FeatureCode: "PPL",
		Country: "UA", Admin1: "05", Admin1Name: "Donetsk", Lat: 48.09, Lon: 37.63, Source: "user"}
	first, err := s.AddUserPlace(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if first.ID < geo.UserIDBase {
		t.Errorf("user Place id %d, want at least %d", first.ID, geo.UserIDBase)
	}
	second, err := s.AddUserPlace(ctx, geo.Place{Name: "Novoselivka", Lat: 48.1, Lon: 37.7})
	if err != nil {
		t.Fatal(err)
	}
	if second.AlternateNames == nil || len(second.AlternateNames) != 0 {
		t.Errorf("no alternate names read as %#v, want an empty list", second.AlternateNames)
	}
	first.Name = "Vodyane"
	if _, err := s.UpdateUserPlace(ctx, first); err != nil {
		t.Fatal(err)
	}
	all, err := s.UserPlaces(ctx)
	if err != nil || len(all) != 2 || !reflect.DeepEqual(all[0], first) || !reflect.DeepEqual(all[1], second) {
		t.Fatalf("UserPlaces = %+v, %v; want %+v and %+v", all, err, first, second)
	}
	if err := s.DeleteUserPlace(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	third, err := s.AddUserPlace(ctx, geo.Place{Name: "Third", Lat: 1, Lon: 1})
	if err != nil || third.ID <= second.ID {
		t.Errorf("id after a delete = %d (%v), want past %d: ids are never reused", third.ID, err, second.ID)
	}
	err = s.DeleteUserPlace(ctx, second.ID)
	assertCode(t, err, geo.ENotFound)
	_, err = s.UpdateUserPlace(ctx, geo.Place{ID: second.ID, Name: "Gone", Lat: 1, Lon: 1})
	assertCode(t, err, geo.ENotFound)
	_, err = s.AddUserPlace(ctx, geo.Place{Name: " ", Lat: 1, Lon: 1})
	assertField(t, err, "name")
	_, err = s.AddUserPlace(ctx, geo.Place{Name: "North", Lat: 91, Lon: 1})
	assertField(t, err, "lat")
	_, err = s.AddUserPlace(ctx, geo.Place{Name: "Taken", GeonameID: geo.UserIDBase, Lat: 1, Lon: 1})
	assertField(t, err, "geonameid")
}

func testImportedPlaces(t *testing.T, open Opener) {
	s, _ := open(t)
	ctx := context.Background()
	row := func(id int64, name string, alt ...string) geo.Place {
		return geo.Place{ID: id, GeonameID: id, Name: name, AlternateNames: alt, FeatureClass: "P", FeatureCode: "PPL",
			Country: "UA", Admin1: "05", Lat: 48, Lon: 37, Population: 1200, Source: "geonames"}
	}
	im, err := s.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []geo.Place{row(3, "Three", "Tri"), row(1, "One"), row(3, "Three again", "Tri", "Drei")} {
		if err := im.Add(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := im.Add(geo.Place{GeonameID: 0, Name: "No id", Lat: 1, Lon: 1}); geo.ErrorCode(err) != geo.EInvalid {
		t.Errorf("a row without geonameid: %v, want invalid", err)
	}
	if err := im.Add(row(2, "Two")); err != nil {
		t.Fatalf("an import goes on after an invalid row: %v", err)
	}
	if n, err := im.Close(); err != nil || n != 4 {
		t.Fatalf("Close = %d, %v; want 4 rows", n, err)
	}
	// A second import replaces rows by geonameid; an aborted one leaves
	// nothing.
	im, err = s.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := im.Add(row(1, "One renamed")); err != nil {
		t.Fatal(err)
	}
	if _, err := im.Close(); err != nil {
		t.Fatal(err)
	}
	im, err = s.BeginImport(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := im.Add(row(9, "Aborted")); err != nil {
		t.Fatal(err)
	}
	im.Abort()
	var got []geo.Place
	if err := s.ImportedPlaces(ctx, func(p geo.Place) error { got = append(got, p); return nil }); err != nil {
		t.Fatal(err)
	}
	want := []geo.Place{row(1, "One renamed"), row(2, "Two"), row(3, "Three again", "Tri", "Drei")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ImportedPlaces =\n%+v\nwant\n%+v", got, want)
	}
}

// A running server reads only the rows imported since it last looked: each
// import's rows come after the earlier imports', a row imported again
// moves to the later import, and an aborted import leaves nothing to read.
func testImportedPlacesSince(t *testing.T, open Opener) {
	s, _ := open(t)
	ctx := context.Background()
	importRows := func(abort bool, ids ...int64) {
		t.Helper()
		im, err := s.BeginImport(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			p := geo.Place{GeonameID: id, Name: fmt.Sprintf("Place %d", id), FeatureCode: "PPL", Country: "UA", Lat: 48, Lon: 37}
			if err := im.Add(p); err != nil {
				t.Fatal(err)
			}
		}
		if abort {
			im.Abort()
			return
		}
		if _, err := im.Close(); err != nil {
			t.Fatal(err)
		}
	}
	since := func(after int64) ([]int64, int64) {
		t.Helper()
		var ids []int64
		last, err := s.ImportedPlacesSince(ctx, after, func(p geo.Place) error {
			ids = append(ids, p.GeonameID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return ids, last
	}
	if n, err := s.ImportSeq(ctx); err != nil || n != 0 {
		t.Fatalf("ImportSeq of an empty store = %d, %v; want 0", n, err)
	}
	importRows(false, 1, 2)
	first, err := s.ImportSeq(ctx)
	if err != nil || first <= 0 {
		t.Fatalf("ImportSeq after an import = %d, %v; want above 0", first, err)
	}
	if ids, last := since(0); !reflect.DeepEqual(ids, []int64{1, 2}) || last != first {
		t.Errorf("since 0: %v up to %d; want [1 2] up to %d", ids, last, first)
	}
	importRows(false, 3, 1) // 1 again: it moves to this import
	importRows(true, 4)     // aborted: nothing
	ids, last := since(first)
	if !reflect.DeepEqual(ids, []int64{1, 3}) || last <= first {
		t.Errorf("since %d: %v up to %d; want [1 3] after %d", first, ids, last, first)
	}
	if n, _ := s.ImportSeq(ctx); n != last {
		t.Errorf("ImportSeq = %d, want the last number read, %d", n, last)
	}
	if ids, again := since(last); len(ids) != 0 || again != last {
		t.Errorf("since the last number: %v up to %d; want nothing, %d", ids, again, last)
	}
}

func testUnresolved(t *testing.T, open Opener) {
	s, _ := open(t)
	ctx := context.Background()
	region := &geo.RegionRef{Name: "Donetsk", GeonameID: 709716, FeatureCode: "ADM1", Country: "UA",
		Admin1: "05", Admin1Name: "Donetsk", Lat: 48, Lon: 37.8}
	ingest := func(title, text string, us ...geo.Unresolved) int64 {
		t.Helper()
		res, err := s.IngestOne(ctx, ingestItem(title, text, us), merge)
		if err != nil {
			t.Fatal(err)
		}
		return res.ArticleID
	}
	text1 := "Shelling hit the village of Mar'inka and Zoria."
	a1 := ingest("One", text1, span(text1, "Mar'inka", region), span(text1, "Zoria", nil))
	text2 := "MARINKA again."
	a2 := ingest("Two", text2, span(text2, "MARINKA", region))
	names, total, err := s.UnresolvedNames(ctx, unresolvedAll)
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(names) != 2 {
		t.Fatalf("UnresolvedNames = %+v (total %d), want 2 groups", names, total)
	}
	m := names[0]
	if m.Key != "marinka" || m.Count != 2 || !reflect.DeepEqual(m.Articles, []int64{a1, a2}) ||
		m.Region == nil || *m.Region != *region || m.Name != "MARINKA" {
		t.Errorf("first group = %+v, want marinka twice in articles %d, %d with its region", m, a1, a2)
	}
	if z := names[1]; z.Key != "zoria" || z.Region != nil || z.Count != 1 {
		t.Errorf("second group = %+v, want zoria once without a region", z)
	}
	page, total, err := s.UnresolvedNames(ctx, unresolvedPage(1, 1))
	if err != nil || total != 2 || len(page) != 1 || page[0].Key != "zoria" {
		t.Errorf("page 2 of 1 = %+v (total %d), %v; want zoria of 2", page, total, err)
	}
	ids, err := s.ArticlesNaming(ctx, []string{"Mar’inka"})
	if err != nil || !reflect.DeepEqual(ids, []int64{a1, a2}) {
		t.Errorf("ArticlesNaming = %v, %v; want %d, %d", ids, err, a1, a2)
	}
	if ids, err := s.ArticlesNaming(ctx, []string{"  "}); err != nil || len(ids) != 0 {
		t.Errorf("ArticlesNaming of no name = %v, %v; want none", ids, err)
	}
}

func testReplaceFindings(t *testing.T, open Opener) {
	s, _ := open(t)
	ctx := context.Background()
	text := "Shelling hit Pokrovsk. Drones struck Kharkiv."
	a := geo.Article{Title: "Both", Text: text}
	shelling := IncidentAt(Pokrovsk, "2025-06-01", geo.SubShelling, "Shelling hit Pokrovsk", text)
	strike := IncidentAt(Kharkiv, "2025-06-01", geo.SubAirDroneStrike, "Drones struck Kharkiv", text)
	first := mustIngest(t, s, a, []geo.Incident{shelling, strike}, merge)
	// Another article also reports the shelling, with a count.
	oa, other := report("Other", Pokrovsk, "2025-06-01", geo.SubShelling)
	other.Count = IntP(7)
	mustIngest(t, s, oa, []geo.Incident{other}, merge)

	// Resolved again, the article reports only the shelling, now with a
	// higher count: the strike loses its only source and goes; the
	// shelling keeps its id.
	again := shelling
	again.Count = IntP(9)
	item := ingestItem("", text, nil)
	item.Article.ID, item.Incidents = first.ArticleID, []geo.Incident{again}
	res, err := s.ReplaceFindings(ctx, item, merge)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Incidents) != 1 || res.Incidents[0].ID != first.Incidents[0].ID || *res.Incidents[0].Count != 9 {
		t.Fatalf("ReplaceFindings = %+v, want the shelling %d with count 9", res.Incidents, first.Incidents[0].ID)
	}
	if _, err := s.Incident(ctx, first.Incidents[1].ID); geo.ErrorCode(err) != geo.ENotFound {
		t.Errorf("the strike left without sources: %v, want deleted", err)
	}
	// Resolved once more without the shelling: the other article's
	// numbers are what is left.
	item.Incidents = nil
	if _, err := s.ReplaceFindings(ctx, item, merge); err != nil {
		t.Fatal(err)
	}
	inc, err := s.Incident(ctx, first.Incidents[0].ID)
	if err != nil || *inc.Count != 7 || len(inc.Sources) != 1 || inc.Sources[0].Title != "Other" {
		t.Errorf("shelling = %+v, %v; want count 7 from the other article alone", inc, err)
	}
	item.Article.Text = "Another text."
	_, err = s.ReplaceFindings(ctx, item, merge)
	assertField(t, err, "text")
	item.Article.ID = 9999
	_, err = s.ReplaceFindings(ctx, item, merge)
	assertCode(t, err, geo.ENotFound)
}

// testVersion checks that a write through one handle moves the version
// another handle reads, and that reads leave it alone.
func testVersion(t *testing.T, open Opener) {
	s, again := open(t)
	other := again()
	ctx := context.Background()
	v0, err := other.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Incidents(ctx, geo.IncidentFilter{}); err != nil {
		t.Fatal(err)
	}
	if v, _ := other.Version(ctx); v != v0 {
		t.Errorf("version moved from %d to %d on a read", v0, v)
	}
	mustIngest(t, s, DroneArticle(""), DroneIncidents(), merge)
	v1, _ := other.Version(ctx)
	if v1 <= v0 {
		t.Fatalf("version %d after an ingest through another handle, was %d", v1, v0)
	}
	if incs, _ := mustIncidents(t, other, geo.IncidentFilter{}); len(incs) != 2 {
		t.Errorf("the other handle sees %d incidents, want 2 at once", len(incs))
	}
	if _, err := s.AddUserPlace(ctx, geo.Place{Name: "New", Lat: 1, Lon: 1}); err != nil {
		t.Fatal(err)
	}
	if v2, _ := other.Version(ctx); v2 <= v1 {
		t.Errorf("version %d after a user Place was added, was %d", v2, v1)
	}
	if err := other.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}
