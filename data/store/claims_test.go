package store

import (
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// TestFatalitiesClaimedBy stores a side's claim with its figure, reads it
// back, and lets a larger merged figure bring its own claimant.
func TestFatalitiesClaimedBy(t *testing.T) {
	s := MustOpen(t)
	textA := "Fighting near Odesa; the army claimed 40 attackers were killed."
	textB := "Fighting near Odesa; the rebels claimed 60 soldiers were killed."
	a := incidentAt(odesa, "2025-06-02", geo.SubArmedClash, textA, textA)
	a.Fatalities, a.FatalitiesClaimedBy = intp(40), "the army"
	b := incidentAt(odesa, "2025-06-02", geo.SubArmedClash, textB, textB)
	b.Fatalities, b.FatalitiesClaimedBy = intp(60), "the rebels"

	MustIngest(t, s, geo.Article{Title: "A", Text: textA}, []geo.Incident{a}, IngestOptions{Merge: true})
	incs, _ := MustIncidents(t, s, geo.IncidentFilter{})
	if len(incs) != 1 || incs[0].FatalitiesClaimedBy != "the army" {
		t.Fatalf("after one source: %+v, want the army's claim", incs)
	}
	MustIngest(t, s, geo.Article{Title: "B", Text: textB}, []geo.Incident{b}, IngestOptions{Merge: true})
	incs, _ = MustIncidents(t, s, geo.IncidentFilter{})
	if len(incs) != 1 || deref(incs[0].Fatalities) != 60 || incs[0].FatalitiesClaimedBy != "the rebels" {
		t.Errorf("after merge: fatalities %v claimed by %q, want 60 claimed by the rebels", deref(incs[0].Fatalities), incs[0].FatalitiesClaimedBy)
	}
}
