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

// basemapFile is the country polygon layer with its validator, computed once,
// and its gzipped bytes when the binary carries them.
type basemapFile struct {
	data []byte
	gz   []byte
	etag string
}

func newBasemapFile(data, gz []byte) basemapFile {
	if len(data) == 0 {
		return basemapFile{}
	}
	sum := sha256.Sum256(data)
	return basemapFile{data: data, gz: gz, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
}

// basemapPath is the route of the country polygon layer.
const basemapPath = "/basemap/countries.geojson"

// sendsBasemapGzipped: the layer is sent as the binary carries it gzipped,
// so the gzip middleware leaves it alone.
func (s *Server) sendsBasemapGzipped(c echo.Context) bool {
	return c.Path() == basemapPath && s.basemap.gz != nil && acceptsGzip(c.Request())
}

// handleBasemap serves GET /basemap/countries.geojson. The file never
// changes while the binary runs, so browsers may keep it for a week.
func (s *Server) handleBasemap(c echo.Context) error {
	if s.basemap.data == nil {
		return notFound("this server has no basemap")
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "public, max-age=604800")
	h.Add("Vary", "Accept-Encoding")
	gzipped := s.sendsBasemapGzipped(c)
	etag := s.basemap.etag
	if gzipped {
		etag = strings.TrimSuffix(etag, `"`) + `-gz"` // another representation, another tag
	}
	h.Set("ETag", etag)
	if c.Request().Header.Get("If-None-Match") == etag {
		return c.NoContent(http.StatusNotModified)
	}
	if gzipped {
		h.Set(echo.HeaderContentEncoding, "gzip")
		return c.Blob(http.StatusOK, mediaGeoJSON, s.basemap.gz)
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
