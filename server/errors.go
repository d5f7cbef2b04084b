package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// apiError is the body of every error response, as OGC API - Features'
// exception schema: a machine code and a description for people.
type apiError struct {
	Code        string `json:"code"`
	Description string `json:"description"`
}

// Error codes the server adds to geo's for HTTP-only failures.
const (
	codeMethodNotAllowed = "method_not_allowed"
	codeUnsupportedMedia = "unsupported_media_type"
	codeUnavailable      = "unavailable"
)

// statusOfCode maps geo error codes to HTTP statuses, in one place.
var statusOfCode = map[string]int{
	geo.EInvalid:     http.StatusBadRequest,
	geo.ENotFound:    http.StatusNotFound,
	geo.EConflict:    http.StatusConflict,
	geo.ETooLarge:    http.StatusRequestEntityTooLarge,
	geo.EAuth:        http.StatusUnauthorized,
	geo.EForbidden:   http.StatusForbidden,
	geo.EStorageFull: http.StatusInsufficientStorage,
	geo.EInternal:    http.StatusInternalServerError,
}

// codeOfStatus names echo's own errors (unknown route, wrong method, ...).
func codeOfStatus(status int) string {
	switch status {
	case http.StatusBadRequest:
		return geo.EInvalid
	case http.StatusNotFound:
		return geo.ENotFound
	case http.StatusMethodNotAllowed:
		return codeMethodNotAllowed
	case http.StatusRequestEntityTooLarge:
		return geo.ETooLarge
	case http.StatusUnsupportedMediaType:
		return codeUnsupportedMedia
	case http.StatusUnauthorized:
		return geo.EAuth
	case http.StatusForbidden:
		return geo.EForbidden
	case http.StatusConflict:
		return geo.EConflict
	case http.StatusServiceUnavailable:
		return codeUnavailable
	case http.StatusInsufficientStorage:
		return geo.EStorageFull
	}
	if status >= 500 {
		return geo.EInternal
	}
	return geo.EInvalid
}

// errorResponse turns any error into a status and a body safe to show.
// Internal details never reach the body.
func errorResponse(err error) (int, apiError) {
	var ge *geo.Error
	var he *echo.HTTPError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, apiError{geo.ETooLarge,
			fmt.Sprintf("request body is larger than the limit of %d bytes", mbe.Limit)}
	case errors.As(err, &ge):
		status, ok := statusOfCode[ge.Code]
		if !ok || status == http.StatusInternalServerError {
			return http.StatusInternalServerError, apiError{geo.EInternal, "internal error"}
		}
		return status, apiError{ge.Code, ge.Error()}
	case errors.As(err, &he):
		desc := http.StatusText(he.Code)
		if s, ok := he.Message.(string); ok && s != "" {
			desc = s
		}
		if he.Code >= 500 && he.Code != http.StatusServiceUnavailable {
			desc = http.StatusText(he.Code)
		}
		return he.Code, apiError{codeOfStatus(he.Code), desc}
	}
	return http.StatusInternalServerError, apiError{geo.EInternal, "internal error"}
}

// handleError is the echo HTTPErrorHandler: JSON bodies for every error, and
// a log line with the detail for server faults.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	if clientGone(c, err) {
		// Nobody is left to read a response; record the abort the way
		// proxies do (499) rather than as a server fault.
		c.Response().Status = statusClientClosed
		s.log.Info("client closed request", slog.String("method", c.Request().Method),
			slog.String("path", c.Request().URL.Path), slog.Any("error", err))
		return
	}
	status, body := errorResponse(err)
	if status == http.StatusInsufficientStorage {
		s.storeFull.Store(true)
	}
	if status >= 500 {
		s.log.Error("request failed", slog.String("method", c.Request().Method),
			slog.String("path", c.Request().URL.Path), slog.Any("error", err))
	}
	if status == http.StatusUnauthorized {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="incidentmap"`)
	}
	if err := c.JSON(status, body); err != nil {
		s.log.Warn("writing error response", slog.Any("error", err))
	}
}

// statusClientClosed is nginx's status for a request the client abandoned
// before the response was ready; it appears in logs and metrics only.
const statusClientClosed = 499

// clientGone reports whether the request failed because the client closed
// it: its context is canceled. The store's error then says "context
// canceled" or, when SQLite was interrupted mid-statement, "interrupted".
func clientGone(c echo.Context, err error) bool {
	return err != nil && errors.Is(c.Request().Context().Err(), context.Canceled)
}

// paramError is a 400 naming the query parameter at fault.
func paramError(name, format string, args ...any) error {
	return geo.FieldError(name, format, args...)
}

// notFound is a 404 with a description.
func notFound(format string, args ...any) error {
	return geo.Errorf(geo.ENotFound, format, args...)
}
