package store

import (
	"path/filepath"
	"testing"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/data/storetest"
)

// TestContract runs the suite both stores share on SQLite files.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (contract.Store, func() contract.Store) {
		path := filepath.Join(t.TempDir(), "incidentmap.db")
		return MustOpenPath(t, path), func() contract.Store { return MustOpenPath(t, path) }
	})
}
