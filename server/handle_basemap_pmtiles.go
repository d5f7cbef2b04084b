package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/labstack/echo/v4"
)

// basemapPMTilesPath is where the operator's PMTiles archive is served.
const basemapPMTilesPath = "/basemap/basemap.pmtiles"

// pmtilesMagic starts every PMTiles archive (version 3).
var pmtilesMagic = []byte("PMTiles\x03")

// checkPMTiles makes sure path is a readable PMTiles v3 archive, so a
// wrong --basemap fails at start and not in the browser.
func checkPMTiles(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("server: basemap: %w", err)
	}
	defer f.Close()
	head := make([]byte, len(pmtilesMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, pmtilesMagic) {
		return fmt.Errorf("server: basemap: %s is not a PMTiles version 3 archive", path)
	}
	return nil
}

// basemapPMTilesURL is the path the page fetches the archive from, or ""
// when there is none.
func (s *Server) basemapPMTilesURL() string {
	if s.cfg.BasemapPMTiles == "" {
		return ""
	}
	return basemapPMTilesPath
}

// handleBasemapPMTiles serves GET /basemap/basemap.pmtiles: the archive,
// with the range requests the PMTiles client reads it by (206 Partial
// Content), ETag and Last-Modified.
func (s *Server) handleBasemapPMTiles(c echo.Context) error {
	if s.cfg.BasemapPMTiles == "" {
		return notFound("no PMTiles basemap; start the server with --basemap FILE.pmtiles")
	}
	f, err := os.Open(s.cfg.BasemapPMTiles)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "application/vnd.pmtiles")
	w.Header().Set("ETag", fmt.Sprintf(`"%x-%x"`, info.ModTime().UnixNano(), info.Size()))
	http.ServeContent(w, c.Request(), "basemap.pmtiles", info.ModTime(), f)
	return nil
}
