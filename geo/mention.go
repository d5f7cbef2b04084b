package geo

// Mention is one place named in a text and the gazetteer entry it was
// resolved to. Start and End are byte offsets into the UTF-8 text; Text is
// exactly text[Start:End].
type Mention struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Name        string  `json:"name"`
	PlaceID     int64   `json:"id,omitempty"`
	GeonameID   int64   `json:"geonameid"`
	FeatureCode string  `json:"feature_code"`
	Country     string  `json:"country"`
	Admin1      string  `json:"admin1"`
	Admin1Name  string  `json:"admin1_name"`
	Admin2      string  `json:"admin2,omitempty"`
	Admin2Name  string  `json:"admin2_name,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Precision   int     `json:"precision"`
	Confidence  float64 `json:"confidence"`
	Kind        string  `json:"kind,omitempty"` // "" or KindDemonym
	// WrittenName is the place's name as the text spells it, when that is
	// another of the entry's names in Latin script ("Rostov-on-Don" for
	// GeoNames' "Rostov-na-Donu", "Hodeidah" for "Al Ḩudaydah"): the name
	// the English-language press uses, shown for incidents.
	WrittenName string `json:"written_name,omitempty"`
	// Weighed lists the candidates the resolver weighed, best first, when
	// an explanation was asked for.
	Weighed []Weighed `json:"weighed,omitempty"`
}

// Weighed is one candidate the resolver weighed for a mention: the entry,
// its score, and the evidence that made the score (each feature's
// weighted contribution; features that were absent are left out).
type Weighed struct {
	Name        string             `json:"name"`
	GeonameID   int64              `json:"geonameid"`
	FeatureCode string             `json:"feature_code"`
	Country     string             `json:"country"`
	Admin1      string             `json:"admin1"`
	Population  int64              `json:"population"`
	Score       float64            `json:"score"`
	Chosen      bool               `json:"chosen,omitempty"`
	Evidence    map[string]float64 `json:"evidence"`
}

// Geo-precision codes as ACLED uses them.
const (
	PrecisionExact  = 1 // the named settlement
	PrecisionNear   = 2 // near a settlement, or part of a region
	PrecisionRegion = 3 // only a larger region is known
)

// MentionOf builds a mention of place p for the span text[start:end].
func MentionOf(text string, start, end int, p *Place, precision int, confidence float64) Mention {
	return Mention{
		Text: text[start:end], Start: start, End: end,
		Name: p.Name, PlaceID: p.ID, GeonameID: p.GeonameID, FeatureCode: p.FeatureCode,
		Country: p.Country, Admin1: p.Admin1, Admin1Name: p.Admin1Name, Admin2: p.Admin2, Admin2Name: p.Admin2Name,
		Lat: p.Lat, Lon: p.Lon, Precision: precision, Confidence: confidence,
	}
}

// Kinds of mention: a place named as such (the default, empty) or a
// country named through its people or adjective ("Palestinian").
const KindDemonym = "demonym"

// Geoparse is what the geoparser makes of one text: the places it
// resolved, and the names it took for places but could not find, each
// with the best larger place known (so a user can add the name).
type Geoparse struct {
	Places     []Mention    `json:"places"`
	Unresolved []Unresolved `json:"unresolved"`
}

// Unresolved is a name the text marks as a place ("the village of X")
// that the gazetteer does not hold.
type Unresolved struct {
	Text   string     `json:"text"`
	Start  int        `json:"start"`
	End    int        `json:"end"`
	Region *RegionRef `json:"region"`
}

// RegionRef names the larger place an unresolved name lies in.
type RegionRef struct {
	Name        string  `json:"name"`
	GeonameID   int64   `json:"geonameid"`
	FeatureCode string  `json:"feature_code"`
	Country     string  `json:"country"`
	Admin1      string  `json:"admin1"`
	Admin1Name  string  `json:"admin1_name"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
}
