package incident

import "github.com/incidentmap/incidentmap/geo"

// absorbs lists, for a sentence reporting two events, the one that is the
// whole story: a handover absorbs the withdrawal before it ("troops
// withdrew and the SDF took over without fighting"), an abduction the
// seizure it was part of, a chemical or air strike the grenades it
// dropped.
var absorbs = []struct{ winner, loser string }{
	{geo.SubNonViolentTransfer, geo.SubChangeToGroup},
	{geo.SubAbduction, geo.SubNonStateOvertakes},
	{geo.SubChemicalWeapon, geo.SubGrenade},
	{geo.SubAirDroneStrike, geo.SubGrenade},
}

// strikeSubs are the attacks that did not land when every weapon was
// stopped ("fired 31 missiles at Kyiv, and all of them were shot down").
var strikeSubs = setOf(geo.SubShelling, geo.SubAirDroneStrike)

// absorb merges the events of one sentence that report one event.
func absorb(events []*event, toks []token) []*event {
	has := map[string]*event{}
	for _, ev := range events {
		has[ev.sub] = ev
	}
	drop := map[*event]bool{}
	for _, a := range absorbs {
		w, l := has[a.winner], has[a.loser]
		if w != nil && l != nil {
			merge(w, l)
			drop[l] = true
		}
	}
	if dw := has[geo.SubDisruptedWeapons]; dw != nil && allStopped(toks, dw) {
		for _, ev := range events {
			if strikeSubs[ev.sub] {
				merge(dw, ev)
				drop[ev] = true
			}
		}
	}
	if len(drop) == 0 {
		return events
	}
	var out []*event
	for _, ev := range events {
		if !drop[ev] {
			out = append(out, ev)
		}
	}
	return out
}

func merge(dst, src *event) {
	dst.clauses = append(dst.clauses, src.clauses...)
	dst.own = append(dst.own, src.own...)
	if len(dst.places) == 0 {
		dst.places = src.places
	}
}

// allStopped reports whether the disrupted-weapons cue says every weapon
// was stopped: "all" within the four tokens before it.
func allStopped(toks []token, dw *event) bool {
	for j := dw.cueTok - 1; j >= 0 && j >= dw.cueTok-5; j-- {
		if toks[j].low == "all" || toks[j].low == "every" {
			return true
		}
	}
	return false
}
