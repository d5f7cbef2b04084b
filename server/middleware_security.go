package server

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// contentSecurityPolicy allows only the server's own scripts, styles and
// data, plus the online tile host when one is configured. No inline script
// is ever allowed: article text must not be able to run.
func contentSecurityPolicy(tileURL string) (string, error) {
	img := "'self' data:"
	if tileURL != "" {
		origin, err := tileOrigin(tileURL)
		if err != nil {
			return "", err
		}
		img += " " + origin
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src " + img,
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"frame-ancestors 'none'",
		"form-action 'self'",
	}, "; "), nil
}

// securityHeaders sets the page's protection headers on every response and
// opens GET requests to other origins, so other web maps can load the
// layers. Writes stay same-origin.
func (s *Server) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", s.csp)
		h.Set("Referrer-Policy", "no-referrer")
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead:
			h.Set("Access-Control-Allow-Origin", "*")
			h.Set("Access-Control-Expose-Headers", "Content-Type, ETag")
		}
		return next(c)
	}
}
