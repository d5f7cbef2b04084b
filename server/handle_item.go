package server

import (
	"net/http"
	"strconv"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/export"
	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb/geojson"
)

// handleItem serves GET /collections/{collectionId}/items/{featureId}.
func (s *Server) handleItem(c echo.Context) error {
	ci, err := findCollection(c.Param("collectionId"))
	if err != nil {
		return err
	}
	if err := checkParams(c.QueryParams(), paramFormat); err != nil {
		return err
	}
	media, err := featureMediaType(c)
	if err != nil {
		return err
	}
	id := c.Param("featureId")
	links := []link{
		{s.href(c, "/collections/"+ci.ID+"/items/"+id, nil), relSelf, media, "This feature"},
		{s.href(c, "/collections/"+ci.ID, nil), relCollection, mediaJSON, ci.Title},
	}
	switch ci.ID {
	case collIncidents:
		in, err := s.findIncident(c, id)
		if err != nil {
			return err
		}
		body, err := incidentItemJSON(export.Feature(in), links)
		if err != nil {
			return err
		}
		return c.Blob(http.StatusOK, media, body)
	case collPlaces:
		pc, err := s.findPlace(c, id)
		if err != nil {
			return err
		}
		f := placeFeature(pc)
		f.ExtraMembers = geojson.Properties{"links": links}
		return writeJSON(c, http.StatusOK, media, f)
	default:
		rc, err := s.findRegion(c, id)
		if err != nil {
			return err
		}
		f := regionFeature(rc)
		f.ExtraMembers = geojson.Properties{"links": links}
		return writeJSON(c, http.StatusOK, media, f)
	}
}

func (s *Server) findIncident(c echo.Context, id string) (geo.Incident, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return geo.Incident{}, notFound("no incident with id %q", id)
	}
	return s.deps.Store.Incident(c.Request().Context(), n)
}

func (s *Server) findPlace(c echo.Context, id string) (geo.PlaceCount, error) {
	pc, err := s.deps.Store.Place(c.Request().Context(), id)
	if geo.ErrorCode(err) == geo.ENotFound {
		return geo.PlaceCount{}, notFound("no place with id %q has incidents", id)
	}
	return s.withPopulation(pc), err
}

func (s *Server) findRegion(c echo.Context, id string) (geo.RegionCount, error) {
	all, err := s.deps.Store.Regions(c.Request().Context(), geo.IncidentFilter{})
	if err != nil {
		return geo.RegionCount{}, err
	}
	for _, rc := range all {
		if regionID(rc) == id {
			return rc, nil
		}
	}
	return geo.RegionCount{}, notFound("no region %q has incidents; region ids are COUNTRY.ADMIN1, e.g. UA.05", id)
}
