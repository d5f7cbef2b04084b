package gazetteer

import (
	"context"

	"github.com/incidentmap/incidentmap/geo"
)

// UserStore persists user entries; data/store implements it.
type UserStore interface {
	AddUserPlace(ctx context.Context, p geo.Place) (geo.Place, error)
	UpdateUserPlace(ctx context.Context, p geo.Place) (geo.Place, error)
	DeleteUserPlace(ctx context.Context, id int64) error
}

// Service is the gazetteer as users edit it: the index for lookups, the
// store for user entries, kept in step.
type Service struct {
	Index *Index
	Store UserStore
}

// Search is ranked search and autocomplete over bundled and user entries.
func (s *Service) Search(q string, opt SearchOptions) []geo.Place {
	cands := s.Index.Find(q, opt)
	out := make([]geo.Place, len(cands))
	for i, c := range cands {
		out[i] = c.Place
	}
	return out
}

// Get returns one entry by id.
func (s *Service) Get(id int64) (geo.Place, bool) { return s.Index.Get(id) }

// Add validates and stores a new user entry and makes it findable at once.
func (s *Service) Add(ctx context.Context, p geo.Place) (geo.Place, error) {
	if err := s.Index.Validate(&p); err != nil {
		return geo.Place{}, err
	}
	p.ID = 0
	if p.Source == "" {
		p.Source = "user"
	}
	stored, err := s.Store.AddUserPlace(ctx, p)
	if err != nil {
		return geo.Place{}, err
	}
	s.Index.Put(stored)
	got, _ := s.Index.Get(stored.ID)
	return got, nil
}

// Update changes a user entry. Bundled entries are not edited in place: a
// user entry carrying their geonameid corrects them.
func (s *Service) Update(ctx context.Context, p geo.Place) (geo.Place, error) {
	if err := userID(p.ID); err != nil {
		return geo.Place{}, err
	}
	if err := s.Index.Validate(&p); err != nil {
		return geo.Place{}, err
	}
	stored, err := s.Store.UpdateUserPlace(ctx, p)
	if err != nil {
		return geo.Place{}, err
	}
	s.Index.Put(stored)
	got, _ := s.Index.Get(stored.ID)
	return got, nil
}

// Delete removes a user entry.
func (s *Service) Delete(ctx context.Context, id int64) error {
	if err := userID(id); err != nil {
		return err
	}
	if err := s.Store.DeleteUserPlace(ctx, id); err != nil {
		return err
	}
	s.Index.Remove(id)
	return nil
}

func userID(id int64) error {
	if id < geo.UserIDBase {
		return geo.Errorf(geo.EInvalid, "entry %d is bundled GeoNames data and cannot be changed; add a user entry with its geonameid to correct it", id)
	}
	return nil
}
