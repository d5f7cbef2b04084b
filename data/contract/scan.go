package contract

import (
	"fmt"
	"math"

	"github.com/incidentmap/incidentmap/geo"
)

// Rows is a query's results as both stores' drivers give them
// (database/sql's *sql.Rows, pgx.Rows). The aggregate queries of the two
// stores differ in dialect but return the same columns, which the scanners
// here read; the caller closes the rows.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanPlaceCounts reads rows of (place key, event type, count, last date
// YYYY-MM-DD, location, geonameid, feature code, country, admin1, admin1
// name, admin2, lat, lon) into places.
func ScanPlaceCounts(rows Rows) ([]geo.PlaceCount, error) {
	tally := PlaceTally{}
	for rows.Next() {
		var key, eventType, last string
		var n int
		var p geo.Place
		if err := rows.Scan(&key, &eventType, &n, &last, &p.Name, &p.GeonameID, &p.FeatureCode,
			&p.Country, &p.Admin1, &p.Admin1Name, &p.Admin2, &p.Lat, &p.Lon); err != nil {
			return nil, fmt.Errorf("scan place: %w", err)
		}
		tally.Add(key, eventType, n, last, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return tally.Places(), nil
}

// ScanRegionCounts reads rows of (country, admin1, event type, count, last
// date, admin1 name, sum of lat, sum of lon) into regions.
func ScanRegionCounts(rows Rows) ([]geo.RegionCount, error) {
	tally := RegionTally{}
	for rows.Next() {
		var country, admin1, eventType, last, name string
		var n int
		var sumLat, sumLon float64
		if err := rows.Scan(&country, &admin1, &eventType, &n, &last, &name, &sumLat, &sumLon); err != nil {
			return nil, fmt.Errorf("scan region: %w", err)
		}
		tally.Add(country, admin1, eventType, n, last, name, sumLat, sumLon)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return tally.Regions(), nil
}

// ScanMentions reads rows of a stored article's mentions: (start, end,
// text, name, place id, geonameid, feature code, country, admin1, admin1
// name, admin2, lat, lon, precision, confidence).
func ScanMentions(rows Rows) ([]geo.Mention, error) {
	out := []geo.Mention{}
	for rows.Next() {
		var m geo.Mention
		if err := rows.Scan(&m.Start, &m.End, &m.Text, &m.Name, &m.PlaceID, &m.GeonameID,
			&m.FeatureCode, &m.Country, &m.Admin1, &m.Admin1Name, &m.Admin2, &m.Lat, &m.Lon,
			&m.Precision, &m.Confidence); err != nil {
			return nil, fmt.Errorf("scan mention: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ScanDayCounts reads rows of (date, count).
func ScanDayCounts(rows Rows) ([]DayCount, error) {
	out := []DayCount{}
	for rows.Next() {
		var d DayCount
		if err := rows.Scan(&d.Date, &d.Count); err != nil {
			return nil, fmt.Errorf("scan daily count: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// GridScan gathers the cells of GridCounts from the stores' two queries:
// the totals per cell, then the counts per cell and event type, taken
// from every k-th incident when Every says more than GridExactTypes match.
type GridScan struct {
	cells map[[2]int]*geo.GridCell
	seen  map[[2]int]int // incidents of each cell the type query counted
	total int
}

// ScanTotals reads rows of (cell x, cell y, count, sum of lat, sum of lon).
func (g *GridScan) ScanTotals(rows Rows) error {
	g.cells, g.seen, g.total = map[[2]int]*geo.GridCell{}, map[[2]int]int{}, 0
	for rows.Next() {
		var k [2]int
		c := &geo.GridCell{ByType: map[string]int{}}
		if err := rows.Scan(&k[0], &k[1], &c.Count, &c.Lat, &c.Lon); err != nil {
			return fmt.Errorf("scan grid cell: %w", err)
		}
		c.Lat /= float64(c.Count)
		c.Lon /= float64(c.Count)
		g.cells[k] = c
		g.total += c.Count
	}
	return rows.Err()
}

// Every is k: the type query counts every k-th incident (by id), 1 when
// it counts them all.
func (g *GridScan) Every() int {
	return max(1, int(math.Ceil(float64(g.total)/GridExactTypes)))
}

// ScanTypes reads rows of (cell x, cell y, event type, count).
func (g *GridScan) ScanTypes(rows Rows) error {
	for rows.Next() {
		var k [2]int
		var eventType string
		var n int
		if err := rows.Scan(&k[0], &k[1], &eventType, &n); err != nil {
			return fmt.Errorf("scan grid types: %w", err)
		}
		if c := g.cells[k]; c != nil {
			c.ByType[eventType] += n
			g.seen[k] += n
		}
	}
	return rows.Err()
}

// Cells are the cells, their type split scaled up when it was sampled,
// largest first.
func (g *GridScan) Cells() []geo.GridCell {
	every := g.Every()
	out := make([]geo.GridCell, 0, len(g.cells))
	for k, c := range g.cells {
		if every > 1 {
			ScaleTypes(c, g.seen[k])
		}
		out = append(out, *c)
	}
	SortGridCells(out)
	return out
}
