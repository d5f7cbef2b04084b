package gazetteer_test

import (
	"context"
	"errors"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// memStore keeps user entries in a map, standing in for the SQLite store.
type memStore struct {
	next   int64
	places map[int64]geo.Place
}

func (m *memStore) AddUserPlace(_ context.Context, p geo.Place) (geo.Place, error) {
	m.next++
	p.ID = geo.UserIDBase + m.next
	m.places[p.ID] = p
	return p, nil
}

func (m *memStore) UpdateUserPlace(_ context.Context, p geo.Place) (geo.Place, error) {
	if _, ok := m.places[p.ID]; !ok {
		return geo.Place{}, geo.Errorf(geo.ENotFound, "no entry %d", p.ID)
	}
	m.places[p.ID] = p
	return p, nil
}

func (m *memStore) DeleteUserPlace(_ context.Context, id int64) error {
	if _, ok := m.places[id]; !ok {
		return geo.Errorf(geo.ENotFound, "no entry %d", id)
	}
	delete(m.places, id)
	return nil
}

func newService(t *testing.T) *gazetteer.Service {
	t.Helper()
	f := mustBundledFresh(t)
	return &gazetteer.Service{Index: f, Store: &memStore{places: map[int64]geo.Place{}}}
}

func TestValidateNamesTheField(t *testing.T) {
	s := newService(t)
	good := geo.Place{Name: "Kalynove", Lat: 48.1, Lon: 37.6, Country: "UA", Admin1: "05", FeatureCode: "PPL"}
	cases := []struct {
		name  string
		edit  func(p *geo.Place)
		field string
	}{
		{"empty name", func(p *geo.Place) { p.Name = "  " }, "name"},
		{"latitude too big", func(p *geo.Place) { p.Lat = 91 }, "lat"},
		{"longitude too small", func(p *geo.Place) { p.Lon = -181 }, "lon"},
		{"unknown country", func(p *geo.Place) { p.Country = "XX" }, "country"},
		{"unknown admin1", func(p *geo.Place) { p.Admin1 = "99" }, "admin1"},
		{"unknown feature code", func(p *geo.Place) { p.FeatureCode = "CASTLE" }, "feature_code"},
		{"negative population", func(p *geo.Place) { p.Population = -1 }, "population"},
		{"long name", func(p *geo.Place) { p.Name = string(make([]byte, 300)) }, "name"},
		{"empty alternate name", func(p *geo.Place) { p.AlternateNames = []string{"ok", " "} }, "alternate_names"},
		{"negative geonameid", func(p *geo.Place) { p.GeonameID = -5 }, "geonameid"},
		{"geonameid in the user id range", func(p *geo.Place) { p.GeonameID = geo.UserIDBase + 1 }, "geonameid"},
		{"NUL in the name", func(p *geo.Place) { p.Name = "Kaly\x00nove" }, "name"},
		{"newline in the name", func(p *geo.Place) { p.Name = "Kaly\nnove" }, "name"},
		{"escape in the region name", func(p *geo.Place) { p.Admin1Name = "Donetsk\x1b[31m" }, "admin1_name"},
		{"NUL in an alternate name", func(p *geo.Place) { p.AlternateNames = []string{"ok", "a\x00b"} }, "alternate_names"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := good
			c.edit(&p)
			_, err := s.Add(context.Background(), p)
			var ge *geo.Error
			if !errors.As(err, &ge) || ge.Code != geo.EInvalid || ge.Field != c.field {
				t.Fatalf("Add = %v, want an invalid error on %s", err, c.field)
			}
		})
	}
}

func TestUserEntriesAreFoundAndRemoved(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	p, err := s.Add(ctx, geo.Place{Name: "Zrazkovyi Khutir", AlternateNames: []string{"Зразковий Хутір"}, Lat: 48.1, Lon: 37.6, Country: "ua", Admin1: "05"})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID < geo.UserIDBase || p.Admin1Name != "Donetsk" || p.FeatureCode != "PPL" {
		t.Errorf("added entry = %+v", p)
	}
	if c := s.Index.Lookup(gazetteer.Query{Name: "Зразковий Хутір"}); len(c) == 0 || c[0].ID != p.ID {
		t.Errorf("new entry not found by its alternate name")
	}
	if got := s.Search("Zrazk", gazetteer.SearchOptions{Country: "UA"}); len(got) == 0 || got[0].ID != p.ID {
		t.Errorf("new entry not found by prefix: %v", got)
	}
	p.Lat = 48.2
	if _, err := s.Update(ctx, p); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(p.ID); got.Lat != 48.2 {
		t.Errorf("update not applied: %+v", got)
	}
	if err := s.Delete(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if c := s.Index.Lookup(gazetteer.Query{Name: "Zrazkovyi Khutir", Country: "UA", Admin1: "UA.05"}); len(c) != 0 {
		t.Errorf("deleted entry still found: %v", c)
	}
	if err := s.Delete(ctx, 713122); geo.ErrorCode(err) != geo.EInvalid {
		t.Errorf("deleting a bundled entry = %v, want invalid", err)
	}
}

func TestUserEntryCorrectsBundledPlace(t *testing.T) {
	s := newService(t)
	ctx := context.Background()
	fix, err := s.Add(ctx, geo.Place{Name: "Avdiivka", GeonameID: 713122, Lat: 48.15, Lon: 37.75, Country: "UA", Admin1: "05", Population: 30000})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(713122); ok {
		t.Error("the corrected bundled entry is still there")
	}
	if c := s.Index.Lookup(gazetteer.Query{Name: "Avdiivka", Admin1: "UA.05"}); len(c) != 1 || c[0].ID != fix.ID {
		t.Errorf("lookup = %v, want only the correction", c)
	}
	if err := s.Delete(ctx, fix.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(713122); !ok {
		t.Error("the bundled entry did not come back after the correction was deleted")
	}
}
