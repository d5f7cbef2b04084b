package server

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// A client that hangs up mid-request is not a server fault: no error log,
// status 499 in the access log and the metrics.
func TestClientAbortIsNotAnError(t *testing.T) {
	storeErrs := []struct {
		name string
		err  func(ctx context.Context) error
	}{
		{"context error from the store", func(ctx context.Context) error { return fmt.Errorf("store: begin read: %w", ctx.Err()) }},
		{"interrupted statement", func(context.Context) error { return fmt.Errorf("store: query incidents: interrupted (9)") }},
	}
	for _, cached := range []bool{false, true} {
		for _, se := range storeErrs {
			t.Run(fmt.Sprintf("%s/cached=%v", se.name, cached), func(t *testing.T) {
				var logs bytes.Buffer
				deps := testDeps()
				deps.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
				failing := &fakeStore{IncidentsFn: func(ctx context.Context, _ geo.IncidentFilter) ([]geo.Incident, int, error) {
					return nil, 0, se.err(ctx)
				}}
				deps.Store = failing
				if cached {
					vs := newVersionedStore(nil)
					vs.fakeStore = failing
					deps.Store = vs
				}
				s := mustServer(t, Config{}, deps)
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				req := newRequest(http.MethodGet, "/collections/incidents/items", nil).WithContext(ctx)
				serveHTTP(s, req)
				if strings.Contains(logs.String(), "level=ERROR") || strings.Contains(logs.String(), "status=500") {
					t.Fatalf("a client abort was logged as a server error:\n%s", logs.String())
				}
				if !strings.Contains(logs.String(), "status=499") {
					t.Fatalf("access log lacks status 499:\n%s", logs.String())
				}
				metrics := serve(s, request{target: "/metrics"}).Body.String()
				if !strings.Contains(metrics, `route="/collections/:collectionId/items",status="499"`) {
					t.Fatalf("metrics lack the 499:\n%s", metrics)
				}
			})
		}
	}
	// The same store error without a canceled request is a 500.
	deps := testDeps()
	deps.Store = &fakeStore{IncidentsFn: func(context.Context, geo.IncidentFilter) ([]geo.Incident, int, error) {
		return nil, 0, fmt.Errorf("store: begin read: %w", context.Canceled)
	}}
	rec := serve(mustServer(t, Config{}, deps), request{target: "/collections/incidents/items"})
	mustErrorBody(t, rec, http.StatusInternalServerError, "internal")
}
