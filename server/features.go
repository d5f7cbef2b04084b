package server

import (
	"time"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// incidentProps are an incident feature's properties, named as in
// ARCHITECTURE.md "Incident features" (ACLED's names where ACLED has the
// field). Unknown values are null, never empty strings pretending to be data.
type incidentProps struct {
	ID            int64         `json:"id"`
	EventType     string        `json:"event_type"`
	SubEventType  string        `json:"sub_event_type"`
	EventDate     string        `json:"event_date"`
	TimePrecision int           `json:"time_precision"`
	Location      string        `json:"location"`
	GeonameID     int64         `json:"geonameid"`
	FeatureCode   string        `json:"feature_code"`
	Country       string        `json:"country"`
	Admin1        string        `json:"admin1"`
	Admin1Name    string        `json:"admin1_name"`
	Admin2        string        `json:"admin2"`
	GeoPrecision  int           `json:"geo_precision"`
	Count         *int          `json:"count"`
	CountUnit     *string       `json:"count_unit"`
	Fatalities    *int          `json:"fatalities"`
	Injured       *int          `json:"injured"`
	Actor1        *string       `json:"actor1"`
	Actor2        *string       `json:"actor2"`
	Quote         string        `json:"quote"`
	QuoteStart    int           `json:"quote_start"`
	QuoteEnd      int           `json:"quote_end"`
	Sources       []sourceProps `json:"sources"`
}

// sourceProps is one article an incident came from.
type sourceProps struct {
	ArticleID int64   `json:"article_id"`
	Title     string  `json:"title"`
	URL       *string `json:"url"`
	Published *string `json:"published"`
}

// incidentFeature builds the GeoJSON feature of one incident, lon/lat order.
func incidentFeature(in geo.Incident) *geojson.FeatureOf[incidentProps] {
	p := incidentProps{
		ID: in.ID, EventType: in.EventType, SubEventType: in.SubEventType,
		EventDate: in.EventDate, TimePrecision: in.TimePrecision,
		Location: in.Location, GeonameID: in.GeonameID, FeatureCode: in.FeatureCode,
		Country: in.Country, Admin1: in.Admin1, Admin1Name: in.Admin1Name, Admin2: in.Admin2,
		GeoPrecision: in.GeoPrecision, Count: in.Count, Fatalities: in.Fatalities, Injured: in.Injured,
		CountUnit: nullable(in.CountUnit), Actor1: nullable(in.Actor1), Actor2: nullable(in.Actor2),
		Quote: in.Quote, QuoteStart: in.QuoteStart, QuoteEnd: in.QuoteEnd,
		Sources: make([]sourceProps, 0, len(in.Sources)),
	}
	for _, src := range in.Sources {
		sp := sourceProps{ArticleID: src.ArticleID, Title: src.Title, URL: nullable(src.URL)}
		if !src.Published.IsZero() {
			pub := src.Published.UTC().Format(time.RFC3339)
			sp.Published = &pub
		}
		p.Sources = append(p.Sources, sp)
	}
	return &geojson.FeatureOf[incidentProps]{
		ID: in.ID, Type: "Feature", Geometry: orb.Point{in.Lon, in.Lat}, Properties: p,
	}
}

func incidentFeatures(list []geo.Incident) []*geojson.FeatureOf[incidentProps] {
	out := make([]*geojson.FeatureOf[incidentProps], len(list))
	for i, in := range list {
		out[i] = incidentFeature(in)
	}
	return out
}

// placeFeature builds the feature of one resolved place with its counts.
func placeFeature(pc geo.PlaceCount) *geojson.Feature {
	f := geojson.NewFeature(orb.Point{pc.Lon, pc.Lat})
	f.ID = pc.ID
	f.Properties = geojson.Properties{
		"id": pc.ID, "name": pc.Name, "geonameid": pc.GeonameID, "feature_code": pc.FeatureCode,
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

// featureList is a bare GeoJSON FeatureCollection, e.g. the incidents of
// one ingested article.
type featureList struct {
	Type     string `json:"type"`
	Features any    `json:"features"`
}
