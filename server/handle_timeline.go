package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleTimeline serves GET /api/timeline: incidents per day under the same
// filters as items, for the page's histogram.
func (s *Server) handleTimeline(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, timelineParams...); err != nil {
		return err
	}
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	days, err := s.deps.Store.DailyCounts(c.Request().Context(), f)
	if err != nil {
		return err
	}
	if days == nil {
		days = []DayCount{}
	}
	return writeJSON(c, http.StatusOK, mediaJSON, days)
}
