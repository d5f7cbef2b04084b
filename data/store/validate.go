package store

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// dateLayout is the stored form of event dates.
const dateLayout = "2006-01-02"

// validateArticle checks what Ingest needs of an article.
func validateArticle(a geo.Article) error {
	if strings.TrimSpace(a.Text) == "" {
		return geo.FieldError("text", "article text is empty")
	}
	return geo.CheckPublished(a.Published, time.Now())
}

// validateMention checks a mention against the article text it points into.
func validateMention(m geo.Mention, text string, field string) error {
	if m.Start < 0 || m.End < m.Start || m.End > len(text) {
		return geo.FieldError(field, "span %d..%d is outside the text (%d bytes)", m.Start, m.End, len(text))
	}
	if text[m.Start:m.End] != m.Text {
		return geo.FieldError(field+".text", "does not match the text at %d..%d", m.Start, m.End)
	}
	return validatePoint(m.Lat, m.Lon, field)
}

// validateIncident checks an incident's type, date, point, numbers and quote
// span; field prefixes the name of the offending field in the error.
func validateIncident(inc geo.Incident, textLen int, field string) error {
	subs, ok := geo.Taxonomy[inc.EventType]
	if !ok {
		return geo.FieldError(field+".event_type", "unknown event type %q", inc.EventType)
	}
	if !slices.Contains(subs, inc.SubEventType) {
		return geo.FieldError(field+".sub_event_type", "%q is not a sub-event type of %q", inc.SubEventType, inc.EventType)
	}
	if err := validateDate(inc.EventDate, field+".event_date"); err != nil {
		return err
	}
	if err := validatePoint(inc.Lat, inc.Lon, field); err != nil {
		return err
	}
	if inc.TimePrecision < 0 || inc.TimePrecision > geo.TimeMonth {
		return geo.FieldError(field+".time_precision", "must be 1, 2 or 3, got %d", inc.TimePrecision)
	}
	if inc.GeoPrecision < 0 || inc.GeoPrecision > geo.PrecisionRegion {
		return geo.FieldError(field+".geo_precision", "must be 1, 2 or 3, got %d", inc.GeoPrecision)
	}
	numbers := []struct {
		name  string
		value *int
	}{{"count", inc.Count}, {"fatalities", inc.Fatalities}, {"injured", inc.Injured}}
	for _, n := range numbers {
		if n.value != nil && *n.value < 0 {
			return geo.FieldError(field+"."+n.name, "must not be negative, got %d", *n.value)
		}
	}
	if inc.QuoteStart < 0 || inc.QuoteEnd < inc.QuoteStart || inc.QuoteEnd > textLen {
		return geo.FieldError(field+".quote_start", "quote span %d..%d is outside the text (%d bytes)", inc.QuoteStart, inc.QuoteEnd, textLen)
	}
	return nil
}

// validateDate checks a YYYY-MM-DD date.
func validateDate(d, field string) error {
	if _, err := time.Parse(dateLayout, d); err != nil {
		return geo.FieldError(field, "want a date as YYYY-MM-DD, got %q", d)
	}
	return nil
}

// validatePoint checks a latitude and longitude.
func validatePoint(lat, lon float64, field string) error {
	if math.IsNaN(lat) || lat < -90 || lat > 90 {
		return geo.FieldError(prefixed(field, "lat"), "latitude %v is outside -90..90", lat)
	}
	if math.IsNaN(lon) || lon < -180 || lon > 180 {
		return geo.FieldError(prefixed(field, "lon"), "longitude %v is outside -180..180", lon)
	}
	return nil
}

// validateBBox checks a bounding box; West > East is allowed and means the
// box crosses the antimeridian.
func validateBBox(b geo.BBox) error {
	for _, v := range []float64{b.West, b.South, b.East, b.North} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return geo.FieldError("bbox", "coordinates must be numbers")
		}
	}
	if b.South < -90 || b.North > 90 || b.South > b.North {
		return geo.FieldError("bbox", "latitudes must satisfy -90 <= south <= north <= 90")
	}
	if b.West < -180 || b.West > 180 || b.East < -180 || b.East > 180 {
		return geo.FieldError("bbox", "longitudes must be within -180..180")
	}
	return nil
}

// prefixed joins a field path and a name.
func prefixed(field, name string) string {
	if field == "" {
		return name
	}
	return fmt.Sprintf("%s.%s", field, name)
}
