package incident

import "github.com/incidentmap/incidentmap/geo"

// casualtyFollowUp lets a sentence without an event that states casualties
// ("There were no reports of casualties.") complete the incidents of the
// sentence one or two before it: zero applies to all of them, a number only to a
// single incident, and only where the figure is still unknown. It may also
// say that police intervened in a protest just reported.
func (b *builder) casualtyFollowUp(i int) {
	s := b.sents[i]
	if b.prevEvent < i-2 || b.prevEvent < 0 || len(b.prevOut) == 0 ||
		s.span.Paragraph-b.sents[b.prevEvent].span.Paragraph > 1 {
		return
	}
	prev := make([]geo.Incident, 0, len(b.prevOut))
	for _, k := range b.prevOut {
		prev = append(prev, b.out[k])
	}
	if turnsElsewhere(s, prev) {
		return
	}
	fig := readFigures(s.toks, [][2]int{{0, len(s.toks)}}, b.lastUnit)
	for _, k := range b.prevOut {
		inc := &b.out[k]
		if inc.SubEventType == geo.SubPeacefulProtest {
			// "Police fired tear gas to disperse them."
			inc.SubEventType = refineProtest(inc.SubEventType, s.toks, fig.fatalities)
		}
		if inc.Fatalities == nil && fig.fatalities != nil && (*fig.fatalities == 0 || len(b.prevOut) == 1) {
			inc.Fatalities = fig.fatalities
		}
		if inc.Injured == nil && fig.injured != nil && (*fig.injured == 0 || len(b.prevOut) == 1) {
			inc.Injured = fig.injured
		}
	}
	if fig.fatalities != nil || fig.injured != nil {
		b.prevEvent = i // the follow-up continues the same event
	}
}

// lastUnitIn returns the last counted noun of a sentence, or last.
func lastUnitIn(toks []token, last string) string {
	for i := 0; i < len(toks); i++ {
		q, ok := readQuantity(toks, i)
		if !ok || !countable(toks, q, 0, len(toks)) {
			continue
		}
		if unit, inherited, _ := countUnit(toks, q, len(toks), last); unit != "" && !inherited {
			last = unit
		}
		i = q.end - 1
	}
	return last
}
