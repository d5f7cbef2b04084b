// Package server is incidentmap's HTTP application: OGC API - Features
// layers over the incident store, article ingest, gazetteer editing, vector
// tiles and the map page. It declares the small interfaces it needs and
// imports only the domain package geo.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
)

// Server owns the router, its services and the HTTP listener.
type Server struct {
	cfg     Config
	deps    Deps
	log     *slog.Logger
	now     func() time.Time
	echo    *echo.Echo
	metrics *metrics
	csp     string
	basemap basemapFile
	hosts   hostPolicy
	limiter *heavyLimiter

	// storeFull is set when a write failed for lack of disk space and
	// cleared by the next write that succeeds; /healthz reports it.
	storeFull atomic.Bool

	// The response cache, when the store reports its version; nil otherwise.
	cache        *responseCache
	storeVersion StoreVersioner
	etagEpoch    string // distinguishes this run's ETags from earlier runs'

	httpServer *http.Server
	listener   net.Listener
}

// New checks cfg and deps and builds the router. It does not listen; call
// Open.
func New(cfg Config, deps Deps) (*Server, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	switch {
	case deps.Store == nil:
		return nil, errors.New("server: no incident store")
	case deps.Ingester == nil:
		return nil, errors.New("server: no ingester")
	case deps.Gazetteer == nil:
		return nil, errors.New("server: no gazetteer")
	}
	s := &Server{cfg: cfg, deps: deps, log: deps.Logger, now: deps.Now, metrics: newMetrics()}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.now == nil {
		s.now = time.Now
	}
	csp, err := contentSecurityPolicy(cfg.TileURL)
	if err != nil {
		return nil, err
	}
	s.csp = csp
	s.hosts = newHostPolicy(cfg)
	s.limiter = newHeavyLimiter(cfg.HeavyBudget, cfg.HeavyWait)
	if deps.Basemap != nil {
		var gz []byte
		if deps.BasemapGzip != nil {
			gz = deps.BasemapGzip()
		}
		s.basemap = newBasemapFile(deps.Basemap(), gz)
	}
	if v, ok := deps.Store.(StoreVersioner); ok && cfg.CacheBytes > 0 {
		s.storeVersion, s.cache = v, newResponseCache(cfg.CacheBytes)
		s.etagEpoch = strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	s.echo = s.newRouter()
	return s, nil
}

// Handler is the whole application as an http.Handler, for tests and for
// embedding behind another server.
func (s *Server) Handler() http.Handler { return s.echo }

// Open listens on cfg.Addr and serves in the background. A port that is
// taken fails here, not later.
func (s *Server) Open() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: listen on %s: %w", s.cfg.Addr, err)
	}
	s.listener = ln
	s.httpServer = &http.Server{
		Handler:           s.echo,
		ReadTimeout:       s.cfg.ReadTimeout,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	go func() {
		if err := s.httpServer.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("serving HTTP", slog.Any("error", err))
		}
	}()
	s.log.Info("listening", slog.String("url", s.URL()))
	return nil
}

// URL is the root URL the server listens on, e.g. "http://127.0.0.1:8080".
// Before Open it is built from the configured address.
func (s *Server) URL() string {
	addr := s.cfg.Addr
	if s.listener != nil {
		addr = s.listener.Addr().String()
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}

// Close stops accepting connections and waits for in-flight requests until
// ctx ends.
func (s *Server) Close(ctx context.Context) error {
	if s.httpServer == nil {
		return nil
	}
	if err := s.httpServer.Shutdown(ctx); err != nil {
		return fmt.Errorf("server: shutdown: %w", err)
	}
	return nil
}
