package server

// OGC API - Features vocabulary: query parameter names, link relations,
// media types and conformance classes. Links, the conformance document and
// the OpenAPI description are all built from these.
const (
	paramBBox         = "bbox"
	paramDatetime     = "datetime"
	paramLimit        = "limit"
	paramCursor       = "cursor"
	paramOffset       = "offset"
	paramFormat       = "f"
	paramEventType    = "event_type"
	paramSubEventType = "sub_event_type"
	paramCountry      = "country"
	paramAdmin1       = "admin1"
	paramQ            = "q"

	formatJSON    = "json"
	formatGeoJSON = "geojson"
	formatHTML    = "html"

	relSelf        = "self"
	relAlternate   = "alternate"
	relServiceDesc = "service-desc"
	relConformance = "conformance"
	relData        = "data"
	relItems       = "items"
	relNext        = "next"
	relPrev        = "prev"
	relCollection  = "collection"

	mediaJSON    = "application/json"
	mediaGeoJSON = "application/geo+json"
	mediaHTML    = "text/html"
	mediaOpenAPI = "application/vnd.oai.openapi+json;version=3.0"
	mediaMVT     = "application/vnd.mapbox-vector-tile"
	mediaText    = "text/plain"

	confCore    = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
	confGeoJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"
	confOAS30   = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"

	crsCRS84     = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
	trsGregorian = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"

	// Item limits as the standard describes them: a default page size and a
	// maximum to which larger requests are clamped.
	limitDefault = 100
	limitMax     = 10000
)

// Collection ids.
const (
	collIncidents = "incidents"
	collPlaces    = "places"
	collRegions   = "regions"
)

// link is an OGC/Web link. Every link the server writes carries all four
// members.
type link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type"`
	Title string `json:"title"`
}
