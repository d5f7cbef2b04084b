package server

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/mapdata"
	"github.com/labstack/echo/v4"
)

// MapData answers the page's questions about the bundled gazetteer: the
// town labels of a view, the country and region of a clicked point, and
// the approximate admin1 shapes of a country.
type MapData interface {
	Labels(b geo.BBox, zoom int) []mapdata.Label
	Reverse(lat, lon float64) (mapdata.Where, bool)
	RegionShapes(country string) mapdata.RegionShapes
}

// Query parameters of the map-data endpoints.
const (
	paramZoom = "zoom"
	paramLat  = "lat"
	paramLon  = "lon"
)

// mapDataMaxAge lets browsers keep answers that change only with the binary.
const mapDataMaxAge = "public, max-age=3600"

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// handleLabels serves GET /api/labels?bbox=w,s,e,n&zoom=z: the names to
// draw in the view, most important first, without overlaps at that zoom.
func (s *Server) handleLabels(c echo.Context) error {
	md, err := s.mapData()
	if err != nil {
		return err
	}
	q := c.QueryParams()
	if err := checkParams(q, paramBBox, paramZoom); err != nil {
		return err
	}
	raw, ok := present(q, paramBBox)
	if !ok {
		return paramError(paramBBox, "is required: give west,south,east,north")
	}
	b, err := parseBBox(raw)
	if err != nil {
		return err
	}
	z, err := strconv.Atoi(q.Get(paramZoom))
	if err != nil || z < 0 || z > 22 {
		return paramError(paramZoom, "must be a whole zoom level from 0 to 22")
	}
	c.Response().Header().Set(echo.HeaderCacheControl, mapDataMaxAge)
	labels := md.Labels(*b, z)
	if labels == nil {
		labels = []mapdata.Label{}
	}
	return writeJSON(c, http.StatusOK, mediaJSON, map[string]any{"labels": labels})
}

// handleReverse serves GET /api/reverse?lat=&lon=: the country and admin1
// region of a point, from the nearest settlement of the gazetteer.
func (s *Server) handleReverse(c echo.Context) error {
	md, err := s.mapData()
	if err != nil {
		return err
	}
	q := c.QueryParams()
	if err := checkParams(q, paramLat, paramLon); err != nil {
		return err
	}
	lat, err := strconv.ParseFloat(q.Get(paramLat), 64)
	if err != nil || lat < -90 || lat > 90 {
		return paramError(paramLat, "must be a latitude from -90 to 90")
	}
	lon, err := strconv.ParseFloat(q.Get(paramLon), 64)
	if err != nil || lon < -180 || lon > 180 {
		return paramError(paramLon, "must be a longitude from -180 to 180")
	}
	w, ok := md.Reverse(lat, lon)
	if !ok {
		return notFound("no settlement within reach of %.4f, %.4f", lat, lon)
	}
	return writeJSON(c, http.StatusOK, mediaJSON, w)
}

// handleRegionShapes serves GET /api/regions/{CC}: the approximate admin1
// regions of one country as GeoJSON, one Polygon feature per region (its
// rings drawn even-odd) and one MultiLineString of the borders between
// them; no features when the country has no known regions.
func (s *Server) handleRegionShapes(c echo.Context) error {
	md, err := s.mapData()
	if err != nil {
		return err
	}
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	cc := strings.ToUpper(strings.TrimSuffix(c.Param("country"), ".geojson"))
	if !countryCode.MatchString(cc) {
		return paramError("country", "must be an ISO 3166-1 alpha-2 code such as UA")
	}
	// A code without regions (a tiny state, or none at all) is an empty
	// collection, so a page asking for every country in view is not told
	// off for each of them.
	rs := md.RegionShapes(cc)
	c.Response().Header().Set(echo.HeaderCacheControl, mapDataMaxAge)
	return writeJSON(c, http.StatusOK, mediaGeoJSON, regionShapesGeoJSON(rs))
}

func (s *Server) mapData() (MapData, error) {
	if s.deps.MapData == nil {
		return nil, notFound("this server has no map data")
	}
	return s.deps.MapData, nil
}

type jsonObject = map[string]any

func regionShapesGeoJSON(rs mapdata.RegionShapes) jsonObject {
	features := make([]jsonObject, 0, len(rs.Regions)+1)
	if !rs.Complete {
		return jsonObject{"type": "FeatureCollection", "features": features}
	}
	for _, r := range rs.Regions {
		features = append(features, jsonObject{
			"type":     "Feature",
			"id":       r.Country + "." + r.Admin1,
			"geometry": jsonObject{"type": "Polygon", "coordinates": r.Rings},
			"properties": jsonObject{
				"kind": "region", "country": r.Country, "admin1": r.Admin1, "admin1_name": r.Name,
			},
		})
	}
	features = append(features, jsonObject{
		"type":       "Feature",
		"geometry":   jsonObject{"type": "MultiLineString", "coordinates": rs.Borders},
		"properties": jsonObject{"kind": "borders", "country": rs.Country},
	})
	return jsonObject{
		"type":     "FeatureCollection",
		"features": features,
		"cell_deg": rs.CellDeg,
		"source":   "approximate: each cell takes the admin1 region of its nearest GeoNames settlement",
	}
}
