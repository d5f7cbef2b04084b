package incident

import (
	"github.com/incidentmap/incidentmap/geo"
)

// dedupe merges the incidents of one article that report the same event.
//
// Same place, sub-event type and date: one incident keeping the first
// quote, the largest count (with its unit), the largest fatality and injury
// figures, the best time precision and the first actors stated.
//
// Same sub-event type and date, one place inside the other (a region and a
// district or village in it, a country and any place in it): the broader
// one is the same event told less precisely, so it is dropped, lending only
// actors and casualty figures the narrower one lacks. Counts are not lent,
// because a region's total is not the village's count.
func dedupe(in []geo.Incident) []geo.Incident {
	var out []geo.Incident
	for _, inc := range in {
		if k := findSame(out, inc); k >= 0 {
			mergeSame(&out[k], inc)
			continue
		}
		out = append(out, inc)
	}
	keep := make([]bool, len(out))
	for i := range out {
		keep[i] = true
	}
	for i := range out {
		for j := range out {
			if i != j && keep[i] && keep[j] && sameEvent(out[i], out[j]) && within(out[j], out[i]) {
				lend(&out[j], out[i])
				keep[i] = false
			}
		}
	}
	final := out[:0]
	for i, inc := range out {
		if keep[i] {
			final = append(final, inc)
		}
	}
	return final
}

func findSame(list []geo.Incident, inc geo.Incident) int {
	for k, o := range list {
		if sameEvent(o, inc) && sameLocation(o, inc) {
			return k
		}
	}
	return -1
}

func sameEvent(a, b geo.Incident) bool {
	return a.SubEventType == b.SubEventType && a.EventDate == b.EventDate
}

func sameLocation(a, b geo.Incident) bool {
	if a.GeonameID != 0 || b.GeonameID != 0 {
		return a.GeonameID == b.GeonameID
	}
	return a.Location == b.Location && a.Country == b.Country && a.Admin1 == b.Admin1 && a.FeatureCode == b.FeatureCode
}

// within reports whether narrow lies inside broad (and is narrower).
func within(narrow, broad geo.Incident) bool {
	nl, bl := geo.LevelOf(narrow.FeatureCode), geo.LevelOf(broad.FeatureCode)
	if nl <= bl || narrow.Country != broad.Country {
		return false
	}
	a := geo.Mention{Country: broad.Country, Admin1: broad.Admin1, Admin2: broad.Admin2}
	b := geo.Mention{Country: narrow.Country, Admin1: narrow.Admin1, Admin2: narrow.Admin2}
	return contains(a, bl, b)
}

func mergeSame(dst *geo.Incident, src geo.Incident) {
	if src.Count != nil && (dst.Count == nil || *src.Count > *dst.Count) {
		dst.Count, dst.CountUnit = src.Count, src.CountUnit
	}
	if larger(dst.Fatalities, src.Fatalities) != dst.Fatalities {
		dst.Fatalities, dst.FatalitiesClaimedBy = src.Fatalities, src.FatalitiesClaimedBy
	}
	dst.Injured = larger(dst.Injured, src.Injured)
	if src.TimePrecision < dst.TimePrecision {
		dst.TimePrecision = src.TimePrecision
	}
	if src.GeoPrecision < dst.GeoPrecision {
		dst.GeoPrecision = src.GeoPrecision
	}
	lendActors(dst, src)
}

func lend(dst *geo.Incident, src geo.Incident) {
	if dst.Fatalities == nil {
		dst.Fatalities, dst.FatalitiesClaimedBy = src.Fatalities, src.FatalitiesClaimedBy
	}
	if dst.Injured == nil {
		dst.Injured = src.Injured
	}
	lendActors(dst, src)
}

func lendActors(dst *geo.Incident, src geo.Incident) {
	if dst.Actor1 == "" {
		dst.Actor1, dst.Actor2 = src.Actor1, src.Actor2
	} else if dst.Actor2 == "" && src.Actor2 != dst.Actor1 {
		dst.Actor2 = src.Actor2
	}
}

func larger(a, b *int) *int {
	if b != nil && (a == nil || *b > *a) {
		return b
	}
	return a
}
