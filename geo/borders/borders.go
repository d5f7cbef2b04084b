// Package borders answers which country holds a point, from the bundled
// Natural Earth polygons (a GeoJSON FeatureCollection whose features carry
// an "iso_a2" property). The evaluator uses it to credit a country-level
// answer whose country holds the gold point.
package borders

import (
	"errors"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

// Borders holds one multipolygon per ISO 3166-1 alpha-2 code.
type Borders struct {
	shapes map[string]shape
}

type shape struct {
	poly  orb.MultiPolygon
	bound orb.Bound
}

// Parse reads a FeatureCollection of (Multi)Polygons with "iso_a2".
func Parse(raw []byte) (*Borders, error) {
	fc, err := geojson.UnmarshalFeatureCollection(raw)
	if err != nil {
		return nil, fmt.Errorf("borders: %w", err)
	}
	b := &Borders{shapes: map[string]shape{}}
	for _, f := range fc.Features {
		code := f.Properties.MustString("iso_a2", "")
		if code == "" || code == "-99" {
			continue
		}
		var mp orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			mp = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			mp = g
		default:
			continue
		}
		s := b.shapes[code]
		s.poly = append(s.poly, mp...)
		s.bound = s.poly.Bound()
		b.shapes[code] = s
	}
	if len(b.shapes) == 0 {
		return nil, errors.New("borders: no country polygons with iso_a2")
	}
	return b, nil
}

// Contains reports whether the country with this code holds the point.
// Unknown codes hold nothing.
func (b *Borders) Contains(code string, lat, lon float64) bool {
	s, ok := b.shapes[code]
	if !ok {
		return false
	}
	p := orb.Point{lon, lat}
	return s.bound.Contains(p) && planar.MultiPolygonContains(s.poly, p)
}
