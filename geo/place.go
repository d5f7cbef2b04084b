package geo

// Place is one gazetteer entry: a populated place, an administrative
// division, a country or a continent. Bundled entries carry their GeoNames
// id; user entries have ID above UserIDBase.
type Place struct {
	ID             int64    `json:"id"`
	GeonameID      int64    `json:"geonameid"`
	Name           string   `json:"name"`
	ASCIIName      string   `json:"asciiname,omitempty"`
	AlternateNames []string `json:"alternate_names,omitempty"`
	FeatureClass   string   `json:"feature_class,omitempty"`
	FeatureCode    string   `json:"feature_code"`
	Country        string   `json:"country"`
	CountryName    string   `json:"country_name,omitempty"`
	Admin1         string   `json:"admin1"`
	Admin1Name     string   `json:"admin1_name"`
	Admin2         string   `json:"admin2,omitempty"`
	Admin2Name     string   `json:"admin2_name,omitempty"`
	Lat            float64  `json:"lat"`
	Lon            float64  `json:"lon"`
	Population     int64    `json:"population"`
	Source         string   `json:"source,omitempty"`
}

// UserIDBase is the first id given to user-added gazetteer entries, far above
// any GeoNames id so the two never collide.
const UserIDBase = 1_000_000_000

// Level says what kind of place an entry is, from the widest to the
// narrowest. Designator words in text ("region", "district", "village")
// name a level.
type Level int

const (
	LevelUnknown Level = iota
	LevelContinent
	LevelCountry
	LevelAdmin1
	LevelAdmin2
	LevelPlace
)

func (l Level) String() string {
	switch l {
	case LevelContinent:
		return "continent"
	case LevelCountry:
		return "country"
	case LevelAdmin1:
		return "admin1"
	case LevelAdmin2:
		return "admin2"
	case LevelPlace:
		return "place"
	}
	return "unknown"
}

// LevelOf maps a GeoNames feature code to its level.
func LevelOf(featureCode string) Level {
	switch featureCode {
	case "CONT":
		return LevelContinent
	case "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR":
		return LevelCountry
	case "ADM1", "ADM1H", "RGN":
		return LevelAdmin1
	case "ADM2", "ADM2H":
		return LevelAdmin2
	}
	return LevelPlace
}

// IsWater reports whether a feature code is a body of water: a sea, gulf,
// bay, strait, channel or ocean (GeoNames' hydrographic codes).
func IsWater(featureCode string) bool {
	switch featureCode {
	case "SEA", "GULF", "BAY", "STRT", "CHN", "OCN", "SD", "LGN", "LK":
		return true
	}
	return false
}

// Level is the entry's level, from its feature code.
func (p *Place) Level() Level { return LevelOf(p.FeatureCode) }

// Admin1Key is COUNTRY.ADMIN1 as in GeoNames' admin1 code table ("UA.05").
func (p *Place) Admin1Key() string {
	if p.Admin1 == "" {
		return ""
	}
	return p.Country + "." + p.Admin1
}
