package server

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// pageConfig is what the page needs to know about the server.
type pageConfig struct {
	TileURL         string `json:"tile_url"`
	TileAttribution string `json:"tile_attribution"`
	Version         string `json:"version"`
	AuthRequired    bool   `json:"auth_required"`
	// BasemapPMTiles is the URL of the operator's PMTiles basemap, if any.
	BasemapPMTiles string `json:"basemap_pmtiles,omitempty"`
}

// handleConfig serves GET /api/config.
func (s *Server) handleConfig(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, mediaJSON, pageConfig{
		TileURL: s.cfg.TileURL, TileAttribution: s.cfg.TileAttribution,
		Version: s.cfg.Version, AuthRequired: s.cfg.Token != "",
		BasemapPMTiles: s.basemapPMTilesURL(),
	})
}

// handleHealth serves GET /healthz: 200 "ok" when the store answers, 200
// "degraded" while writes fail because its disk is full (reads still
// work), 503 "unavailable" when the store does not answer.
func (s *Server) handleHealth(c echo.Context) error {
	if s.deps.Health != nil {
		if err := s.deps.Health.Ping(c.Request().Context()); err != nil {
			s.log.Warn("health check failed", "error", err)
			return writeJSON(c, http.StatusServiceUnavailable, mediaJSON,
				map[string]string{"status": "unavailable", "description": "the store does not answer"})
		}
	}
	if s.storeFull.Load() {
		return writeJSON(c, http.StatusOK, mediaJSON, map[string]string{"status": "degraded",
			"description": "the store's disk is full: writes fail with 507 until space is freed; reads work"})
	}
	if s.loading() {
		return writeJSON(c, http.StatusOK, mediaJSON, map[string]string{"status": "loading",
			"description": "the gazetteer is loading: the layers answer; ingest and gazetteer requests answer 503 until it is ready"})
	}
	return writeJSON(c, http.StatusOK, mediaJSON, map[string]string{"status": "ok"})
}
