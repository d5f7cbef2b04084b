package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleOpenAPI serves GET /api, the service description.
func (s *Server) handleOpenAPI(c echo.Context) error {
	if err := checkParams(c.QueryParams(), paramFormat); err != nil {
		return err
	}
	if err := jsonFormatOnly(c); err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, mediaOpenAPI, openAPIDocument(s.baseURL(c), s.cfg.Version))
}
