package gazetteer

import (
	"math"

	"github.com/incidentmap/incidentmap/geo"
)

// Prior is how likely an entry is meant when its name appears with no
// other clue: a weight for its kind plus log10 of its population.
// Countries and continents come first (a bare "Georgia" is the country);
// national capitals, then admin seats, then other towns; a bare name
// prefers a regional capital to the region named after it (news says
// "Kherson" for the city and "the Kherson region" for the oblast), and
// districts come last since text names them with a designator. Sections
// of towns and historical places rank below living settlements.
func Prior(p *geo.Place) float64 {
	return kindWeight(p.FeatureCode) + math.Log10(float64(p.Population)+1)
}

func kindWeight(code string) float64 {
	switch code {
	case "CONT":
		return 10
	case "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR":
		return 10
	case "ADM1", "ADM1H", "RGN":
		return 0
	case "ADM2", "ADM2H":
		return -1
	case "PPLC":
		return 3
	case "PPLA":
		return 2
	case "PPLA2":
		return 1
	case "PPLA3", "PPLA4", "PPLA5":
		return 0.5
	case "PPLX", "PPLL":
		return -2
	case "PPLH", "PPLQ", "PPLW":
		return -3
	}
	if geo.IsWater(code) {
		return 7 // a sea named in the news is the sea, not a hamlet named after it
	}
	return 0
}
