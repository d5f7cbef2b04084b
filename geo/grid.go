package geo

// GridCell is the count of incidents in one cell of a regular lon/lat grid,
// with their mean position and counts by event type: the numbers a map
// draws for a view too full to load incident by incident.
type GridCell struct {
	Lat    float64        `json:"lat"`
	Lon    float64        `json:"lon"`
	Count  int            `json:"count"`
	ByType map[string]int `json:"by_type"`
}
