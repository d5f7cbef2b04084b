package incident

import "github.com/incidentmap/incidentmap/geo"

// protestRank orders the protest sub-events from the mildest.
var protestRank = map[string]int{geo.SubPeacefulProtest: 1, geo.SubProtestIntervention: 2, geo.SubExcessiveForce: 3}

// mergeProtests makes one incident of a protest told in several sentences
// of an article: at one place and date, later protest incidents and
// arrests fold into the first protest, which takes the strongest
// sub-event (an arrest at a protest is an intervention). ACLED codes one
// event per protest, not one per sentence about it.
func mergeProtests(in []geo.Incident) []geo.Incident {
	out := in[:0]
	for _, inc := range in {
		k := -1
		if protestRank[inc.SubEventType] > 0 || inc.SubEventType == geo.SubArrests {
			k = findProtest(out, inc)
		}
		if k < 0 {
			out = append(out, inc)
			continue
		}
		p := &out[k]
		sub := inc.SubEventType
		if sub == geo.SubArrests {
			sub = geo.SubProtestIntervention
		}
		if protestRank[sub] > protestRank[p.SubEventType] {
			p.SubEventType = sub
		}
		if p.Count == nil && inc.Count != nil {
			p.Count, p.CountUnit = inc.Count, inc.CountUnit
		}
		p.Fatalities = larger(p.Fatalities, inc.Fatalities)
		p.Injured = larger(p.Injured, inc.Injured)
		lendActors(p, inc)
	}
	return out
}

func findProtest(list []geo.Incident, inc geo.Incident) int {
	for k, o := range list {
		if protestRank[o.SubEventType] > 0 && o.EventDate == inc.EventDate && sameLocation(o, inc) {
			return k
		}
	}
	return -1
}
