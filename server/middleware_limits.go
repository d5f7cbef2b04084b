package server

import (
	"fmt"
	"net/http"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// bodyLimit refuses bodies larger than cfg.BodyLimit: at once when the
// declared length is too large, or while reading when the length is not
// declared (handlers then see *http.MaxBytesError, mapped to 413).
func (s *Server) bodyLimit(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.ContentLength > s.cfg.BodyLimit {
			return geo.Errorf(geo.ETooLarge, "request body is larger than the limit of %d bytes", s.cfg.BodyLimit)
		}
		if req.Body != nil && req.Body != http.NoBody {
			req.Body = http.MaxBytesReader(c.Response(), req.Body, s.cfg.BodyLimit)
		}
		return next(c)
	}
}

// recoverPanics turns a handler panic into a logged 500, so one bad request
// cannot take the server down.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				err = fmt.Errorf("server: panic in %s %s: %v", c.Request().Method, c.Path(), r)
			}
		}()
		return next(c)
	}
}

// headWithoutBody lets a HEAD request run its GET handler and drops the
// body the handler writes, so HEAD answers exactly what GET would,
// headers and status, with nothing after them.
func (s *Server) headWithoutBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().Method == http.MethodHead {
			c.Response().Writer = headWriter{c.Response().Writer}
		}
		return next(c)
	}
}

// headWriter is a ResponseWriter that writes headers but no body.
type headWriter struct{ http.ResponseWriter }

func (w headWriter) Write(p []byte) (int, error) { return len(p), nil }

// Unwrap lets http.ResponseController reach the connection underneath.
func (w headWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
