package server

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// requireToken demands "Authorization: Bearer <token>" on writes, and on
// /metrics (which tells request rates, routes and process details), when a
// token is configured. Other reads are always open.
func (s *Server) requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if s.cfg.Token == "" || (!isWrite(c.Request().Method) && c.Path() != routeMetrics) {
			return next(c)
		}
		given, ok := bearerToken(c.Request().Header.Get("Authorization"))
		if !ok {
			return geo.Errorf(geo.EAuth, "this server needs Authorization: Bearer <token> for writes")
		}
		if subtle.ConstantTimeCompare([]byte(given), []byte(s.cfg.Token)) != 1 {
			return geo.Errorf(geo.EAuth, "the bearer token is not valid")
		}
		return next(c)
	}
}

// routeMetrics is the Prometheus endpoint, behind the token when one is set.
const routeMetrics = "/metrics"

// isWrite reports whether a method changes data.
func isWrite(method string) bool {
	switch method {
	case http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch:
		return true
	}
	return false
}

// bearerToken extracts the token of an "Authorization: Bearer" header; the
// scheme is case-insensitive as RFC 6750 says.
func bearerToken(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}
