package server

import (
	"io/fs"
	"net/http"

	"github.com/labstack/echo/v4"
)

// landingPage is the OGC API landing page document.
type landingPage struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Version     string `json:"version,omitempty"`
	Links       []link `json:"links"`
}

// handleLanding serves GET /: JSON for API clients (Accept: application/json
// or f=json), the map page for browsers.
func (s *Server) handleLanding(c echo.Context) error {
	if err := checkParams(c.QueryParams(), paramFormat); err != nil {
		return err
	}
	asJSON := false
	switch f := c.QueryParam(paramFormat); f {
	case formatJSON:
		asJSON = true
	case formatHTML:
	case "":
		asJSON = acceptsJSON(c.Request())
	default:
		return paramError(paramFormat, "unsupported format %q; use json or html", f)
	}
	if !asJSON {
		return s.servePage(c)
	}
	return writeJSON(c, http.StatusOK, mediaJSON, landingPage{
		Title:       "incidentmap",
		Description: "Incidents extracted from conflict news, as OGC API - Features layers.",
		Version:     s.cfg.Version,
		Links: []link{
			{s.href(c, "/", map[string][]string{paramFormat: {formatJSON}}), relSelf, mediaJSON, "This document"},
			{s.href(c, "/", map[string][]string{paramFormat: {formatHTML}}), relAlternate, mediaHTML, "The map"},
			{s.href(c, "/api", nil), relServiceDesc, mediaOpenAPI, "The API definition (OpenAPI 3.0)"},
			{s.href(c, "/conformance", nil), relConformance, mediaJSON, "Conformance classes implemented"},
			{s.href(c, "/collections", nil), relData, mediaJSON, "The feature collections"},
		},
	})
}

// servePage writes the map page, index.html of the Web file system.
func (s *Server) servePage(c echo.Context) error {
	if s.deps.Web == nil {
		return notFound("this server has no map page; ask for JSON with f=json")
	}
	page, err := fs.ReadFile(s.deps.Web, "index.html")
	if err != nil {
		return notFound("the map page is missing")
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	return c.Blob(http.StatusOK, "text/html; charset=utf-8", page)
}
