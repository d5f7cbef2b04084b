package incident

import "github.com/incidentmap/incidentmap/geo"

// event is one event reported by a sentence: a sub-event type, the clauses
// whose cue reported it, the clauses it owns, and the places it happened.
type event struct {
	sub     string
	cueTok  int
	own     []int // clauses whose best cue is this event
	clauses []int // own clauses and the cue-less clauses assigned to it
	places  []placeRef
}

// sentenceEvents finds the events of a sentence: the best cue of each
// clause, one event per sub-event type, and every cue-less clause assigned
// to the nearest event before it (or after it, for leading clauses).
func sentenceEvents(cueOf []cueHit, hasCue []bool) []*event {
	var events []*event
	owner := make([]int, len(cueOf))
	for c := range cueOf {
		owner[c] = -1
		if !hasCue[c] {
			continue
		}
		k := -1
		for e, ev := range events {
			if ev.sub == cueOf[c].sub {
				k = e
			}
		}
		if k < 0 {
			events = append(events, &event{sub: cueOf[c].sub, cueTok: cueOf[c].tok})
			k = len(events) - 1
		}
		events[k].own = append(events[k].own, c)
		owner[c] = k
	}
	if len(events) == 0 {
		return nil
	}
	for c := range owner {
		if owner[c] >= 0 {
			continue
		}
		owner[c] = nearestOwner(owner, c)
	}
	for c, e := range owner {
		events[e].clauses = append(events[e].clauses, c)
	}
	return events
}

func nearestOwner(owner []int, c int) int {
	for k := c - 1; k >= 0; k-- {
		if owner[k] >= 0 {
			return owner[k] // an owned or already assigned clause: the nearest event before
		}
	}
	for k := c + 1; k < len(owner); k++ {
		if owner[k] >= 0 {
			return owner[k]
		}
	}
	return 0
}

// placeEvents gives each event the eligible places of its own clauses, or
// else of its assigned clauses. An event left without a place while another
// event of the sentence has one is folded into that event (its clauses
// join it: "shelled Kherson, killing two civilians").
func placeEvents(events []*event, refs []placeRef) []*event {
	for _, ev := range events {
		ev.places = eligibleIn(refs, ev.own)
		if len(ev.places) == 0 {
			ev.places = eligibleIn(refs, ev.clauses)
		}
		ev.places = mostSpecific(ev.places)
	}
	var kept []*event
	for _, ev := range events {
		if len(ev.places) > 0 {
			kept = append(kept, ev)
		}
	}
	if len(kept) == 0 || len(kept) == len(events) {
		return events
	}
	for _, ev := range events {
		if len(ev.places) == 0 {
			kept[0].clauses = append(kept[0].clauses, ev.clauses...)
		}
	}
	return kept
}

func eligibleIn(refs []placeRef, clauses []int) []placeRef {
	var out []placeRef
	for _, r := range refs {
		if !r.eligible {
			continue
		}
		for _, c := range clauses {
			if r.clause == c {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// subCountry reports whether any mention is below country level.
func subCountry(refs []placeRef) bool {
	for _, r := range refs {
		if geo.LevelOf(r.m.FeatureCode) > geo.LevelCountry {
			return true
		}
	}
	return false
}
