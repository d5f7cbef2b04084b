package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

// BenchmarkItems1000 measures one items page of 1,000 incidents through the
// router and GeoJSON encoding, with the store's cost taken out.
func BenchmarkItems1000(b *testing.B) {
	page := sampleIncidents(1000)
	deps := testDeps()
	deps.Store = &fakeStore{IncidentsFn: func(context.Context, geo.IncidentFilter) ([]geo.Incident, int, error) {
		return page, 1_000_000, nil
	}}
	s := mustServer(b, Config{}, deps)
	h := s.Handler()
	b.ReportAllocs()
	for b.Loop() {
		req := newRequest(http.MethodGet, "/collections/incidents/items?bbox=36.5,47,39,49&limit=1000", nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
}

// BenchmarkItemByID measures one incident by id.
func BenchmarkItemByID(b *testing.B) {
	deps := testDeps()
	deps.Store = sliceStore(sampleIncidents(10))
	s := mustServer(b, Config{}, deps)
	h := s.Handler()
	for b.Loop() {
		req := newRequest(http.MethodGet, "/collections/incidents/items/5", nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// BenchmarkTileClusters measures a low-zoom tile of 10,000 incidents.
func BenchmarkTileClusters(b *testing.B) {
	incidents := sampleIncidents(10_000)
	deps := testDeps()
	deps.Store = &fakeStore{IncidentsFn: func(context.Context, geo.IncidentFilter) ([]geo.Incident, int, error) {
		return incidents, len(incidents), nil
	}}
	s := mustServer(b, Config{}, deps)
	h := s.Handler()
	for b.Loop() {
		req := newRequest(http.MethodGet, "/tiles/incidents/5/19/11.mvt", nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}
