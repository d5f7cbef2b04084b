package server

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

// loadingRetryAfter is the Retry-After, in seconds, of a request that
// needs the gazetteer while it loads (a second or two after start).
const loadingRetryAfter = 1

// loading reports whether the gazetteer is still loading.
func (s *Server) loading() bool {
	return s.deps.Loading != nil && s.deps.Loading()
}

// needsGazetteer answers 503 with Retry-After while the gazetteer loads,
// for the routes that use it (ingest, gazetteer search and edits); the
// layers, the page and /healthz answer meanwhile.
func (s *Server) needsGazetteer(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if s.loading() {
			c.Response().Header().Set("Retry-After", strconv.Itoa(loadingRetryAfter))
			return echo.NewHTTPError(http.StatusServiceUnavailable,
				"the gazetteer is still loading after start; retry in a moment")
		}
		return next(c)
	}
}
