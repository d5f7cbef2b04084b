package server

import (
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
)

// durationBuckets are the upper bounds, in seconds, of the request latency
// histogram.
var durationBuckets = []float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests and ingests for /metrics in the Prometheus text
// format. It belongs to one Server; there is no global registry.
type metrics struct {
	mu        sync.Mutex
	requests  map[requestKey]uint64
	durations map[string]*histogram // by route
	articles  map[bool]uint64       // by duplicate
	incidents map[string]uint64     // "new" or "merged"
}

type requestKey struct {
	Method, Route string
	Status        int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	total  uint64
}

func newMetrics() *metrics {
	return &metrics{
		requests:  map[requestKey]uint64{},
		durations: map[string]*histogram{},
		articles:  map[bool]uint64{},
		incidents: map[string]uint64{},
	}
}

// observeRequest records one finished request.
func (m *metrics) observeRequest(method, route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{method, route, status}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(durationBuckets))}
		m.durations[route] = h
	}
	sec := d.Seconds()
	if i, _ := slices.BinarySearch(durationBuckets, sec); i < len(durationBuckets) {
		h.counts[i]++
	}
	h.sum += sec
	h.total++
}

// observeIngest records one ingested article.
func (m *metrics) observeIngest(duplicate bool, newIncidents, merged int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.articles[duplicate]++
	m.incidents["new"] += uint64(newIncidents)
	m.incidents["merged"] += uint64(merged)
}

// write prints every metric in the Prometheus text exposition format, in a
// stable order.
func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP incidentmap_http_requests_total HTTP requests by method, route and status.")
	fmt.Fprintln(w, "# TYPE incidentmap_http_requests_total counter")
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b requestKey) int {
		return strings.Compare(fmt.Sprint(a.Route, a.Method, a.Status), fmt.Sprint(b.Route, b.Method, b.Status))
	})
	for _, k := range keys {
		fmt.Fprintf(w, "incidentmap_http_requests_total{method=%q,route=%q,status=\"%d\"} %d\n",
			k.Method, k.Route, k.Status, m.requests[k])
	}
	fmt.Fprintln(w, "# HELP incidentmap_http_request_duration_seconds HTTP request latency by route.")
	fmt.Fprintln(w, "# TYPE incidentmap_http_request_duration_seconds histogram")
	routes := make([]string, 0, len(m.durations))
	for r := range m.durations {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, r := range routes {
		h := m.durations[r]
		var cum uint64
		for i, le := range durationBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "incidentmap_http_request_duration_seconds_bucket{route=%q,le=\"%g\"} %d\n", r, le, cum)
		}
		fmt.Fprintf(w, "incidentmap_http_request_duration_seconds_bucket{route=%q,le=\"+Inf\"} %d\n", r, h.total)
		fmt.Fprintf(w, "incidentmap_http_request_duration_seconds_sum{route=%q} %g\n", r, h.sum)
		fmt.Fprintf(w, "incidentmap_http_request_duration_seconds_count{route=%q} %d\n", r, h.total)
	}
	fmt.Fprintln(w, "# HELP incidentmap_articles_ingested_total Articles posted, by whether they were duplicates.")
	fmt.Fprintln(w, "# TYPE incidentmap_articles_ingested_total counter")
	for _, dup := range []bool{false, true} {
		fmt.Fprintf(w, "incidentmap_articles_ingested_total{duplicate=\"%t\"} %d\n", dup, m.articles[dup])
	}
	fmt.Fprintln(w, "# HELP incidentmap_incidents_ingested_total Incidents from ingested articles, new or merged into existing ones.")
	fmt.Fprintln(w, "# TYPE incidentmap_incidents_ingested_total counter")
	for _, kind := range []string{"merged", "new"} {
		fmt.Fprintf(w, "incidentmap_incidents_ingested_total{kind=%q} %d\n", kind, m.incidents[kind])
	}
}

// observe is the outermost middleware: it writes any error response first,
// then records the final status in the metrics and the access log.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		if err := next(c); err != nil {
			c.Error(err)
		}
		d := time.Since(start)
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		req, res := c.Request(), c.Response()
		s.metrics.observeRequest(req.Method, route, res.Status, d)
		s.log.Info("request", slog.String("method", req.Method), slog.String("route", route),
			slog.String("path", req.URL.Path), slog.Int("status", res.Status),
			slog.Int64("bytes", res.Size), slog.Duration("duration", d))
		return nil
	}
}

// handleMetrics serves GET /metrics.
func (s *Server) handleMetrics(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderContentType, "text/plain; version=0.0.4; charset=utf-8")
	c.Response().WriteHeader(200)
	s.metrics.write(c.Response())
	return nil
}
