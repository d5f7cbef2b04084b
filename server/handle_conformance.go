package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// conformanceClasses are the OGC API - Features classes this server
// implements.
var conformanceClasses = []string{confCore, confGeoJSON, confOAS30}

// handleConformance serves GET /conformance.
func (s *Server) handleConformance(c echo.Context) error {
	if err := checkParams(c.QueryParams(), paramFormat); err != nil {
		return err
	}
	if err := jsonFormatOnly(c); err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, mediaJSON, map[string][]string{"conformsTo": conformanceClasses})
}
