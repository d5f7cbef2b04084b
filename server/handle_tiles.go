package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"
)

// Vector tile settings: the zoom range served, the zoom from which single
// incidents are drawn instead of clusters, and how many incidents one tile
// reads at most.
const (
	tileMaxZoom        = 22
	tileClusterBelow   = 8
	tileMaxIncidents   = 200_000
	tileLayerName      = "incidents"
	tileExtent         = 4096
	tileCacheControl   = "public, max-age=60"
	tileSuffix         = ".mvt"
	tileGridCellsPerAx = 64
)

// handleTile serves GET /tiles/incidents/{z}/{x}/{y}.mvt: clusters with a
// count below zoom 8, single incidents from zoom 8, under the same filters
// as items.
func (s *Server) handleTile(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, tileParams...); err != nil {
		return err
	}
	tile, err := parseTile(c.Param("z"), c.Param("x"), c.Param("y"))
	if err != nil {
		return err
	}
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	b := tile.Bound()
	f.BBox = &geo.BBox{West: b.Min[0], South: b.Min[1], East: b.Max[0], North: b.Max[1]}
	f.Limit = tileMaxIncidents
	// A tile may read far more incidents than a page; half the budget
	// keeps at most two such reads in memory beside each other.
	release, err := s.heavy(c, limitMax)
	if err != nil {
		return err
	}
	defer release()
	incidents, _, err := s.deps.Store.Incidents(c.Request().Context(), f)
	if err != nil {
		return err
	}
	var features []*geojson.Feature
	if tile.Z < tileClusterBelow {
		features = clusterFeatures(incidents, tile, tileGridCellsPerAx)
	} else {
		features = pointFeatures(incidents)
	}
	layer := &mvt.Layer{Name: tileLayerName, Version: 2, Extent: tileExtent, Features: features}
	layer.ProjectToTile(tile)
	data, err := mvt.Marshal(mvt.Layers{layer})
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", tileCacheControl)
	return c.Blob(http.StatusOK, mediaMVT, data)
}

// parseTile validates z/x/y: z in 0..22, x and y within the zoom's grid, y
// ending in .mvt.
func parseTile(zs, xs, ys string) (maptile.Tile, error) {
	ys, ok := strings.CutSuffix(ys, tileSuffix)
	if !ok {
		return maptile.Tile{}, notFound("tiles are served as {z}/{x}/{y}.mvt")
	}
	z, err := strconv.Atoi(zs)
	if err != nil || z < 0 || z > tileMaxZoom {
		return maptile.Tile{}, paramError("z", "zoom must be a whole number from 0 to %d, got %q", tileMaxZoom, zs)
	}
	n := int64(1) << z
	x, err := strconv.ParseInt(xs, 10, 64)
	if err != nil || x < 0 || x >= n {
		return maptile.Tile{}, paramError("x", "must be a whole number from 0 to %d at zoom %d, got %q", n-1, z, xs)
	}
	y, err := strconv.ParseInt(ys, 10, 64)
	if err != nil || y < 0 || y >= n {
		return maptile.Tile{}, paramError("y", "must be a whole number from 0 to %d at zoom %d, got %q", n-1, z, ys)
	}
	return maptile.New(uint32(x), uint32(y), maptile.Zoom(z)), nil
}
