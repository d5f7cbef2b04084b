package postgis

import (
	"testing"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/data/postgis/pgtest"
	"github.com/incidentmap/incidentmap/data/storetest"
)

// TestContract runs the suite both stores share, each test on its own
// schema.
func TestContract(t *testing.T) {
	pgtest.Check(t)
	storetest.Run(t, func(t *testing.T) (contract.Store, func() contract.Store) {
		s, url := mustOpen(t)
		return s, func() contract.Store { return mustOpenURL(t, url) }
	})
}
