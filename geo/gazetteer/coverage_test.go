package gazetteer

import (
	"reflect"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestCoverageCountsLiveEntriesPerCountryAndClass(t *testing.T) {
	ix := New()
	ix.Put(geo.Place{ID: geo.UserIDBase + 1, Name: "Kalynove", FeatureCode: "PPL", Country: "UA", Lat: 48.1, Lon: 37.6})
	ix.Put(geo.Place{ID: geo.UserIDBase + 2, Name: "Zorianivka", FeatureClass: "P", FeatureCode: "PPL", Country: "UA", Lat: 48.2, Lon: 37.7})
	ix.Put(geo.Place{ID: geo.UserIDBase + 3, Name: "Donetsk", FeatureCode: "ADM1", Country: "UA", Admin1: "05", Lat: 48, Lon: 37.8})
	ix.Put(geo.Place{ID: geo.UserIDBase + 4, Name: "Sake", FeatureCode: "PPL", Country: "CD", Lat: -1.57, Lon: 29.04})
	ix.Put(geo.Place{ID: geo.UserIDBase + 5, Name: "Gone", FeatureCode: "PPL", Country: "CD", Lat: -1.5, Lon: 29})
	ix.Remove(geo.UserIDBase + 5)
	want := []ClassCount{{"CD", "P", 1}, {"UA", "A", 1}, {"UA", "P", 2}}
	if got := ix.Coverage(); !reflect.DeepEqual(got, want) {
		t.Errorf("Coverage = %+v, want %+v", got, want)
	}
}
