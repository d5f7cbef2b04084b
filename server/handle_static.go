package server

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// basemapFile is the country polygon layer with its validator, computed once.
type basemapFile struct {
	data []byte
	etag string
}

func newBasemapFile(data []byte) basemapFile {
	if len(data) == 0 {
		return basemapFile{}
	}
	sum := sha256.Sum256(data)
	return basemapFile{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
}

// handleBasemap serves GET /basemap/countries.geojson. The file never
// changes while the binary runs, so browsers may keep it for a week.
func (s *Server) handleBasemap(c echo.Context) error {
	if s.basemap.data == nil {
		return notFound("this server has no basemap")
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "public, max-age=604800")
	h.Set("ETag", s.basemap.etag)
	if c.Request().Header.Get("If-None-Match") == s.basemap.etag {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, mediaGeoJSON, s.basemap.data)
}

// handleStatic serves GET /static/{path} from the Web file system: files
// only, no directory listings, nothing outside the tree.
func (s *Server) handleStatic(c echo.Context) error {
	name := strings.TrimPrefix(path.Clean("/"+c.Param("*")), "/")
	if s.deps.Web == nil || name == "" || !fs.ValidPath(name) {
		return notFound("Not Found: no route or file /%s", c.Param("*"))
	}
	info, err := fs.Stat(s.deps.Web, name)
	if err != nil || info.IsDir() {
		return notFound("Not Found: no route or file /%s", name)
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	http.ServeFileFS(c.Response(), c.Request(), s.deps.Web, name)
	return nil
}
