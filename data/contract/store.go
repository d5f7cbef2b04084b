package contract

import (
	"context"

	"github.com/incidentmap/incidentmap/geo"
)

// Store is what both stores offer, with the same behaviour; the suite in
// data/storetest holds them to it. Methods are documented on the SQLite
// store (data/store), whose behaviour is the reference.
type Store interface {
	IngestOne(ctx context.Context, it IngestItem, opt IngestOptions) (geo.IngestResult, error)
	IngestBatch(ctx context.Context, items []IngestItem, opt IngestOptions) ([]geo.IngestResult, []error, error)
	ReplaceFindings(ctx context.Context, it IngestItem, opt IngestOptions) (geo.IngestResult, error)

	Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error)
	Incident(ctx context.Context, id int64) (geo.Incident, error)
	Places(ctx context.Context, f geo.IncidentFilter) ([]geo.PlaceCount, error)
	Place(ctx context.Context, key string) (geo.PlaceCount, error)
	Regions(ctx context.Context, f geo.IncidentFilter) ([]geo.RegionCount, error)
	DailyCounts(ctx context.Context, f geo.IncidentFilter) ([]DayCount, error)
	Extent(ctx context.Context) (bbox geo.BBox, first, last string, n int, err error)
	GridCounts(ctx context.Context, f geo.IncidentFilter, cellDeg float64) ([]geo.GridCell, int, error)

	Article(ctx context.Context, id int64) (geo.Article, error)
	ArticleMentions(ctx context.Context, id int64) ([]geo.Mention, error)
	StoredArticle(ctx context.Context, id int64) (geo.Article, error)
	Articles(ctx context.Context, limit, offset int) ([]geo.ArticleSummary, int, error)
	Stats(ctx context.Context) (articles, incidents int, err error)

	UnresolvedNames(ctx context.Context, f UnresolvedFilter) ([]geo.UnresolvedName, int, error)
	ArticlesNaming(ctx context.Context, names []string) ([]int64, error)

	UserPlaces(ctx context.Context) ([]geo.Place, error)
	AddUserPlace(ctx context.Context, p geo.Place) (geo.Place, error)
	UpdateUserPlace(ctx context.Context, p geo.Place) (geo.Place, error)
	DeleteUserPlace(ctx context.Context, id int64) error
	BeginImport(ctx context.Context) (PlaceImporter, error)
	ImportedPlaces(ctx context.Context, fn func(geo.Place) error) error
	// ImportSeq is the number of the latest import that wrote rows still
	// stored; ImportedPlacesSince reads the rows later imports wrote and
	// returns the latest number it saw. A running server reads only what
	// `gazetteer import` added since it last looked.
	ImportSeq(ctx context.Context) (int64, error)
	ImportedPlacesSince(ctx context.Context, after int64, fn func(geo.Place) error) (int64, error)

	// Version changes whenever the stored data may have changed, by this
	// process or another, and never goes back.
	Version(ctx context.Context) (int64, error)
	Ping(ctx context.Context) error
	Close() error
}

// PlaceImporter upserts GeoNames rows by geonameid in large transactions.
// Add reports an invalid row as a geo.EInvalid error and goes on; Close
// commits and returns how many rows were imported; Abort rolls back the
// rows not yet committed.
type PlaceImporter interface {
	Add(p geo.Place) error
	Close() (int, error)
	Abort()
}
