package storetest

import (
	"strings"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// IntP is a pointer to n, for optional counts.
func IntP(n int) *int { return &n }

// Place is a resolved place used to build incidents; the stores' own tests
// build theirs from it too.
type Place struct {
	Name, Country, Admin1, Admin1Name string
	GeonameID                         int64
	Lat, Lon                          float64
}

// Places the tests put incidents at.
var (
	Kharkiv  = Place{"Kharkiv", "UA", "07", "Kharkiv", 706483, 49.98081, 36.25272}
	Odesa    = Place{"Odesa", "UA", "17", "Odessa", 698740, 46.47747, 30.73262}
	Pokrovsk = Place{"Pokrovsk", "UA", "05", "Donetsk", 708546, 48.28198, 37.17585}
	Aleppo   = Place{"Aleppo", "SY", "09", "Aleppo", 170063, 36.20124, 37.16117}
	Khartoum = Place{"Khartoum", "SD", "29", "Khartoum", 379252, 15.55177, 32.53241}
	East     = Place{"Eastpoint", "FJ", "03", "Northern", 0, -16.5, 179.5}
	West     = Place{"Westpoint", "FJ", "03", "Northern", 0, -16.6, -179.5}
)

// IncidentAt builds a valid incident at p whose quote is found in text.
func IncidentAt(p Place, date, sub, quote, text string) geo.Incident {
	start := strings.Index(text, quote)
	if start < 0 {
		start, quote = 0, ""
	}
	return geo.Incident{
		EventType: geo.EventTypeOf(sub), SubEventType: sub, EventDate: date, TimePrecision: geo.TimeDay,
		Location: p.Name, GeonameID: p.GeonameID, FeatureCode: "PPL", Country: p.Country,
		Admin1: p.Admin1, Admin1Name: p.Admin1Name, Lat: p.Lat, Lon: p.Lon, GeoPrecision: geo.PrecisionExact,
		Quote: quote, QuoteStart: start, QuoteEnd: start + len(quote),
	}
}

// DroneText is a report of two incidents, DroneIncidents.
const DroneText = "Overnight, drones struck Kharkiv. Air defence downed 44 drones over Odesa."

// DroneArticle is DroneText as an article at url.
func DroneArticle(url string) geo.Article {
	return geo.Article{Title: "Night attack", URL: url, Text: DroneText,
		Published: time.Date(2025, 6, 1, 7, 30, 0, 0, time.UTC)}
}

// DroneIncidents are the incidents DroneText reports.
func DroneIncidents() []geo.Incident {
	a := IncidentAt(Kharkiv, "2025-06-01", geo.SubAirDroneStrike, "drones struck Kharkiv", DroneText)
	b := IncidentAt(Odesa, "2025-06-01", geo.SubDisruptedWeapons, "downed 44 drones over Odesa", DroneText)
	b.Count, b.CountUnit = IntP(44), "drones"
	return []geo.Incident{a, b}
}

// report is an article of one sentence and the incident it reports.
func report(title string, p Place, date, sub string) (geo.Article, geo.Incident) {
	text := title + ": an incident in " + p.Name + "."
	a := geo.Article{Title: title, Text: text, Published: time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)}
	return a, IncidentAt(p, date, sub, "an incident in "+p.Name, text)
}

// names lists the locations of incidents, in order.
func names(incs []geo.Incident) []string {
	out := make([]string, len(incs))
	for i, inc := range incs {
		out[i] = inc.Location
	}
	return out
}

var unresolvedAll = contract.UnresolvedFilter{}

func unresolvedPage(limit, offset int) contract.UnresolvedFilter {
	return contract.UnresolvedFilter{Limit: limit, Offset: offset}
}

// span is the unresolved name text at its first Place in doc.
func span(doc, text string, region *geo.RegionRef) geo.Unresolved {
	start := strings.Index(doc, text)
	return geo.Unresolved{Text: text, Start: start, End: start + len(text), Region: region}
}

// ingestItem is an article of text with names the geoparser missed.
func ingestItem(title, text string, us []geo.Unresolved) contract.IngestItem {
	return contract.IngestItem{Article: geo.Article{Title: title, Text: text}, Unresolved: us}
}
