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
// about 100 m, which is all a country basemap needs.
func newFeature(iso, name string, polys []polygon) feature {
	coords := make([][][][2]float64, len(polys))
	for i, p := range polys {
		coords[i] = make([][][2]float64, len(p))
		for j, r := range p {
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
