package server

import (
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// Protection against other web sites the user has open. A page elsewhere
// can make the browser send requests here (a form post, a no-cors fetch),
// and a name it controls can be made to resolve to 127.0.0.1 (DNS
// rebinding). So every request must name a host this server knows, and a
// write coming from a browser must come from this server's own origin.

// hostPolicy is the set of Host names the server answers to and the
// origins its writes may come from, fixed at New from the configuration.
type hostPolicy struct {
	names   map[string]bool // lower-case host names without port
	origins map[string]bool // scheme://host:port of the configured base URL
}

// newHostPolicy accepts loopback names, every IP literal (a page cannot be
// rebound to an IP literal: its own origin would be that address), the
// host of the listen address and the host of the public base URL.
func newHostPolicy(cfg Config) hostPolicy {
	p := hostPolicy{names: map[string]bool{"localhost": true}, origins: map[string]bool{}}
	if host, _, err := net.SplitHostPort(cfg.Addr); err == nil && host != "" {
		p.names[strings.ToLower(host)] = true
	}
	if cfg.BaseURL != "" {
		if u, err := url.Parse(cfg.BaseURL); err == nil {
			p.names[strings.ToLower(u.Hostname())] = true
			p.origins[originKey(u.Scheme, u.Host)] = true
		}
	}
	return p
}

// knownHost reports whether a Host header names this server.
func (p hostPolicy) knownHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "" {
		return false
	}
	if net.ParseIP(host) != nil {
		return true
	}
	return p.names[host]
}

// sameOrigin reports whether a browser's Origin header is this server:
// the origin the request was addressed to, or the configured base URL.
func (p hostPolicy) sameOrigin(origin string, r *http.Request) bool {
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false // includes the opaque origin "null" of sandboxed pages and files
	}
	key := originKey(u.Scheme, u.Host)
	if p.origins[key] {
		return true
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return key == originKey(scheme, r.Host)
}

// originKey normalises scheme://host:port with the scheme's default port.
func originKey(scheme, hostport string) string {
	scheme = strings.ToLower(scheme)
	hostport = strings.ToLower(hostport)
	if _, _, err := net.SplitHostPort(hostport); err != nil {
		port := "80"
		if scheme == "https" {
			port = "443"
		}
		hostport = net.JoinHostPort(strings.Trim(hostport, "[]"), port)
	}
	return scheme + "://" + hostport
}

// checkHost refuses requests whose Host is not a name of this server, and
// writes that a browser sent from another site. Clients that are not
// browsers (curl, scripts, the CLI) send neither Origin nor Sec-Fetch-Site
// and are not affected.
func (s *Server) checkHost(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if !s.hosts.knownHost(r.Host) {
			return geo.Errorf(geo.EForbidden, "this server does not answer to the host name %q; "+
				"use its loopback address or the public name set with --base-url", r.Host)
		}
		if isWrite(r.Method) {
			if err := s.checkWriteOrigin(r); err != nil {
				return err
			}
		}
		return next(c)
	}
}

// checkWriteOrigin lets a write through when the browser says it comes
// from this server's own pages, or when no browser is involved.
func (s *Server) checkWriteOrigin(r *http.Request) error {
	if origin := r.Header.Get("Origin"); origin != "" {
		if !s.hosts.sameOrigin(origin, r) {
			return geo.Errorf(geo.EForbidden, "writes are accepted only from this server's own pages, not from %q", origin)
		}
		return nil
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return nil
	}
	return geo.Errorf(geo.EForbidden, "writes are accepted only from this server's own pages")
}
