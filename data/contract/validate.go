package contract

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// DateLayout is the form of event dates, stored and compared as text.
const DateLayout = "2006-01-02"

// ValidateArticle checks what an ingest needs of an article.
func ValidateArticle(a geo.Article) error {
	if strings.TrimSpace(a.Text) == "" {
		return geo.FieldError("text", "article text is empty")
	}
	return geo.CheckPublished(a.Published, time.Now())
}

// ValidateMention checks a mention against the article text it points into.
func ValidateMention(m geo.Mention, text string, field string) error {
	if m.Start < 0 || m.End < m.Start || m.End > len(text) {
		return geo.FieldError(field, "span %d..%d is outside the text (%d bytes)", m.Start, m.End, len(text))
	}
	if text[m.Start:m.End] != m.Text {
		return geo.FieldError(field+".text", "does not match the text at %d..%d", m.Start, m.End)
	}
	return ValidatePoint(m.Lat, m.Lon, field)
}

// ValidateIncident checks an incident's type, date, point, numbers and quote
// span; field prefixes the name of the offending field in the error.
func ValidateIncident(inc geo.Incident, textLen int, field string) error {
	subs, ok := geo.Taxonomy[inc.EventType]
	if !ok {
		return geo.FieldError(field+".event_type", "unknown event type %q", inc.EventType)
	}
	if !slices.Contains(subs, inc.SubEventType) {
		return geo.FieldError(field+".sub_event_type", "%q is not a sub-event type of %q", inc.SubEventType, inc.EventType)
	}
	if err := ValidateDate(inc.EventDate, field+".event_date"); err != nil {
		return err
	}
	if err := ValidatePoint(inc.Lat, inc.Lon, field); err != nil {
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

// ValidateDate checks a YYYY-MM-DD date.
func ValidateDate(d, field string) error {
	if _, err := time.Parse(DateLayout, d); err != nil {
		return geo.FieldError(field, "want a date as YYYY-MM-DD, got %q", d)
	}
	return nil
}

// ValidatePoint checks a latitude and longitude.
func ValidatePoint(lat, lon float64, field string) error {
	if math.IsNaN(lat) || lat < -90 || lat > 90 {
		return geo.FieldError(prefixed(field, "lat"), "latitude %v is outside -90..90", lat)
	}
	if math.IsNaN(lon) || lon < -180 || lon > 180 {
		return geo.FieldError(prefixed(field, "lon"), "longitude %v is outside -180..180", lon)
	}
	return nil
}

// ValidateBBox checks a bounding box; West > East is allowed and means the
// box crosses the antimeridian.
func ValidateBBox(b geo.BBox) error {
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

// CheckUserPlace is a last line of defence; the gazetteer package does the
// real validation of user entries.
func CheckUserPlace(p geo.Place) error {
	if strings.TrimSpace(p.Name) == "" {
		return geo.FieldError("name", "name is empty")
	}
	if p.GeonameID < 0 || p.GeonameID >= geo.UserIDBase {
		return geo.FieldError("geonameid", "must be a GeoNames id or 0")
	}
	return ValidatePoint(p.Lat, p.Lon, "")
}

// CheckImportedPlace rejects imported rows that cannot be keyed or placed.
func CheckImportedPlace(p geo.Place) error {
	if p.GeonameID <= 0 {
		return geo.FieldError("geonameid", "must be positive, got %d", p.GeonameID)
	}
	if p.Name == "" {
		return geo.FieldError("name", "name is empty")
	}
	return ValidatePoint(p.Lat, p.Lon, "")
}

// CheckUnresolved checks an unresolved name's span against the article
// text and its region's point.
func CheckUnresolved(u geo.Unresolved, text, field string) error {
	if u.Start < 0 || u.End < u.Start || u.End > len(text) || text[u.Start:u.End] != u.Text {
		return geo.FieldError(field, "span %d..%d does not hold %q", u.Start, u.End, u.Text)
	}
	if u.Region != nil {
		return ValidatePoint(u.Region.Lat, u.Region.Lon, field+".region")
	}
	return nil
}
