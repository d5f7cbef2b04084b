package postgis

import (
	"strings"
	"testing"
)

func TestIsURL(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://u:p@127.0.0.1/db":   true,
		"postgresql://127.0.0.1/db":     true,
		"./incidentmap.db":              false,
		"/var/lib/postgres/store.db":    false,
		"file:postgres://x":             false,
		"mysql://u:p@127.0.0.1:3306/db": false,
	} {
		if got := IsURL(dsn); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", dsn, got, want)
		}
	}
}

func TestRedactHidesThePassword(t *testing.T) {
	got := Redact("postgres://incidentmap:s3cret@db.example.org:5432/im?sslmode=require")
	if strings.Contains(got, "s3cret") || !strings.Contains(got, "incidentmap:xxxxx@db.example.org:5432/im") {
		t.Errorf("Redact = %q", got)
	}
	if _, err := Open("./store.db"); err == nil || !strings.Contains(err.Error(), "postgres://") {
		t.Errorf("Open of a file path: %v, want a clear refusal", err)
	}
}
