package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func vodiane() geo.Place {
	return geo.Place{Name: "Vodiane", AlternateNames: []string{"Водяне", "Vodyane"}, FeatureCode: "PPL",
		Country: "UA", Admin1: "05", Admin1Name: "Donetsk", Lat: 48.09, Lon: 37.63, Source: "user"}
}

func TestUserPlacesCRUD(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	first, err := s.AddUserPlace(ctx, vodiane())
	if err != nil {
		t.Fatal(err)
	}
	if first.ID < geo.UserIDBase {
		t.Fatalf("id %d is below geo.UserIDBase", first.ID)
	}
	second := vodiane()
	second.Name, second.AlternateNames = "Novomykhailivka", nil
	second, err = s.AddUserPlace(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if second.ID <= first.ID {
		t.Errorf("second id %d not above first %d", second.ID, first.ID)
	}
	list, err := s.UserPlaces(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(list, []geo.Place{first, second}) {
		t.Errorf("UserPlaces = %+v, want %+v", list, []geo.Place{first, second})
	}

	first.Lat, first.AlternateNames = 48.1, []string{"Vodiane (Donetsk)"}
	updated, err := s.UpdateUserPlace(ctx, first)
	if err != nil || !reflect.DeepEqual(updated, first) {
		t.Fatalf("UpdateUserPlace = %+v, %v", updated, err)
	}
	if list, _ = s.UserPlaces(ctx); !reflect.DeepEqual(list[0], first) {
		t.Errorf("after update, stored = %+v, want %+v", list[0], first)
	}

	if err := s.DeleteUserPlace(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	assertCode(t, s.DeleteUserPlace(ctx, second.ID), geo.ENotFound)
	missing := first
	missing.ID = second.ID
	_, err = s.UpdateUserPlace(ctx, missing)
	assertCode(t, err, geo.ENotFound)

	third, err := s.AddUserPlace(ctx, vodiane())
	if err != nil {
		t.Fatal(err)
	}
	if third.ID <= second.ID {
		t.Errorf("deleted id %d was reused as %d", second.ID, third.ID)
	}
}

func TestUserPlaceValidation(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*geo.Place)
		field string
	}{
		{"empty name", func(p *geo.Place) { p.Name = "  " }, "name"},
		{"latitude", func(p *geo.Place) { p.Lat = -91 }, "lat"},
		{"longitude", func(p *geo.Place) { p.Lon = 180.5 }, "lon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpen(t)
			ctx := context.Background()
			p := vodiane()
			tt.edit(&p)
			_, err := s.AddUserPlace(ctx, p)
			assertCode(t, err, geo.EInvalid)
			assertField(t, err, tt.field)
			good, err := s.AddUserPlace(ctx, vodiane())
			if err != nil {
				t.Fatal(err)
			}
			tt.edit(&good)
			_, err = s.UpdateUserPlace(ctx, good)
			assertField(t, err, tt.field)
		})
	}
}
