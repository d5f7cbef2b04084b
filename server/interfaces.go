package server

import (
	"context"

	"github.com/incidentmap/incidentmap/geo"
)

// IncidentStore is what the server reads from the incident store. Incidents
// returns one page in keyset order (newest event_date first, then id
// descending) and numberMatched, the count of everything the filter selects
// ignoring After, Offset and Limit.
type IncidentStore interface {
	Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error)
	// Incident returns one incident or a geo.ENotFound error.
	Incident(ctx context.Context, id int64) (geo.Incident, error)
	// Places lists resolved places with incident counts over the filter.
	Places(ctx context.Context, f geo.IncidentFilter) ([]geo.PlaceCount, error)
	// Place returns the one place with incidents whose Key is key, or a
	// geo.ENotFound error.
	Place(ctx context.Context, key string) (geo.PlaceCount, error)
	// Regions lists admin1 aggregates over the filter.
	Regions(ctx context.Context, f geo.IncidentFilter) ([]geo.RegionCount, error)
	// DailyCounts counts incidents per event_date, oldest first.
	DailyCounts(ctx context.Context, f geo.IncidentFilter) ([]DayCount, error)
	// Extent is the bounding box and the first and last event dates of all
	// incidents, and how many there are.
	Extent(ctx context.Context) (bbox geo.BBox, first, last string, n int, err error)
}

// DayCount is the number of incidents on one day, for the page's histogram.
type DayCount struct {
	Date  string `json:"date"` // YYYY-MM-DD
	Count int    `json:"count"`
}

// ArticleReader returns one stored article with the place mentions found in
// it, so the page can highlight them.
type ArticleReader interface {
	Article(ctx context.Context, id int64) (geo.Article, []geo.Mention, error)
}

// Ingester stores one article: it geoparses the text, extracts incidents and
// reports what it did. A duplicate article answers with the existing id.
type Ingester interface {
	Ingest(ctx context.Context, a geo.Article) (geo.IngestResult, error)
}

// SearchOptions narrow a gazetteer search.
type SearchOptions struct {
	Country string // ISO 3166-1 alpha-2, empty for any
	Limit   int
}

// Gazetteer is the place index: ranked autocomplete over bundled and user
// entries, and edits of user entries. Validation errors are *geo.Error values
// with Field set; edits of bundled entries are refused with a geo error.
type Gazetteer interface {
	Search(q string, opt SearchOptions) []geo.Place
	Get(id int64) (geo.Place, bool)
	Add(ctx context.Context, p geo.Place) (geo.Place, error)
	Update(ctx context.Context, p geo.Place) (geo.Place, error)
	Delete(ctx context.Context, id int64) error
}

// HealthChecker reports whether a dependency (the store) can serve requests.
type HealthChecker interface {
	Ping(ctx context.Context) error
}
