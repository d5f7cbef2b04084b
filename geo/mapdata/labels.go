package mapdata

import (
	"math"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
)

// Label is a name to draw at a point. Kind is "capital", "city", "town",
// "village", "region" (an admin1 name) or "water" (a sea, gulf, strait or
// lake), for the page's styles.
type Label struct {
	Name       string  `json:"name"`
	Kind       string  `json:"kind"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Population int64   `json:"population"`
	Country    string  `json:"country"`
	Admin1     string  `json:"admin1"`
}

// MaxLabels bounds the labels of one view.
const MaxLabels = 300

// Label boxes in screen pixels at the page's 12 px font: a character is
// about 7 px wide, a line 16 px high, plus room for the dot.
const (
	charWidth   = 7
	labelHeight = 16
	labelPad    = 12
)

// Labels returns the labels to draw in b at zoom z, most important first,
// none overlapping another on screen: capitals, then regional capitals and
// cities of 200,000 or more, then admin1 names (at zooms 6 to 8), then
// seas, gulfs and lakes, then the other settlements by population down to
// the zoom's threshold, then straits (water bodies at the zooms of
// waterZooms).
func (m *Map) Labels(b geo.BBox, z int) []Label {
	z = max(0, min(z, 18))
	c := newCollider(z)
	var out []Label
	take := func(p Place, kind string) {
		if len(out) >= MaxLabels || !inside(b, p) || !c.place(p) {
			return
		}
		out = append(out, Label{Name: p.Name, Kind: kind, Lat: p.Lat, Lon: p.Lon, Population: p.Population, Country: p.Country, Admin1: p.Admin1})
	}
	floor := minPopulation(z)
	settlements := func(major bool) {
		for _, p := range m.places {
			if len(out) >= MaxLabels {
				return
			}
			if p.FeatureCode == "PPLC" || !shown(p, z, floor) || isMajor(p) != major {
				continue
			}
			take(p, kindOf(p))
		}
	}
	if z >= 3 {
		for _, p := range m.places {
			if p.FeatureCode != "PPLC" {
				break // capitals sort first
			}
			take(p, "capital")
		}
	}
	waters := func(narrow bool) {
		for _, p := range m.waters {
			if zr := waterZooms[p.FeatureCode]; z >= zr[0] && z <= zr[1] && isNarrowWater(p) == narrow {
				take(p, "water")
			}
		}
	}
	settlements(true)
	if z >= 6 && z <= 8 {
		for _, p := range m.regions {
			take(p, "region")
		}
	}
	waters(false)
	settlements(false)
	waters(true) // a strait lies by the towns on its shores: they come first
	return out
}

// waterZooms are the zooms (first, last) at which a kind of water body is
// named: an ocean across a continent's view, a sea or gulf from there to
// a region's, a strait or lake closer in. The bundled gazetteer holds the
// major ones only (data/supplement.tsv).
var waterZooms = map[string][2]int{
	"OCN": {3, 6}, "SEA": {4, 9}, "GULF": {4, 10}, "BAY": {5, 10},
	"STRT": {5, 11}, "CHN": {5, 11}, "LK": {5, 11},
}

// isNarrowWater: a strait or channel, named after the towns beside it.
func isNarrowWater(p Place) bool { return p.FeatureCode == "STRT" || p.FeatureCode == "CHN" }

// isMajor says which settlements are labelled before the region names.
func isMajor(p Place) bool { return p.FeatureCode == "PPLA" || p.Population >= 200_000 }

// minPopulation is the smallest settlement labelled at zoom z.
func minPopulation(z int) int64 {
	switch {
	case z <= 4:
		return 1_000_000
	case z == 5:
		return 500_000
	case z == 6:
		return 80_000
	case z == 7:
		return 25_000
	case z == 8:
		return 8_000
	case z == 9:
		return 2_000
	case z == 10:
		return 500
	}
	return 0
}

func shown(p Place, z int, floor int64) bool {
	switch p.FeatureCode {
	case "PPLX":
		return z >= 12
	case "PPLA":
		return z >= 6 || p.Population >= floor
	}
	return p.Population >= floor
}

func kindOf(p Place) string {
	switch {
	case p.FeatureCode == "PPLC":
		return "capital"
	case p.Population >= 100_000 || p.FeatureCode == "PPLA":
		return "city"
	case p.Population >= 10_000:
		return "town"
	}
	return "village"
}

// inside reports whether the box holds the place; a box whose west edge
// is east of its east edge crosses the antimeridian.
func inside(b geo.BBox, p Place) bool {
	if p.Lat < b.South || p.Lat > b.North {
		return false
	}
	if b.West > b.East {
		return p.Lon >= b.West || p.Lon <= b.East
	}
	return p.Lon >= b.West && p.Lon <= b.East
}

// collider keeps the screen boxes of the labels placed so far in a hash of
// 128 px cells.
type collider struct {
	scale float64
	cells map[[2]int][]box
}

type box struct{ x0, y0, x1, y1 float64 }

const cellSize = 128

func newCollider(z int) *collider {
	return &collider{scale: 256 * math.Exp2(float64(z)), cells: map[[2]int][]box{}}
}

// place reserves the label's box and reports whether it was free.
func (c *collider) place(p Place) bool {
	x, y := project(p.Lat, p.Lon, c.scale)
	w := float64(utf8.RuneCountInString(p.Name)*charWidth + labelPad)
	bx := box{x - w/2, y - labelHeight, x + w/2, y + labelHeight/2}
	cx0, cy0 := int(math.Floor(bx.x0/cellSize)), int(math.Floor(bx.y0/cellSize))
	cx1, cy1 := int(math.Floor(bx.x1/cellSize)), int(math.Floor(bx.y1/cellSize))
	for cx := cx0; cx <= cx1; cx++ {
		for cy := cy0; cy <= cy1; cy++ {
			for _, o := range c.cells[[2]int{cx, cy}] {
				if bx.x0 < o.x1 && o.x0 < bx.x1 && bx.y0 < o.y1 && o.y0 < bx.y1 {
					return false
				}
			}
		}
	}
	for cx := cx0; cx <= cx1; cx++ {
		for cy := cy0; cy <= cy1; cy++ {
			k := [2]int{cx, cy}
			c.cells[k] = append(c.cells[k], bx)
		}
	}
	return true
}

// project gives Web Mercator pixel coordinates at a world width of scale.
func project(lat, lon, scale float64) (x, y float64) {
	lat = max(-85.05, min(85.05, lat))
	s := math.Sin(lat * math.Pi / 180)
	x = (lon + 180) / 360 * scale
	y = (0.5 - math.Log((1+s)/(1-s))/(4*math.Pi)) * scale
	return x, y
}
