package export

import (
	"time"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Feature builds the GeoJSON Feature of an incident in the shape of
// ARCHITECTURE.md's "Incident features": a Point [lon, lat], the incident id
// as the Feature id, and ACLED-named properties. Unknown numbers and absent
// actors are null, so clients can tell "none stated" from zero.
func Feature(inc geo.Incident) *geojson.Feature {
	f := geojson.NewFeature(orb.Point{inc.Lon, inc.Lat})
	f.ID = inc.ID
	f.Properties = geojson.Properties{
		"id":             inc.ID,
		"event_type":     inc.EventType,
		"sub_event_type": inc.SubEventType,
		"event_date":     inc.EventDate,
		"time_precision": inc.TimePrecision,
		"location":       inc.Location,
		"geonameid":      inc.GeonameID,
		"feature_code":   inc.FeatureCode,
		"country":        inc.Country,
		"admin1":         inc.Admin1,
		"admin1_name":    inc.Admin1Name,
		"admin2":         inc.Admin2,
		"geo_precision":  inc.GeoPrecision,
		"count":          intOrNil(inc.Count),
		"count_unit":     stringOrNil(inc.CountUnit),
		"fatalities":     intOrNil(inc.Fatalities),
		"injured":        intOrNil(inc.Injured),
		"actor1":         stringOrNil(inc.Actor1),
		"actor2":         stringOrNil(inc.Actor2),
		"quote":          inc.Quote,
		"sources":        featureSources(inc.Sources),
	}
	return f
}

// featureSource is one entry of a feature's "sources" property.
type featureSource struct {
	ArticleID int64   `json:"article_id"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Published *string `json:"published"`
}

// featureSources always returns a non-nil slice so "sources" is [] and
// never null.
func featureSources(srcs []geo.Source) []featureSource {
	out := make([]featureSource, 0, len(srcs))
	for _, s := range srcs {
		fs := featureSource{ArticleID: s.ArticleID, Title: s.Title, URL: s.URL}
		if !s.Published.IsZero() {
			p := s.Published.UTC().Format(time.RFC3339)
			fs.Published = &p
		}
		out = append(out, fs)
	}
	return out
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func stringOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}
