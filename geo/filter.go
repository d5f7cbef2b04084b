package geo

import "time"

// BBox is a lon/lat bounding box: west, south, east, north.
type BBox struct {
	West, South, East, North float64
}

// IncidentFilter selects incidents. Nil or zero fields select everything.
// Paging is by keyset: After is the id of the last incident of the previous
// page (incidents come newest event_date first, then id descending), so a
// page is stable under concurrent inserts; Offset is kept for clients that
// ask for a page by number.
type IncidentFilter struct {
	BBox         *BBox
	From, To     *time.Time // inclusive bounds on event_date
	EventType    []string
	SubEventType []string
	Country      []string
	Admin1       string // COUNTRY.CODE, e.g. "UA.05"
	Q            string // free text over quote, location and sources' titles
	ArticleID    int64
	After        *Cursor
	Offset       int
	Limit        int
}

// Cursor is a keyset position: the event date and id of the last item of a
// page.
type Cursor struct {
	EventDate string
	ID        int64
}

// PlaceCount is a resolved place with the number of incidents there.
type PlaceCount struct {
	Place
	// Key identifies the place among those with incidents: "g" and the
	// GeoNames id, or "p" and its point in thousandths of a degree for
	// places GeoNames gives no id (regions, user entries).
	Key       string         `json:"key"`
	Incidents int            `json:"incidents"`
	LastSeen  string         `json:"last_seen"` // YYYY-MM-DD
	ByType    map[string]int `json:"by_type"`
}

// RegionCount aggregates incidents per admin1 region.
type RegionCount struct {
	Country    string         `json:"country"`
	Admin1     string         `json:"admin1"`
	Admin1Name string         `json:"admin1_name"`
	Lat        float64        `json:"lat"`
	Lon        float64        `json:"lon"`
	Incidents  int            `json:"incidents"`
	ByType     map[string]int `json:"by_type"`
	LastSeen   string         `json:"last_seen"`
}

// IngestResult says what storing one article did.
type IngestResult struct {
	ArticleID   int64      `json:"article_id"`
	Duplicate   bool       `json:"duplicate"`
	Incidents   []Incident `json:"-"`
	NewCount    int        `json:"incidents_new"`
	MergedCount int        `json:"incidents_merged"`
	Mentions    []Mention  `json:"mentions"`
	// Unresolved are the names the geoparser took for places but could not
	// place (filled by the HTTP ingest; nil elsewhere).
	Unresolved []Unresolved `json:"unresolved,omitempty"`
}
