package contract

import "github.com/incidentmap/incidentmap/geo"

// Merged is what merging changes of a stored incident.
type Merged struct {
	Count, Fatalities, Injured *int
	CountUnit, ClaimedBy       string
	Actor1, Actor2             string
	SearchText                 string
}

// Merge folds inc, whose search text is search, into the stored fields:
// the largest numbers win (a larger count brings its unit, larger
// fatalities their claimant), empty actors and units are filled, and the
// search text learns the new quote and title.
func Merge(stored Merged, inc geo.Incident, search string) Merged {
	out := stored
	if inc.Count != nil && (stored.Count == nil || *inc.Count > *stored.Count) {
		out.Count = inc.Count
		if inc.CountUnit != "" {
			out.CountUnit = inc.CountUnit
		}
	}
	out.CountUnit = firstNonEmpty(out.CountUnit, inc.CountUnit)
	if inc.Fatalities != nil && (stored.Fatalities == nil || *inc.Fatalities > *stored.Fatalities) {
		out.Fatalities, out.ClaimedBy = inc.Fatalities, inc.FatalitiesClaimedBy
	}
	if inc.Injured != nil && (stored.Injured == nil || *inc.Injured > *stored.Injured) {
		out.Injured = inc.Injured
	}
	out.Actor1 = firstNonEmpty(stored.Actor1, inc.Actor1)
	out.Actor2 = firstNonEmpty(stored.Actor2, inc.Actor2)
	out.SearchText = AppendSearch(stored.SearchText, search)
	return out
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
