package gazetteer_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// Base entries of the small index the overlay property runs on.
var overlayBase = []geo.Place{
	{ID: 690791, Name: "Ukraine", FeatureCode: "PCLI", Country: "UA", Lat: 49, Lon: 32},
	{ID: 700001, GeonameID: 700001, Name: "Alpha", FeatureCode: "PPL", Country: "UA", Lat: 48, Lon: 37},
	{ID: 700002, GeonameID: 700002, Name: "Beta", FeatureCode: "PPL", Country: "UA", Lat: 47, Lon: 36},
}

// newOverlayIndex builds the base index: bundled entries in order.
func newOverlayIndex() *gazetteer.Index {
	ix := gazetteer.New()
	for _, p := range overlayBase {
		ix.Put(p)
	}
	return ix
}

// overlayModel is what the overlay should show given the store's user
// entries: every user entry, and each base entry no user entry corrects.
func overlayModel(store map[int64]geo.Place) map[int64]string {
	want := map[int64]string{}
	corrected := map[int64]bool{}
	for id, p := range store {
		want[id] = p.Name
		corrected[p.GeonameID] = true
	}
	for _, b := range overlayBase {
		if !corrected[b.ID] {
			want[b.ID] = b.Name
		}
	}
	return want
}

// TestOverlayMatchesTheStore runs random sequences of add, update, delete
// and restart against the service and checks, after every step, that the
// index shows exactly what the model derives from the store: no place the
// store no longer holds, no base place hidden by nothing, and the same
// after a restart that puts the entries back in any order.
func TestOverlayMatchesTheStore(t *testing.T) {
	ctx := context.Background()
	gids := []int64{0, 700001, 700002, 700001, -1} // -1: another user entry's id
	for seed := uint64(1); seed <= 300; seed++ {
		rng := rand.New(rand.NewPCG(seed, 13))
		store := &memStore{places: map[int64]geo.Place{}}
		s := &gazetteer.Service{Index: newOverlayIndex(), Store: store}
		var ids []int64 // every user id ever given, deleted or not
		var log []string
		pickGID := func() int64 {
			g := gids[rng.IntN(len(gids))]
			if g == -1 && len(ids) > 0 {
				g = ids[rng.IntN(len(ids))]
			}
			return max(g, 0)
		}
		for step := 0; step < 40; step++ {
			switch op := rng.IntN(10); {
			case op < 4:
				p := geo.Place{Name: fmt.Sprintf("User %d", step), GeonameID: pickGID(), Country: "UA", Lat: 48.5, Lon: 37.5}
				added, err := s.Add(ctx, p)
				log = append(log, fmt.Sprintf("add gid=%d -> %d %v", p.GeonameID, added.ID, err))
				if err == nil {
					ids = append(ids, added.ID)
				}
			case op < 6 && len(ids) > 0:
				id := ids[rng.IntN(len(ids))]
				p := geo.Place{ID: id, Name: fmt.Sprintf("Edited %d", step), GeonameID: pickGID(), Country: "UA", Lat: 48.6, Lon: 37.6}
				_, err := s.Update(ctx, p)
				log = append(log, fmt.Sprintf("update %d gid=%d: %v", id, p.GeonameID, err))
			case op < 9 && len(ids) > 0:
				id := ids[rng.IntN(len(ids))]
				err := s.Delete(ctx, id)
				log = append(log, fmt.Sprintf("delete %d: %v", id, err))
			default:
				ix := newOverlayIndex()
				user := make([]geo.Place, 0, len(store.places))
				for _, p := range store.places {
					user = append(user, p)
				}
				rng.Shuffle(len(user), func(i, j int) { user[i], user[j] = user[j], user[i] })
				for _, p := range user {
					ix.Put(p)
				}
				s.Index = ix
				log = append(log, "restart")
			}
			want := overlayModel(store.places)
			all := append(slices.Clone(ids), 690791, 700001, 700002)
			for _, id := range all {
				got, ok := s.Get(id)
				name, wantOK := want[id]
				if ok != wantOK || (ok && got.Name != name) {
					t.Fatalf("seed %d step %d: Get(%d) = %q, %v; want %q, %v\n%v", seed, step, id, got.Name, ok, name, wantOK, log)
				}
			}
			for _, c := range s.Search("Alpha", gazetteer.SearchOptions{Limit: 50}) {
				if _, ok := want[c.ID]; !ok {
					t.Fatalf("seed %d step %d: search finds %d, which is not visible\n%v", seed, step, c.ID, log)
				}
			}
		}
	}
}
