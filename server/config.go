package server

import (
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"time"
)

// Config is the server's configuration, filled in by cmd/ from flags and
// environment.
type Config struct {
	// Addr is the listen address, e.g. "127.0.0.1:8080". A non-loopback
	// address requires Token.
	Addr string
	// Token, when set, is required as "Authorization: Bearer <token>" on
	// every write (POST, PUT, DELETE).
	Token string
	// BodyLimit caps request bodies in bytes; 0 means DefaultBodyLimit.
	BodyLimit int64
	// TileURL is an optional online raster tile template such as
	// "https://{s}.tile.example.org/{z}/{x}/{y}.png"; empty keeps the map
	// offline. Its host is allowed in the page's Content-Security-Policy.
	TileURL string
	// TileAttribution is shown on the map with TileURL's tiles.
	TileAttribution string
	// BasemapPMTiles is the path of a local PMTiles archive of raster
	// tiles, served at /basemap/basemap.pmtiles with range requests and
	// drawn by the page; empty keeps the bundled country basemap only.
	BasemapPMTiles string
	// BaseURL, when set, is the public root used in links (behind a proxy
	// or under a public name), and its host is one the server answers to.
	// Otherwise links use the request's host, which must be a loopback
	// name, an IP address or the host of Addr.
	BaseURL string
	// Timeouts of the HTTP server; zero values take the defaults below.
	ReadTimeout       time.Duration
	ReadHeaderTimeout time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	// Version is reported by GET /api/config and the landing page.
	Version string
	// CacheBytes bounds the in-memory cache of read responses (items,
	// collections, tiles, timeline); 0 means DefaultCacheBytes and a
	// negative value turns the cache off. The cache needs a store that
	// implements StoreVersioner.
	CacheBytes int64
	// HeavyBudget bounds the features that item pages and exports hold in
	// memory at once (each request counts its limit); a request that
	// finds no room within HeavyWait is answered 503 with Retry-After.
	// Zero values take DefaultHeavyBudget and DefaultHeavyWait.
	HeavyBudget int
	HeavyWait   time.Duration
}

// Defaults applied by New to zero Config fields.
const (
	DefaultBodyLimit         = 1 << 20
	DefaultReadTimeout       = 15 * time.Second
	DefaultReadHeaderTimeout = 5 * time.Second
	DefaultWriteTimeout      = 60 * time.Second
	DefaultIdleTimeout       = 120 * time.Second
)

// Deps are the services the server uses. Store, Ingester and Gazetteer are
// required; the others are optional.
type Deps struct {
	Store     IncidentStore
	Articles  ArticleReader // GET /api/articles/{id}; nil answers 404
	Ingester  Ingester
	Gazetteer Gazetteer
	// Loading reports whether the gazetteer is still loading after start:
	// meanwhile ingest and gazetteer requests answer 503 with Retry-After
	// and /healthz says "loading". Nil means it is always ready.
	Loading func() bool
	Health  HealthChecker // checked by /healthz when set
	// Basemap returns a GeoJSON FeatureCollection of country polygons,
	// served at /basemap/countries.geojson; nil answers 404.
	Basemap func() []byte
	// BasemapGzip returns the same bytes gzipped, sent as they are to
	// clients that take gzip (compressing megabytes per request is what a
	// cold first view waited for); nil compresses per request.
	BasemapGzip func() []byte
	// MapData serves labels, reverse lookups and region shapes to the
	// page; nil answers 404 on those endpoints.
	MapData MapData
	// Web holds the page: index.html at its root, other files served under
	// /static/ by their path in Web. Nil serves no page.
	Web    fs.FS
	Logger *slog.Logger     // nil discards logs
	Now    func() time.Time // nil uses time.Now; tests pin it

	// Unresolved lists the names the pipeline could not place, for
	// GET /api/unresolved; nil answers 404.
	Unresolved UnresolvedLister
}

// withDefaults returns cfg with zero fields set to their defaults.
func (cfg Config) withDefaults() Config {
	if cfg.BodyLimit <= 0 {
		cfg.BodyLimit = DefaultBodyLimit
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.ReadHeaderTimeout <= 0 {
		cfg.ReadHeaderTimeout = DefaultReadHeaderTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = DefaultWriteTimeout
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.HeavyBudget <= 0 {
		cfg.HeavyBudget = DefaultHeavyBudget
	}
	if cfg.HeavyWait <= 0 {
		cfg.HeavyWait = DefaultHeavyWait
	}
	if cfg.CacheBytes == 0 {
		cfg.CacheBytes = DefaultCacheBytes
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	return cfg
}

// validate refuses configurations that would expose unauthenticated writes
// to the network.
func (cfg Config) validate() error {
	if cfg.Addr == "" {
		return fmt.Errorf("server: no listen address")
	}
	host, _, err := net.SplitHostPort(cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: listen address %q: %v", cfg.Addr, err)
	}
	if cfg.Token == "" && !isLoopbackHost(host) {
		return fmt.Errorf("server: refusing to listen on %q without a token: "+
			"bind to 127.0.0.1 or localhost, or set a token so that writes need authorization", cfg.Addr)
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
			u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return fmt.Errorf("server: base URL %q must be an http:// or https:// URL such as https://map.example.org", cfg.BaseURL)
		}
	}
	if cfg.TileURL != "" {
		if _, err := tileOrigin(cfg.TileURL); err != nil {
			return err
		}
	}
	if cfg.BasemapPMTiles != "" {
		return checkPMTiles(cfg.BasemapPMTiles)
	}
	return nil
}

// isLoopbackHost reports whether host names only this machine. An empty
// host means every interface, which is not loopback.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// tileOrigin returns the scheme and host of a tile URL template for the
// Content-Security-Policy, turning a "{s}" subdomain into a wildcard.
func tileOrigin(template string) (string, error) {
	scheme, rest, ok := strings.Cut(template, "://")
	if !ok || (scheme != "https" && scheme != "http") {
		return "", fmt.Errorf("server: tile URL %q must start with http:// or https://", template)
	}
	host, _, _ := strings.Cut(rest, "/")
	host = strings.ReplaceAll(host, "{s}", "*")
	if host == "" || strings.ContainsAny(host, "{}; '\"") {
		return "", fmt.Errorf("server: tile URL %q has no usable host", template)
	}
	return scheme + "://" + host, nil
}
