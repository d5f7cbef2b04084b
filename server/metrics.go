package server

import (
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own
// (no global registry, so tests and several servers do not share counts).
type metrics struct {
	registry  *prometheus.Registry
	requests  *prometheus.CounterVec
	durations *prometheus.HistogramVec
	articles  *prometheus.CounterVec
	incidents *prometheus.CounterVec
	handler   http.Handler
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "incidentmap_http_requests_total", Help: "HTTP requests by method, route and status.",
		}, []string{"method", "route", "status"}),
		durations: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "incidentmap_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "incidentmap_articles_ingested_total", Help: "Articles posted, by whether they were duplicates.",
		}, []string{"duplicate"}),
		incidents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "incidentmap_incidents_ingested_total", Help: "Incidents from ingested articles, new or merged into existing ones.",
		}, []string{"kind"}),
	}
	m.registry.MustRegister(m.requests, m.durations, m.articles, m.incidents,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m.handler = promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
	return m
}

// observeRequest records one finished request.
func (m *metrics) observeRequest(method, route string, status int, d time.Duration) {
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	m.durations.WithLabelValues(route).Observe(d.Seconds())
}

// observeIngest records one ingested article.
func (m *metrics) observeIngest(duplicate bool, newIncidents, merged int) {
	m.articles.WithLabelValues(strconv.FormatBool(duplicate)).Inc()
	m.incidents.WithLabelValues("new").Add(float64(newIncidents))
	m.incidents.WithLabelValues("merged").Add(float64(merged))
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
		if isWrite(req.Method) && res.Status < 400 {
			s.storeFull.Store(false)
		}
		s.metrics.observeRequest(req.Method, route, res.Status, d)
		s.log.Info("request", slog.String("method", req.Method), slog.String("route", route),
			slog.String("path", req.URL.Path), slog.Int("status", res.Status),
			slog.Int64("bytes", res.Size), slog.Duration("duration", d))
		return nil
	}
}

// handleMetrics serves GET /metrics in the Prometheus exposition format.
func (s *Server) handleMetrics(c echo.Context) error {
	s.metrics.handler.ServeHTTP(c.Response(), c.Request())
	return nil
}
