package storetest

import (
	"strings"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

func intp(n int) *int { return &n }

// place is a resolved place used to build incidents.
type place struct {
	name, country, admin1, admin1Name string
	geonameid                         int64
	lat, lon                          float64
}

var (
	kharkiv  = place{"Kharkiv", "UA", "07", "Kharkiv", 706483, 49.98081, 36.25272}
	odesa    = place{"Odesa", "UA", "17", "Odessa", 698740, 46.47747, 30.73262}
	pokrovsk = place{"Pokrovsk", "UA", "05", "Donetsk", 708546, 48.28198, 37.17585}
	aleppo   = place{"Aleppo", "SY", "09", "Aleppo", 170063, 36.20124, 37.16117}
	khartoum = place{"Khartoum", "SD", "29", "Khartoum", 379252, 15.55177, 32.53241}
	east     = place{"Eastpoint", "FJ", "03", "Northern", 0, -16.5, 179.5}
	west     = place{"Westpoint", "FJ", "03", "Northern", 0, -16.6, -179.5}
)

// incidentAt builds a valid incident at p whose quote is found in text.
func incidentAt(p place, date, sub, quote, text string) geo.Incident {
	start := strings.Index(text, quote)
	if start < 0 {
		start, quote = 0, ""
	}
	return geo.Incident{
		EventType: geo.EventTypeOf(sub), SubEventType: sub, EventDate: date, TimePrecision: geo.TimeDay,
		Location: p.name, GeonameID: p.geonameid, FeatureCode: "PPL", Country: p.country,
		Admin1: p.admin1, Admin1Name: p.admin1Name, Lat: p.lat, Lon: p.lon, GeoPrecision: geo.PrecisionExact,
		Quote: quote, QuoteStart: start, QuoteEnd: start + len(quote),
	}
}

const droneText = "Overnight, drones struck Kharkiv. Air defence downed 44 drones over Odesa."

func droneArticle(url string) geo.Article {
	return geo.Article{Title: "Night attack", URL: url, Text: droneText,
		Published: time.Date(2025, 6, 1, 7, 30, 0, 0, time.UTC)}
}

func droneIncidents() []geo.Incident {
	a := incidentAt(kharkiv, "2025-06-01", geo.SubAirDroneStrike, "drones struck Kharkiv", droneText)
	b := incidentAt(odesa, "2025-06-01", geo.SubDisruptedWeapons, "downed 44 drones over Odesa", droneText)
	b.Count, b.CountUnit = intp(44), "drones"
	return []geo.Incident{a, b}
}

// report is an article of one sentence and the incident it reports.
func report(title string, p place, date, sub string) (geo.Article, geo.Incident) {
	text := title + ": an incident in " + p.name + "."
	a := geo.Article{Title: title, Text: text, Published: time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)}
	return a, incidentAt(p, date, sub, "an incident in "+p.name, text)
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

// span is the unresolved name text at its first place in doc.
func span(doc, text string, region *geo.RegionRef) geo.Unresolved {
	start := strings.Index(doc, text)
	return geo.Unresolved{Text: text, Start: start, End: start + len(text), Region: region}
}

// ingestItem is an article of text with names the geoparser missed.
func ingestItem(title, text string, us []geo.Unresolved) contract.IngestItem {
	return contract.IngestItem{Article: geo.Article{Title: title, Text: text}, Unresolved: us}
}
