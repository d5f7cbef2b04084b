package mapdata

import "math"

// Where says which country and admin1 region hold a point, judged by the
// nearest settlement of the gazetteer.
type Where struct {
	Country    string  `json:"country"`
	Admin1     string  `json:"admin1"`
	Admin1Name string  `json:"admin1_name"`
	Nearest    string  `json:"nearest"`
	DistanceKm float64 `json:"distance_km"`
}

// maxReverseKm is how far the nearest settlement may be for a point to be
// placed at all (open sea, deserts and ice are not).
const maxReverseKm = 150

// Reverse finds the nearest settlement to the point and answers with its
// country and admin1 region; ok is false when none is within 150 km.
func (m *Map) Reverse(lat, lon float64) (Where, bool) {
	p, d, ok := m.near.nearest(lat, lon, maxReverseKm)
	if !ok {
		return Where{}, false
	}
	return Where{
		Country: p.Country, Admin1: p.Admin1, Admin1Name: m.Admin1Name(p.Country, p.Admin1),
		Nearest: p.Name, DistanceKm: math.Round(d*10) / 10,
	}, true
}

// pointGrid buckets places by whole degree for nearest-neighbour search.
type pointGrid struct {
	cells map[[2]int][]int
	items []Place
}

func newPointGrid(items []Place) *pointGrid {
	g := &pointGrid{cells: map[[2]int][]int{}, items: items}
	for i, p := range items {
		k := cellOf(p.Lat, p.Lon)
		g.cells[k] = append(g.cells[k], i)
	}
	return g
}

func cellOf(lat, lon float64) [2]int {
	return [2]int{int(math.Floor(lat)), int(math.Floor(lon))}
}

// nearest searches rings of cells outward until a ring cannot hold
// anything nearer than the best found or the limit is passed.
func (g *pointGrid) nearest(lat, lon, limitKm float64) (Place, float64, bool) {
	c := cellOf(lat, lon)
	best, bestD := -1, math.Inf(1)
	kx := math.Cos(lat * math.Pi / 180) // equirectangular: close enough within a few degrees
	// A degree of latitude is 111 km; rings further than the limit are
	// skipped. Longitude cells shrink towards the poles, so the search
	// widens there.
	maxRing := int(limitKm/111) + 2
	for r := 0; r <= maxRing; r++ {
		for dy := -r; dy <= r; dy++ {
			for dx := -r; dx <= r; dx++ {
				if max(abs(dx), abs(dy)) != r {
					continue
				}
				for _, i := range g.cells[[2]int{c[0] + dy, c[1] + dx}] {
					p := g.items[i]
					dx, dy := (p.Lon-lon)*kx, p.Lat-lat
					if d := 111.2 * math.Sqrt(dx*dx+dy*dy); d < bestD {
						best, bestD = i, d
					}
				}
			}
		}
		if best >= 0 && bestD < float64(r)*111*math.Cos(lat*math.Pi/180) {
			break
		}
	}
	if best < 0 || bestD > limitKm {
		return Place{}, 0, false
	}
	p := g.items[best]
	return p, haversineKm(lat, lon, p.Lat, p.Lon), true
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(min(1, a)))
}
