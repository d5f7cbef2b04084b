package borders

import "github.com/paulmach/orb"

// Shape returns the polygons of the country with this code, or nil.
func (b *Borders) Shape(code string) orb.MultiPolygon {
	return b.shapes[code].poly
}
