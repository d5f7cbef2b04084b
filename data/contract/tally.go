package contract

import (
	"cmp"
	"slices"

	"github.com/incidentmap/incidentmap/geo"
)

// RegionTally gathers the rows of a regions query, one per region and
// event type, into the stores' Regions answer.
type RegionTally map[[2]string]*geo.RegionCount

// Add takes one row: n incidents of eventType in the region, its latest
// date and name, and the sums of their coordinates. Rows at sea (no
// country) are in no region and left out.
func (t RegionTally) Add(country, admin1, eventType string, n int, last, name string, sumLat, sumLon float64) {
	if country == "" {
		return
	}
	k := [2]string{country, admin1}
	rc := t[k]
	if rc == nil {
		rc = &geo.RegionCount{Country: country, Admin1: admin1, ByType: map[string]int{}}
		t[k] = rc
	}
	rc.Admin1Name = max(rc.Admin1Name, name)
	rc.LastSeen = max(rc.LastSeen, last)
	rc.Incidents += n
	rc.ByType[eventType] += n
	rc.Lat += sumLat // sums until divided in Regions
	rc.Lon += sumLon
}

// Regions are the regions, each at the mean of its incidents' points, most
// incidents first.
func (t RegionTally) Regions() []geo.RegionCount {
	out := make([]geo.RegionCount, 0, len(t))
	for _, rc := range t {
		rc.Lat /= float64(rc.Incidents)
		rc.Lon /= float64(rc.Incidents)
		out = append(out, *rc)
	}
	slices.SortFunc(out, func(a, b geo.RegionCount) int {
		return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), cmp.Compare(a.Country, b.Country), cmp.Compare(a.Admin1, b.Admin1))
	})
	return out
}

// PlaceTally gathers the rows of a places query, one per place key and
// event type, into the stores' Places answer.
type PlaceTally map[string]*geo.PlaceCount

// Add takes one row: n incidents of eventType at the place key, their
// latest date, and the place as the row gives it; the place of the latest
// row stands for the key.
func (t PlaceTally) Add(key, eventType string, n int, last string, p geo.Place) {
	pc := t[key]
	if pc == nil {
		pc = &geo.PlaceCount{ByType: map[string]int{}}
		t[key] = pc
	}
	if last > pc.LastSeen {
		p.ID = p.GeonameID
		pc.Place, pc.LastSeen, pc.Key = p, last, key
	}
	pc.Incidents += n
	pc.ByType[eventType] += n
}

// Places are the places, most incidents first, then the latest seen.
func (t PlaceTally) Places() []geo.PlaceCount {
	out := make([]geo.PlaceCount, 0, len(t))
	for _, pc := range t {
		out = append(out, *pc)
	}
	slices.SortFunc(out, func(a, b geo.PlaceCount) int {
		return cmp.Or(cmp.Compare(b.Incidents, a.Incidents), cmp.Compare(b.LastSeen, a.LastSeen),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.Lat, b.Lat), cmp.Compare(a.Lon, b.Lon))
	})
	return out
}
