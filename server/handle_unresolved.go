package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// Unresolved-name page sizes: a default and a hard maximum.
const (
	unresolvedLimitDefault = 100
	unresolvedLimitMax     = 1000
)

// PageOptions ask for one page of a list.
type PageOptions struct {
	Limit  int
	Offset int
}

// UnresolvedLister lists the names the pipeline could not place, grouped
// by name and region, most often seen first, with the number of groups.
type UnresolvedLister interface {
	UnresolvedNames(ctx context.Context, opt PageOptions) ([]geo.UnresolvedName, int, error)
}

// unresolvedPage is the body of GET /api/unresolved.
type unresolvedPage struct {
	Names          []geo.UnresolvedName `json:"names"`
	NumberMatched  int                  `json:"numberMatched"`
	NumberReturned int                  `json:"numberReturned"`
	Next           string               `json:"next,omitempty"`
}

// handleUnresolved serves GET /api/unresolved?limit=&offset=.
func (s *Server) handleUnresolved(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, paramLimit, paramOffset); err != nil {
		return err
	}
	opt := PageOptions{Limit: unresolvedLimitDefault}
	if v, ok := present(q, paramLimit); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > unresolvedLimitMax {
			return paramError(paramLimit, "must be a whole number from 1 to %d, got %q", unresolvedLimitMax, v)
		}
		opt.Limit = n
	}
	if v, ok := present(q, paramOffset); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return paramError(paramOffset, "must be a whole number from 0, got %q", v)
		}
		opt.Offset = n
	}
	if s.deps.Unresolved == nil {
		return notFound("this server keeps no unresolved names")
	}
	names, total, err := s.deps.Unresolved.UnresolvedNames(c.Request().Context(), opt)
	if err != nil {
		return err
	}
	if names == nil {
		names = []geo.UnresolvedName{}
	}
	page := unresolvedPage{Names: names, NumberMatched: total, NumberReturned: len(names)}
	if opt.Offset+len(names) < total {
		next := url.Values{}
		next.Set(paramLimit, strconv.Itoa(opt.Limit))
		next.Set(paramOffset, strconv.Itoa(opt.Offset+len(names)))
		page.Next = "/api/unresolved?" + next.Encode()
	}
	return writeJSON(c, http.StatusOK, mediaJSON, page)
}
