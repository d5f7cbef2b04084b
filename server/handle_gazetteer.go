package server

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// Gazetteer search limits: a default for autocomplete and a hard maximum.
const (
	gazetteerLimitDefault = 10
	gazetteerLimitMax     = 100
)

// handleGazetteerSearch serves GET /api/gazetteer?q=&limit=&country=.
func (s *Server) handleGazetteerSearch(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, paramQ, paramLimit, paramCountry); err != nil {
		return err
	}
	text := strings.TrimSpace(q.Get(paramQ))
	if text == "" {
		return paramError(paramQ, "is required: the start of a place name")
	}
	if len(text) > maxQueryText {
		return paramError(paramQ, "is longer than %d bytes", maxQueryText)
	}
	limit := gazetteerLimitDefault
	if s, ok := present(q, paramLimit); ok {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > gazetteerLimitMax {
			return paramError(paramLimit, "must be a whole number from 1 to %d, got %q", gazetteerLimitMax, s)
		}
		limit = n
	}
	opt := SearchOptions{Limit: limit}
	if cc := q.Get(paramCountry); cc != "" {
		opt.Country = strings.ToUpper(cc)
		if !isCountryCode(opt.Country) {
			return paramError(paramCountry, "%q is not a two-letter country code", cc)
		}
	}
	places := s.deps.Gazetteer.Search(text, opt)
	if places == nil {
		places = []geo.Place{}
	}
	if len(places) > limit {
		places = places[:limit]
	}
	return writeJSON(c, http.StatusOK, mediaJSON, places)
}

// handleGazetteerGet serves GET /api/gazetteer/{id}.
func (s *Server) handleGazetteerGet(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	id, err := placeID(c)
	if err != nil {
		return err
	}
	p, ok := s.deps.Gazetteer.Get(id)
	if !ok {
		return notFound("no gazetteer entry with id %d", id)
	}
	return writeJSON(c, http.StatusOK, mediaJSON, p)
}

// handleGazetteerAdd serves POST /api/gazetteer: 201 with the stored entry.
func (s *Server) handleGazetteerAdd(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	p, err := readPlace(c)
	if err != nil {
		return err
	}
	if p.ID != 0 {
		return geo.FieldError("id", "is given by the server; leave it out")
	}
	added, err := s.deps.Gazetteer.Add(c.Request().Context(), p)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/gazetteer/"+strconv.FormatInt(added.ID, 10))
	return writeJSON(c, http.StatusCreated, mediaJSON, added)
}

// handleGazetteerUpdate serves PUT /api/gazetteer/{id} for user entries.
func (s *Server) handleGazetteerUpdate(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	id, err := placeID(c)
	if err != nil {
		return err
	}
	p, err := readPlace(c)
	if err != nil {
		return err
	}
	if p.ID != 0 && p.ID != id {
		return geo.FieldError("id", "%d does not match the id %d in the path", p.ID, id)
	}
	p.ID = id
	updated, err := s.deps.Gazetteer.Update(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, mediaJSON, updated)
}

// handleGazetteerDelete serves DELETE /api/gazetteer/{id} for user entries.
func (s *Server) handleGazetteerDelete(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	id, err := placeID(c)
	if err != nil {
		return err
	}
	if err := s.deps.Gazetteer.Delete(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// placeID reads the {id} path parameter; a non-number names nothing, so it
// is a 404.
func placeID(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, notFound("no gazetteer entry with id %q", c.Param("id"))
	}
	return id, nil
}

// readPlace decodes a JSON gazetteer entry from the body.
func readPlace(c echo.Context) (geo.Place, error) {
	if !strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), mediaJSON) {
		return geo.Place{}, echo.NewHTTPError(http.StatusUnsupportedMediaType, "send the entry as application/json")
	}
	raw, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return geo.Place{}, bodyReadError(err)
	}
	var p geo.Place
	if err := decodeStrict(raw, &p); err != nil {
		return geo.Place{}, err
	}
	// A missing coordinate would decode as 0 and put the place in the Gulf
	// of Guinea; the fields are required, so tell which one is missing.
	var coords struct {
		Lat *float64 `json:"lat"`
		Lon *float64 `json:"lon"`
	}
	if err := json.Unmarshal(raw, &coords); err != nil {
		return geo.Place{}, geo.FieldError("body", "is not valid JSON for this endpoint")
	}
	if coords.Lat == nil {
		return geo.Place{}, geo.FieldError("lat", "is required: the latitude in degrees, -90 to 90")
	}
	if coords.Lon == nil {
		return geo.Place{}, geo.FieldError("lon", "is required: the longitude in degrees, -180 to 180")
	}
	return p, nil
}
