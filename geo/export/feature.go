package export

import (
	"time"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Properties are an incident feature's properties, named as in
// ARCHITECTURE.md "Incident features" (ACLED's names where ACLED has the
// field). Unknown values are null, never empty strings pretending to be data.
type Properties struct {
	ID            int64   `json:"id"`
	EventType     string  `json:"event_type"`
	SubEventType  string  `json:"sub_event_type"`
	EventDate     string  `json:"event_date"`
	TimePrecision int     `json:"time_precision"`
	Location      string  `json:"location"`
	GeonameID     int64   `json:"geonameid"`
	FeatureCode   string  `json:"feature_code"`
	Country       string  `json:"country"`
	Admin1        string  `json:"admin1"`
	Admin1Name    string  `json:"admin1_name"`
	Admin2        string  `json:"admin2"`
	GeoPrecision  int     `json:"geo_precision"`
	Count         *int    `json:"count"`
	CountUnit     *string `json:"count_unit"`
	Fatalities    *int    `json:"fatalities"`
	// FatalitiesClaimedBy names the side whose claim the fatalities are, or null.
	FatalitiesClaimedBy *string            `json:"fatalities_claimed_by"`
	Injured             *int               `json:"injured"`
	Actor1              *string            `json:"actor1"`
	Actor2              *string            `json:"actor2"`
	Quote               string             `json:"quote"`
	QuoteStart          int                `json:"quote_start"`
	QuoteEnd            int                `json:"quote_end"`
	Sources             []SourceProperties `json:"sources"`
}

// SourceProperties is one article an incident came from.
type SourceProperties struct {
	ArticleID int64   `json:"article_id"`
	Title     string  `json:"title"`
	URL       *string `json:"url"`
	Published *string `json:"published"`
}

// Feature builds the GeoJSON Feature of an incident in the shape of
// ARCHITECTURE.md's "Incident features": a Point [lon, lat], the incident id
// as the Feature id, and ACLED-named properties. The server, the ingest
// command and the exports all use it, so the shape is defined once.
func Feature(in geo.Incident) *geojson.FeatureOf[Properties] {
	p := Properties{
		ID: in.ID, EventType: in.EventType, SubEventType: in.SubEventType,
		EventDate: in.EventDate, TimePrecision: in.TimePrecision,
		Location: in.Location, GeonameID: in.GeonameID, FeatureCode: in.FeatureCode,
		Country: in.Country, Admin1: in.Admin1, Admin1Name: in.Admin1Name, Admin2: in.Admin2,
		GeoPrecision: in.GeoPrecision, Count: in.Count, Fatalities: in.Fatalities, Injured: in.Injured,
		CountUnit: nullable(in.CountUnit), Actor1: nullable(in.Actor1), Actor2: nullable(in.Actor2),
		FatalitiesClaimedBy: nullable(in.FatalitiesClaimedBy),
		Quote:               in.Quote, QuoteStart: in.QuoteStart, QuoteEnd: in.QuoteEnd,
		Sources: make([]SourceProperties, 0, len(in.Sources)),
	}
	for _, src := range in.Sources {
		sp := SourceProperties{ArticleID: src.ArticleID, Title: src.Title, URL: nullable(src.URL)}
		if !src.Published.IsZero() {
			pub := src.Published.UTC().Format(time.RFC3339)
			sp.Published = &pub
		}
		p.Sources = append(p.Sources, sp)
	}
	return &geojson.FeatureOf[Properties]{
		ID: in.ID, Type: "Feature", Geometry: orb.Point{in.Lon, in.Lat}, Properties: p,
	}
}

// Features builds the features of a list of incidents.
func Features(list []geo.Incident) []*geojson.FeatureOf[Properties] {
	out := make([]*geojson.FeatureOf[Properties], len(list))
	for i, in := range list {
		out[i] = Feature(in)
	}
	return out
}

// Collection is a GeoJSON FeatureCollection of incident features.
type Collection struct {
	Type     string                           `json:"type"`
	Features []*geojson.FeatureOf[Properties] `json:"features"`
}

// CollectionOf wraps incidents in a FeatureCollection.
func CollectionOf(list []geo.Incident) Collection {
	return Collection{Type: "FeatureCollection", Features: Features(list)}
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
