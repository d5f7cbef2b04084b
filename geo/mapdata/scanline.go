package mapdata

import (
	"sort"

	"github.com/paulmach/orb"
)

// crossings are the longitudes where the line of latitude lat crosses the
// polygons' edges, sorted: a point lies inside when an odd number of them
// lie west of it (even-odd over every ring, so holes stay out).
func crossings(mp orb.MultiPolygon, lat float64) []float64 {
	var xs []float64
	for _, poly := range mp {
		for _, ring := range poly {
			for i := 0; i+1 < len(ring); i++ {
				a, b := ring[i], ring[i+1]
				if (a[1] <= lat) == (b[1] <= lat) {
					continue
				}
				xs = append(xs, a[0]+(lat-a[1])*(b[0]-a[0])/(b[1]-a[1]))
			}
		}
	}
	sort.Float64s(xs)
	return xs
}
