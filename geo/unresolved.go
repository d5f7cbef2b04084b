package geo

// UnresolvedName is a name the pipeline could not place, gathered over the
// stored articles: the name as written, the region it fell back to (nil
// when none was known), how often it was seen and in which articles.
type UnresolvedName struct {
	Name     string     `json:"name"`
	Key      string     `json:"key"`
	Region   *RegionRef `json:"region"`
	Count    int        `json:"count"`
	Articles []int64    `json:"articles"`
}

// Reresolved reports what resolving stored articles again changed: how
// many articles were run again and how many incidents they now hold.
type Reresolved struct {
	Articles  int `json:"articles"`
	Incidents int `json:"incidents"`
}
