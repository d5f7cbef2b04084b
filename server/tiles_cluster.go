package server

import (
	"github.com/incidentmap/incidentmap/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"
)

// cluster accumulates the incidents of one grid cell.
type cluster struct {
	lonSum, latSum float64
	count          int
	byType         map[string]int
}

// clusterFeatures groups incidents into a cells x cells grid over the tile:
// one point per non-empty cell at its members' mean position, with the
// member count and the most frequent event type.
func clusterFeatures(incidents []geo.Incident, tile maptile.Tile, cells int) []*geojson.Feature {
	grid := map[int]*cluster{}
	var order []int // first-seen order keeps the output deterministic
	for _, in := range incidents {
		frac := maptile.Fraction(orb.Point{in.Lon, in.Lat}, tile.Z)
		cx := clampCell(int((frac[0]-float64(tile.X))*float64(cells)), cells)
		cy := clampCell(int((frac[1]-float64(tile.Y))*float64(cells)), cells)
		key := cy*cells + cx
		cl := grid[key]
		if cl == nil {
			cl = &cluster{byType: map[string]int{}}
			grid[key] = cl
			order = append(order, key)
		}
		cl.lonSum += in.Lon
		cl.latSum += in.Lat
		cl.count++
		cl.byType[in.EventType]++
	}
	features := make([]*geojson.Feature, 0, len(order))
	for _, key := range order {
		cl := grid[key]
		n := float64(cl.count)
		f := geojson.NewFeature(orb.Point{cl.lonSum / n, cl.latSum / n})
		f.ID = uint64(key + 1)
		f.Properties["count"] = cl.count
		f.Properties["event_type"] = dominantType(cl.byType)
		features = append(features, f)
	}
	return features
}

func clampCell(i, cells int) int { return max(0, min(i, cells-1)) }

// dominantType is the most frequent event type, ties broken by name so
// tiles are stable.
func dominantType(byType map[string]int) string {
	best, bestN := "", -1
	for t, n := range byType {
		if n > bestN || (n == bestN && t < best) {
			best, bestN = t, n
		}
	}
	return best
}

// pointFeatures draws each incident as its own point.
func pointFeatures(incidents []geo.Incident) []*geojson.Feature {
	features := make([]*geojson.Feature, 0, len(incidents))
	for _, in := range incidents {
		f := geojson.NewFeature(orb.Point{in.Lon, in.Lat})
		f.ID = uint64(max(in.ID, 0))
		f.Properties["id"] = in.ID
		f.Properties["event_type"] = in.EventType
		f.Properties["sub_event_type"] = in.SubEventType
		f.Properties["event_date"] = in.EventDate
		features = append(features, f)
	}
	return features
}
