package store

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// syntheticArea is a lon/lat box synthetic places are drawn from.
type syntheticArea struct {
	country string
	box     geo.BBox
}

// syntheticAreas roughly cover Ukraine, Syria and Sudan, where most
// incidents of a conflict map would be.
func syntheticAreas() []syntheticArea {
	return []syntheticArea{
		{"UA", geo.BBox{West: 22.5, South: 44.5, East: 40, North: 52}},
		{"SY", geo.BBox{West: 36, South: 32.5, East: 42, North: 37}},
		{"SD", geo.BBox{West: 22, South: 9, East: 36, North: 22}},
	}
}

// LoadSynthetic adds n made-up incidents, the same ones for the same seed,
// for load tests and benchmarks: 2,000 places in three countries, event
// dates over 2024-2025, every event type, one article per 1,000 incidents.
// It writes in one transaction and does not merge.
func (s *Store) LoadSynthetic(ctx context.Context, n int, seed int64) error {
	if n < 0 {
		return geo.FieldError("n", "must not be negative, got %d", n)
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	places := syntheticPlaces(rng, 2000)
	types := syntheticTypes()
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

	tx, err := s.writeTx(ctx)
	if err != nil {
		return err
	}
	defer s.ver.changed()
	defer tx.Rollback()
	w, err := newIncidentWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.Close()

	var articleID int64
	var title string
	for i := range n {
		if i%1000 == 0 {
			title = fmt.Sprintf("Synthetic report %d/%d", seed, i/1000)
			text := fmt.Sprintf("%s, generated at %s for load tests.", title, nowText())
			a := geo.Article{Title: title, Text: text, Published: base.AddDate(0, 0, i/1000)}
			if articleID, err = insertArticle(ctx, tx, a, ContentHash(text)); err != nil {
				return err
			}
		}
		inc := syntheticIncident(rng, places[rng.IntN(len(places))], types[rng.IntN(len(types))], base)
		if _, _, err := w.Store(ctx, inc, articleID, title, false); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit synthetic: %w", err)
	}
	return nil
}

// syntheticPlaces draws n places in the synthetic areas.
func syntheticPlaces(rng *rand.Rand, n int) []geo.Place {
	areas := syntheticAreas()
	places := make([]geo.Place, n)
	for i := range places {
		a := areas[rng.IntN(len(areas))]
		admin1 := fmt.Sprintf("%02d", 1+rng.IntN(20))
		places[i] = geo.Place{
			GeonameID:   int64(90_000_000 + i),
			Name:        fmt.Sprintf("Synthetic place %d", i),
			FeatureCode: "PPL",
			Country:     a.country,
			Admin1:      admin1,
			Admin1Name:  fmt.Sprintf("Synthetic region %s-%s", a.country, admin1),
			Lat:         a.box.South + rng.Float64()*(a.box.North-a.box.South),
			Lon:         a.box.West + rng.Float64()*(a.box.East-a.box.West),
		}
	}
	return places
}

// syntheticTypes lists every (event type, sub-event type) pair in a fixed
// order so a seed always yields the same incidents.
func syntheticTypes() [][2]string {
	var out [][2]string
	for t, subs := range geo.Taxonomy {
		for _, s := range subs {
			out = append(out, [2]string{t, s})
		}
	}
	slices.SortFunc(out, func(a, b [2]string) int {
		return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
	})
	return out
}

// syntheticIncident makes one incident at p.
func syntheticIncident(rng *rand.Rand, p geo.Place, typ [2]string, base time.Time) geo.Incident {
	inc := geo.Incident{
		EventType: typ[0], SubEventType: typ[1],
		EventDate:     base.AddDate(0, 0, rng.IntN(731)).Format(contract.DateLayout),
		TimePrecision: geo.TimeDay,
		Location:      p.Name, GeonameID: p.GeonameID, FeatureCode: p.FeatureCode,
		Country: p.Country, Admin1: p.Admin1, Admin1Name: p.Admin1Name,
		Lat: p.Lat, Lon: p.Lon, GeoPrecision: geo.PrecisionExact,
	}
	if rng.IntN(3) == 0 {
		count := 1 + rng.IntN(50)
		inc.Count, inc.CountUnit = &count, "drones"
	}
	if rng.IntN(4) == 0 {
		dead := rng.IntN(10)
		inc.Fatalities = &dead
	}
	inc.Quote = fmt.Sprintf("Synthetic %s in %s.", inc.SubEventType, p.Name)
	return inc
}
