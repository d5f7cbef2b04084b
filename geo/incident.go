package geo

import "time"

// Article is one news report as it was ingested.
type Article struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
	Text      string    `json:"text"`
}

// Source is an article that reported an incident.
type Source struct {
	ArticleID int64     `json:"article_id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
}

// Incident is one typed, dated, located event taken from an article.
// Field names follow ACLED where ACLED has the field.
type Incident struct {
	ID            int64   `json:"id"`
	EventType     string  `json:"event_type"`
	SubEventType  string  `json:"sub_event_type"`
	EventDate     string  `json:"event_date"` // YYYY-MM-DD
	TimePrecision int     `json:"time_precision"`
	Location      string  `json:"location"`
	GeonameID     int64   `json:"geonameid"`
	FeatureCode   string  `json:"feature_code"`
	Country       string  `json:"country"`
	Admin1        string  `json:"admin1"`
	Admin1Name    string  `json:"admin1_name"`
	Admin2        string  `json:"admin2"` // the district's name, as ACLED's admin2 (its code when no name is known)
	Lat           float64 `json:"lat"`
	Lon           float64 `json:"lon"`
	GeoPrecision  int     `json:"geo_precision"`
	Count         *int    `json:"count"`
	CountUnit     string  `json:"count_unit,omitempty"`
	Fatalities    *int    `json:"fatalities"`
	// FatalitiesClaimedBy names the side that claimed the fatalities
	// ("Ukrainian General Staff"); empty when the figure is not one side's claim.
	FatalitiesClaimedBy string   `json:"fatalities_claimed_by,omitempty"`
	Injured             *int     `json:"injured"`
	Actor1              string   `json:"actor1,omitempty"`
	Actor2              string   `json:"actor2,omitempty"`
	Quote               string   `json:"quote"`
	QuoteStart          int      `json:"quote_start"`
	QuoteEnd            int      `json:"quote_end"`
	Sources             []Source `json:"sources"`
}

// Time precision codes as ACLED uses them.
const (
	TimeDay   = 1
	TimeWeek  = 2
	TimeMonth = 3
)
