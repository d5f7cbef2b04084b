package main

import "math"

type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

type feature struct {
	Type       string   `json:"type"`
	Properties props    `json:"properties"`
	Geometry   geometry `json:"geometry"`
}

type props struct {
	ISO  string `json:"iso_a2"`
	Name string `json:"name"`
}

type geometry struct {
	Type        string           `json:"type"`
	Coordinates [][][][2]float64 `json:"coordinates"`
}

// newFeature builds a MultiPolygon feature with coordinates rounded to
// about 100 m, which is all a country basemap needs. Rings that cross the
// antimeridian are unwrapped (longitudes past ±180) so a flat map draws
// them whole instead of with a line across the world.
func newFeature(iso, name string, polys []polygon) feature {
	coords := make([][][][2]float64, len(polys))
	for i, p := range polys {
		coords[i] = make([][][2]float64, len(p))
		for j, r := range p {
			if u := unwrap(r); math.Abs(u[0][0]-u[len(u)-1][0]) < 1 {
				r = u // a ring around the pole (Antarctica) does not close when unwrapped: keep it
			}
			pts := make([][2]float64, len(r))
			for k, pt := range r {
				pts[k] = [2]float64{round3(pt[0]), round3(pt[1])}
			}
			coords[i][j] = pts
		}
	}
	return feature{Type: "Feature", Properties: props{ISO: iso, Name: name},
		Geometry: geometry{Type: "MultiPolygon", Coordinates: coords}}
}

func round3(f float64) float64 { return math.Round(f*1e3) / 1e3 }
