package contract

import "github.com/incidentmap/incidentmap/geo"

// IngestOptions controls how a store keeps an article's incidents.
type IngestOptions struct {
	// Merge folds an incident into a stored one at the same place, on the
	// same day and with the same sub-event type, so one event reported by
	// several articles is one incident with several sources.
	Merge bool
	// Counts leaves the result's Incidents empty, for a caller that only
	// counts what was stored: reading back an incident merged from many
	// reports, with every source, costs more than storing it.
	Counts bool
}

// IngestItem is one article with the places and incidents found in it.
type IngestItem struct {
	Article   geo.Article
	Mentions  []geo.Mention
	Incidents []geo.Incident
	// Unresolved are the names the geoparser took for places but could
	// not find; they are kept so a user can add them to the gazetteer.
	Unresolved []geo.Unresolved
}

// UnresolvedFilter pages the list of unresolved names.
type UnresolvedFilter struct {
	Limit  int // 0 for all
	Offset int
}

// DayCount is the number of incidents on one event date, for a timeline.
type DayCount struct {
	Date  string `json:"date"` // YYYY-MM-DD
	Count int    `json:"count"`
}
