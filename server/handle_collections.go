package server

import (
	"net/http"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// collectionInfo names and describes one feature collection.
type collectionInfo struct {
	ID, Title, Description string
}

// collectionInfos are the layers this server publishes, in listing order.
var collectionInfos = []collectionInfo{
	{collIncidents, "Incidents", "One point per incident, typed with ACLED event and sub-event types, with its date, place, counts, quote and sources."},
	{collPlaces, "Places", "Every resolved place with the number of incidents there, counts by event type and the last date seen."},
	{collRegions, "Regions", "Incidents aggregated per first-level administrative region (admin1), with counts by event type over the chosen dates."},
}

// collectionJSONRequest checks a request for a collection's JSON document
// (its description, its queryables): a known collection, no parameter but
// f, and JSON asked for.
func collectionJSONRequest(c echo.Context) (collectionInfo, error) {
	ci, err := findCollection(c.Param("collectionId"))
	if err != nil {
		return collectionInfo{}, err
	}
	if err := checkParams(c.QueryParams(), paramFormat); err != nil {
		return collectionInfo{}, err
	}
	if err := jsonFormatOnly(c); err != nil {
		return collectionInfo{}, err
	}
	return ci, nil
}

func findCollection(id string) (collectionInfo, error) {
	for _, ci := range collectionInfos {
		if ci.ID == id {
			return ci, nil
		}
	}
	return collectionInfo{}, notFound("no collection %q; see /collections", id)
}

type collectionsDoc struct {
	Links       []link          `json:"links"`
	Collections []collectionDoc `json:"collections"`
}

type collectionDoc struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	ItemType    string    `json:"itemType"`
	CRS         []string  `json:"crs"`
	Extent      extentDoc `json:"extent"`
	Links       []link    `json:"links"`
}

type extentDoc struct {
	Spatial  spatialExtent  `json:"spatial"`
	Temporal temporalExtent `json:"temporal"`
}

type spatialExtent struct {
	BBox [][4]float64 `json:"bbox"`
	CRS  string       `json:"crs"`
}

type temporalExtent struct {
	Interval [][2]*string `json:"interval"`
	TRS      string       `json:"trs"`
}

// dataExtent asks the store for the extent of all incidents; an empty store
// has the whole world and an open interval.
func (s *Server) dataExtent(c echo.Context) (extentDoc, error) {
	bbox, first, last, n, err := s.deps.Store.Extent(c.Request().Context())
	if err != nil {
		return extentDoc{}, err
	}
	ext := extentDoc{
		Spatial:  spatialExtent{BBox: [][4]float64{{-180, -90, 180, 90}}, CRS: crsCRS84},
		Temporal: temporalExtent{Interval: [][2]*string{{nil, nil}}, TRS: trsGregorian},
	}
	if n == 0 {
		return ext, nil
	}
	ext.Spatial.BBox[0] = bboxArray(bbox)
	if first != "" {
		start := first + "T00:00:00Z"
		ext.Temporal.Interval[0][0] = &start
	}
	if last != "" {
		end := last + "T23:59:59Z"
		ext.Temporal.Interval[0][1] = &end
	}
	return ext, nil
}

func bboxArray(b geo.BBox) [4]float64 { return [4]float64{b.West, b.South, b.East, b.North} }

// collectionDocument describes one collection with its links.
func (s *Server) collectionDocument(c echo.Context, ci collectionInfo, ext extentDoc) collectionDoc {
	base := "/collections/" + ci.ID
	return collectionDoc{
		ID: ci.ID, Title: ci.Title, Description: ci.Description,
		ItemType: "feature", CRS: []string{crsCRS84}, Extent: ext,
		Links: []link{
			{s.href(c, base, nil), relSelf, mediaJSON, "This collection"},
			{s.href(c, base+"/items", nil), relItems, mediaGeoJSON, ci.Title + " as GeoJSON"},
			{s.href(c, base+"/items", map[string][]string{paramFormat: {formatJSON}}), relItems, mediaJSON, ci.Title + " as JSON"},
			{s.href(c, base+"/queryables", nil), relQueryables, mediaSchema, "What the items can be filtered by"},
		},
	}
}

// handleCollections serves GET /collections.
func (s *Server) handleCollections(c echo.Context) error {
	if err := checkParams(c.QueryParams(), paramFormat); err != nil {
		return err
	}
	if err := jsonFormatOnly(c); err != nil {
		return err
	}
	ext, err := s.dataExtent(c)
	if err != nil {
		return err
	}
	doc := collectionsDoc{Links: []link{{s.href(c, "/collections", nil), relSelf, mediaJSON, "The feature collections"}}}
	for _, ci := range collectionInfos {
		doc.Collections = append(doc.Collections, s.collectionDocument(c, ci, ext))
	}
	return writeJSON(c, http.StatusOK, mediaJSON, doc)
}

// handleCollection serves GET /collections/{collectionId}.
func (s *Server) handleCollection(c echo.Context) error {
	ci, err := collectionJSONRequest(c)
	if err != nil {
		return err
	}
	ext, err := s.dataExtent(c)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, mediaJSON, s.collectionDocument(c, ci, ext))
}
