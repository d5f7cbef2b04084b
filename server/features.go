package server

import (
	"github.com/incidentmap/incidentmap/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// placeFeature builds the feature of one resolved place with its counts.
// Its id is the place's key ("g706448", or "p48140,37743" for a place
// without a GeoNames id), unique within the collection.
func placeFeature(pc geo.PlaceCount) *geojson.Feature {
	f := geojson.NewFeature(orb.Point{pc.Lon, pc.Lat})
	f.ID = pc.Key
	f.Properties = geojson.Properties{
		"id": pc.Key, "name": pc.Name, "geonameid": pc.GeonameID, "feature_code": pc.FeatureCode,
		"country": pc.Country, "admin1": pc.Admin1, "admin1_name": pc.Admin1Name,
		"admin2": pc.Admin2, "population": pc.Population,
		"incidents": pc.Incidents, "last_seen": nullable(pc.LastSeen), "by_type": countsByType(pc.ByType),
	}
	return f
}

// regionFeature builds the feature of one admin1 aggregate, at the region's
// representative point. Its id is COUNTRY.ADMIN1, e.g. "UA.05".
func regionFeature(rc geo.RegionCount) *geojson.Feature {
	f := geojson.NewFeature(orb.Point{rc.Lon, rc.Lat})
	id := regionID(rc)
	f.ID = id
	f.Properties = geojson.Properties{
		"id": id, "country": rc.Country, "admin1": rc.Admin1, "admin1_name": rc.Admin1Name,
		"incidents": rc.Incidents, "last_seen": nullable(rc.LastSeen), "by_type": countsByType(rc.ByType),
	}
	return f
}

func regionID(rc geo.RegionCount) string { return rc.Country + "." + rc.Admin1 }

// countsByType never returns nil, so by_type is always an object.
func countsByType(m map[string]int) map[string]int {
	if m == nil {
		return map[string]int{}
	}
	return m
}

// nullable turns "" into JSON null.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
