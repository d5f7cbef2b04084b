// Package pgtest gives each test its own empty schema on the PostgreSQL
// server named by INCIDENTMAP_TEST_POSTGRES, so tests run in parallel and
// rerun cleanly. Without a reachable server the test is skipped with a
// message saying so, unless INCIDENTMAP_REQUIRE_POSTGRES=1 (as in CI),
// which makes it fail.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env names the database URL the tests use, e.g.
// postgres://incidentmap:secret@127.0.0.1:5432/incidentmap_test; its
// database needs the postgis extension, or a user allowed to create it.
const Env = "INCIDENTMAP_TEST_POSTGRES"

// RequireEnv, set to 1, turns a missing or unreachable server into a
// failure.
const RequireEnv = "INCIDENTMAP_REQUIRE_POSTGRES"

// Check skips tb, saying why, or fails it when a server is required,
// unless the server named by Env answers; it returns Env's URL.
func Check(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		unavailable(tb, Env+" is not set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		unavailable(tb, "cannot reach the server in "+Env+": "+err.Error())
	}
	conn.Close(ctx)
	return base
}

// URL returns a postgres:// URL whose search_path starts at a new schema
// that is dropped when tb ends; without a server it acts as Check.
func URL(tb testing.TB) string {
	tb.Helper()
	base := Check(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	defer conn.Close(ctx)
	schema := "test_" + randomHex()
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("pgtest: create schema: %v", err)
	}
	tb.Cleanup(func() { drop(tb, base, schema) })
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("pgtest: %s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// unavailable skips tb, or fails it when a server is required.
func unavailable(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv(RequireEnv) == "1" {
		tb.Fatalf("PostgreSQL is required (%s=1) but %s", RequireEnv, why)
	}
	tb.Skipf("skipping the PostgreSQL tests: %s", why)
}

func drop(tb testing.TB, base, schema string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Errorf("pgtest: drop schema %s: %v", schema, err)
		return
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
		tb.Errorf("pgtest: drop schema %s: %v", schema, err)
	}
}

func randomHex() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}
