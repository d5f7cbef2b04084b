package export

import (
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

func intPtr(n int) *int { return &n }

// sampleIncidents are written for these tests: one fully filled incident,
// one with nulls, one with hostile text for the CSV and JSON quoting.
func sampleIncidents() []geo.Incident {
	published := time.Date(2024, 3, 14, 7, 30, 0, 0, time.UTC)
	return []geo.Incident{
		{
			ID: 17, EventType: geo.StrategicDevelopments, SubEventType: geo.SubDisruptedWeapons,
			EventDate: "2024-03-14", TimePrecision: geo.TimeDay,
			Location: "Millerovo", GeonameID: 526736, FeatureCode: "PPLA2",
			Country: "RU", Admin1: "61", Admin1Name: "Rostov", Admin2: "Millerovsky",
			Lat: 48.92, Lon: 40.39, GeoPrecision: geo.PrecisionExact,
			Count: intPtr(12), CountUnit: "drones", Actor1: "Military Forces of Russia",
			Quote: "Air defences shot down twelve drones near Millerovo.",
			Sources: []geo.Source{
				{ArticleID: 3, Title: "Night raid", URL: "https://example.org/a", Published: published},
				{ArticleID: 9, Title: "Drones over the south", URL: "https://example.org/b"},
			},
		},
		{
			ID: 18, EventType: geo.Battles, SubEventType: geo.SubArmedClash,
			EventDate: "2024-03-10", TimePrecision: geo.TimeWeek,
			Location: "Kidal", Country: "ML", Lat: 18.44, Lon: 1.41, GeoPrecision: geo.PrecisionNear,
			Quote: "Fighting was reported around Kidal.",
		},
		{
			ID: 19, EventType: geo.ExplosionsRemote, SubEventType: geo.SubShelling,
			EventDate: "2024-02-01", TimePrecision: geo.TimeMonth,
			Location: "=HYPERLINK(\"http://evil\")", Country: "XK", Admin1Name: "@sum",
			Lat: -12.5, Lon: -77.25, GeoPrecision: geo.PrecisionRegion,
			Fatalities: intPtr(0), Injured: intPtr(10), Actor2: "-unknown",
			Quote:   "Shelling hit the market, \"witnesses\" said,\nand a second line, with commas.",
			Sources: []geo.Source{{Title: "+quoted; title", URL: "https://example.org/c?x=1,2"}},
		},
	}
}
