package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// buildCountries makes one entry per ISO 3166-1 country, with names from
// i18n-iso-countries (English, Russian and Ukrainian as alternates), a
// point on its Natural Earth polygons (countryPoint), and the sum
// of its places' populations as its prior. It also returns the basemap: a
// GeoJSON FeatureCollection of the country polygons, and the polygons by
// ISO code.
func buildCountries(npm string, places []row) ([]row, []byte, map[string][]polygon, error) {
	var codes [][4]string
	if err := readJSON(filepath.Join(npm, "i18n-iso-countries", "codes.json"), &codes); err != nil {
		return nil, nil, nil, err
	}
	english := map[string][]string{}
	if err := addLangNames(filepath.Join(npm, "i18n-iso-countries", "langs", "en.json"), english); err != nil {
		return nil, nil, nil, err
	}
	names := map[string][]string{}
	for _, lang := range []string{"en", "ru", "uk"} {
		if err := addLangNames(filepath.Join(npm, "i18n-iso-countries", "langs", lang+".json"), names); err != nil {
			return nil, nil, nil, err
		}
	}
	var topo topology
	if err := readJSON(filepath.Join(npm, "world-atlas", "countries-50m.json"), &topo); err != nil {
		return nil, nil, nil, err
	}
	arcs := topo.decodeArcs()
	shapes := map[string][]polygon{}
	var features []feature
	byNumeric := map[string]string{}
	for _, c := range codes {
		byNumeric[c[2]] = c[0]
	}
	for _, g := range topo.Objects["countries"].Geometries {
		polys, err := g.polygons(arcs)
		if err != nil {
			return nil, nil, nil, err
		}
		iso := byNumeric[g.ID]
		if iso == "" {
			iso = isoOfUnnumbered[g.Properties["name"]]
		}
		shapes[iso] = append(shapes[iso], polys...)
		features = append(features, newFeature(iso, g.Properties["name"], polys))
	}
	pops := map[string]int64{}
	towns := map[string]*centroid{}
	for _, p := range places {
		pops[p.Country] += p.Population
		if strings.HasPrefix(p.Code, "PPL") {
			add(towns, p.Country, p)
		}
	}
	var out []row
	for _, c := range codes {
		iso, n := c[0], names[c[0]]
		lat, lon, ok := countryPoint(shapes[iso])
		if t := towns[iso]; !ok && t != nil {
			// No polygon at this scale (Réunion, Gibraltar, Tuvalu): the
			// centre of its towns, as for a region.
			lat, lon = t.point()
			ok = true
		}
		if !ok || len(n) == 0 {
			continue
		}
		num, _ := strconv.ParseInt(c[2], 10, 64)
		name := commonName(iso, english[iso], english)
		alt := append(append(n, c[1]), newsNames[iso]...)
		if short := newsNames[iso]; len(short) > 0 && len(short[0]) < len(name) {
			name = short[0]
		}
		out = append(out, row{ID: idCountry + num, Name: name, ASCII: asciiOf(name), Alt: dedupe(alt),
			Code: "PCLI", Country: iso, Population: pops[iso], Lat: round5(lat), Lon: round5(lon)})
	}
	sort.Slice(features, func(i, j int) bool { return features[i].Properties.Name < features[j].Properties.Name })
	basemap, err := json.Marshal(featureCollection{Type: "FeatureCollection", Features: features})
	return out, basemap, shapes, err
}

func addLangNames(path string, names map[string][]string) error {
	var doc struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(path, &doc); err != nil {
		return err
	}
	keys := make([]string, 0, len(doc.Countries))
	for k := range doc.Countries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, iso := range keys {
		var one string
		if json.Unmarshal(doc.Countries[iso], &one) == nil {
			names[iso] = append(names[iso], one)
			continue
		}
		var many []string
		if err := json.Unmarshal(doc.Countries[iso], &many); err != nil {
			return err
		}
		names[iso] = append(names[iso], many...)
	}
	return nil
}

// countryPoint is where a country's entry lies: the area centroid of the
// outer ring of its largest polygon, so the point lies on its mainland
// rather than between its islands; but an archipelago, whose largest
// island holds less than half its land (the Philippines, Indonesia), lies
// at the centre of the box that holds its islands near that one, where
// GeoNames puts a country and this builder puts a region (buildAdmins).
func countryPoint(polys []polygon) (lat, lon float64, ok bool) {
	type part struct {
		area, lat, lon float64
		outer          ring
	}
	var parts []part
	total, largest := 0.0, -1
	for _, p := range polys {
		if len(p) == 0 || len(p[0]) < 3 {
			continue
		}
		a, cx, cy := ringCentroid(p[0])
		parts = append(parts, part{math.Abs(a), cy, cx, p[0]})
		total += math.Abs(a)
		if largest < 0 || math.Abs(a) > parts[largest].area {
			largest = len(parts) - 1
		}
	}
	if largest < 0 {
		return 0, 0, false
	}
	main := parts[largest]
	if main.area >= total/2 {
		return main.lat, main.lon, true
	}
	// Longitudes are taken relative to the largest island, the nearer way
	// round, so an archipelago across the antimeridian stays in one piece.
	rel := func(lon float64) float64 { return wrapLon(lon - main.lon) }
	minLat, maxLat, minLon, maxLon := main.lat, main.lat, 0.0, 0.0
	for _, p := range parts {
		if math.Hypot(p.lat-main.lat, rel(p.lon)*math.Cos(main.lat*math.Pi/180)) > archipelagoSpanDeg {
			continue // a distant territory is not part of the archipelago
		}
		for _, pt := range p.outer {
			x := rel(pt[0])
			minLat, maxLat = math.Min(minLat, pt[1]), math.Max(maxLat, pt[1])
			minLon, maxLon = math.Min(minLon, x), math.Max(maxLon, x)
		}
	}
	return (minLat + maxLat) / 2, wrapLon(main.lon + (minLon+maxLon)/2), true
}

// archipelagoSpanDeg is how far (degrees, about 2,000 km) an island may lie
// from the largest one and still count in the archipelago's centre.
const archipelagoSpanDeg = 18.0

func ringCentroid(r ring) (area, cx, cy float64) {
	r = unwrap(r)
	defer func() { cx = wrapLon(cx) }()
	for i := 0; i < len(r)-1; i++ {
		x0, y0, x1, y1 := r[i][0], r[i][1], r[i+1][0], r[i+1][1]
		f := x0*y1 - x1*y0
		area += f
		cx += (x0 + x1) * f
		cy += (y0 + y1) * f
	}
	if area == 0 {
		return 0, r[0][0], r[0][1]
	}
	return area / 2, cx / (3 * area), cy / (3 * area)
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// unwrap shifts longitudes by whole turns so that no step between
// neighbouring points exceeds 180°, making rings that cross the
// antimeridian (Russia's, Fiji's) continuous.
func unwrap(r ring) ring {
	out := make(ring, len(r))
	shift := 0.0
	for i, p := range r {
		if i > 0 {
			prev := r[i-1][0] + shift
			for p[0]+shift-prev > 180 {
				shift -= 360
			}
			for p[0]+shift-prev < -180 {
				shift += 360
			}
		}
		out[i] = [2]float64{p[0] + shift, p[1]}
	}
	return out
}

func wrapLon(x float64) float64 {
	for x > 180 {
		x -= 360
	}
	for x < -180 {
		x += 360
	}
	return x
}

// commonName picks the name news uses: the shortest English name that is
// not a code ("Russia" over "Russian Federation", "Iran" over "Islamic
// Republic of Iran"), unless another country shares it ("Congo"), when the
// full name stays.
func commonName(iso string, names []string, english map[string][]string) string {
	best := names[0]
	for _, n := range names[1:] {
		if len(n) >= 4 && !isCode(n) && !strings.Contains(n, ".") && len(n) < len(best) {
			best = n
		}
	}
	for other, list := range english {
		if other == iso {
			continue
		}
		for _, n := range list {
			if n == best {
				return names[0]
			}
		}
	}
	return best
}

// isoOfUnnumbered gives an ISO code to the Natural Earth shapes that carry
// no ISO number: Kosovo its own user-assigned code, and the areas ISO 3166
// counts in another country to that country.
var isoOfUnnumbered = map[string]string{"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}

// newsNames are the short names news reports use where the ISO lists give
// only the formal one; the first is also the display name.
var newsNames = map[string][]string{
	"SY": {"Syria"}, "LA": {"Laos"}, "MD": {"Moldova"}, "GB": {"UK", "United Kingdom", "Britain", "U.K."},
	"CD": {"DR Congo", "DRC", "Congo-Kinshasa", "D.R. Congo"}, "CG": {"Congo-Brazzaville"},
	"MM": {"Burma"}, "VA": {"Vatican"}, "CI": {"Côte d'Ivoire", "Cote d'Ivoire"},
	"PS": {"Palestinian territories"}, "MK": {"Macedonia"}, "CZ": {"Czech Republic"},
	"TR": {"Türkiye", "Turkiye"}, "SZ": {"Swaziland"}, "TL": {"East Timor"}, "BN": {"Brunei"},
	"FM": {"Micronesia"}, "VN": {"Viet Nam"}, "KR": {"Korea"}, "FK": {"Falklands", "Falkland Islands"},
	"AE": {"UAE", "Emirates"}, "US": {"U.S.", "USA", "US", "America"},
}
