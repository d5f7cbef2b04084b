package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// A store made before migration 0003 gets a tree holding every incident
// with its date, and queries by box and dates then work on the old rows.
func TestMigrationFillsTreeFromOldStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	ctx := context.Background()
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	names, _ := fs.Glob(migrationFiles, "migrations/*.sql")
	sort.Strings(names)
	for _, name := range names {
		if name >= "migrations/0003" {
			break
		}
		if err := migrateFile(ctx, db, name); err != nil {
			t.Fatal(err)
		}
	}
	dates := []string{"1969-12-31", "2024-02-29", "2025-06-01", "2025-06-02"}
	for i, d := range dates {
		_, err := db.Exec(`INSERT INTO incidents (event_type, sub_event_type, event_date, lat, lon, place_key, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, geo.Battles, geo.SubArmedClash, d, 48+float64(i)/10, 37, fmt.Sprint("p", i), nowText())
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	s := MustOpenPath(t, path)
	var n int
	if err := s.read.QueryRow(`SELECT COUNT(*) FROM incidents_tree`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != len(dates) {
		t.Fatalf("tree holds %d incidents, want %d", n, len(dates))
	}
	box := geo.BBox{West: 36, South: 47, East: 38, North: 49}
	for _, iv := range []interval{{"", ""}, {"2024-02-29", "2025-06-01"}, {"", "1969-12-31"}, {"2025-06-02", ""}} {
		want := bruteForce(t, s, box, iv)
		incs, total := MustIncidents(t, s, iv.filter(t, box, 10))
		if total != len(want) || !slices.Equal(ids(incs), want) {
			t.Errorf("%s..%s: %v (total %d), want %v", iv.from, iv.to, ids(incs), total, want)
		}
	}
}

// Changing an incident's date or point moves it in the tree.
func TestTreeFollowsUpdatedIncident(t *testing.T) {
	fx := loadFixture(t)
	ctx := context.Background()
	all, _ := MustIncidents(t, fx.s, geo.IncidentFilter{})
	moved := all[0]
	if _, err := fx.s.write.ExecContext(ctx, `UPDATE incidents SET event_date = '2019-01-05', lon = 100, lat = 10 WHERE id = ?`, moved.ID); err != nil {
		t.Fatal(err)
	}
	box := geo.BBox{West: 99, South: 9, East: 101, North: 11}
	day := time.Date(2019, 1, 5, 0, 0, 0, 0, time.UTC)
	for _, f := range []geo.IncidentFilter{
		{BBox: &box, From: &day, To: &day, Limit: 10},
		{BBox: &box, Limit: 10},
	} {
		incs, total := MustIncidents(t, fx.s, f)
		if total != 1 || len(incs) != 1 || incs[0].ID != moved.ID {
			t.Errorf("%+v: %v (total %d), want only %d", f, ids(incs), total, moved.ID)
		}
	}
}

// A stored text holding the character packed rows are split on comes back
// whole.
func TestIncidentWithSeparatorInText(t *testing.T) {
	s := MustOpen(t)
	text := "Shelling hit Odesa.\x1f Drones struck Kharkiv."
	inc := incidentAt(kharkiv, "2025-06-01", geo.SubAirDroneStrike, "Drones struck Kharkiv.", text)
	inc.Actor1 = "Unit\x1f7"
	other := incidentAt(odesa, "2025-06-02", geo.SubShelling, "Shelling hit Odesa.\x1f", text)
	MustIngest(t, s, geo.Article{Title: "Odd\x1ftitle", Text: text}, []geo.Incident{inc, other}, IngestOptions{})
	box := geo.BBox{West: 20, South: 40, East: 45, North: 55}
	incs, total := MustIncidents(t, s, geo.IncidentFilter{BBox: &box, Limit: 10})
	if total != 2 || len(incs) != 2 {
		t.Fatalf("%d incidents, total %d; want 2", len(incs), total)
	}
	if incs[0].Quote != other.Quote || incs[1].Actor1 != inc.Actor1 || incs[1].Quote != inc.Quote {
		t.Errorf("got quotes %q, %q and actor %q", incs[0].Quote, incs[1].Quote, incs[1].Actor1)
	}
	for _, got := range incs {
		if len(got.Sources) != 1 || got.Sources[0].Title != "Odd\x1ftitle" {
			t.Errorf("incident %d sources = %+v", got.ID, got.Sources)
		}
		// By id, the row is read column by column too.
		byID, err := s.Incident(context.Background(), got.ID)
		if err != nil || fmt.Sprintf("%+v", byID) != fmt.Sprintf("%+v", got) {
			t.Errorf("by id %+v (%v)\nin page %+v", byID, err, got)
		}
	}
	// And in a page the count grid's lists choose.
	ctx := context.Background()
	cells, err := s.buildGrid(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.listing.Wait() // the page lists come after the counts
	s.grid.Set(cells)
	f := geo.IncidentFilter{BBox: &box, Limit: 10}
	plan, err := s.planQuery(ctx, s.read, cells.Gen(), f, f.Limit)
	if err != nil {
		t.Fatal(err)
	}
	rows, ok, err := s.gridPage(ctx, s.read, cells.Gen(), f, plan.tree, f.Limit)
	if err != nil || !ok || len(rows) != 2 {
		t.Fatalf("grid page: %d rows, ok %v, %v", len(rows), ok, err)
	}
	again, _ := MustIncidents(t, s, f)
	if fmt.Sprintf("%+v", again) != fmt.Sprintf("%+v", incs) {
		t.Errorf("grid page %+v\nwant %+v", again, incs)
	}
}
