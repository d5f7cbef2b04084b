package server

import (
	"context"
	"math"
	"net/http"
	"strconv"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// GridCounter counts incidents per grid cell in the store; the incident
// store may implement it.
type GridCounter interface {
	// GridCounts returns exact counts per cell; their split by event type
	// is estimated from every k-th incident when k > 1.
	GridCounts(ctx context.Context, f geo.IncidentFilter, cellDeg float64) (cells []geo.GridCell, k int, err error)
}

// clusterCellPx is the size of an aggregate cell on screen, close to the
// page's clustering radius; 64 px makes a cell 90/2^zoom degrees, a whole
// number of the count grid's cells up to zoom 9, which lets the store sum
// them (data/boxgrid).
const clusterCellPx = 64

// clustersParams are the filters plus bbox and zoom.
var clustersParams = append([]string{paramBBox, paramZoom}, filterParams...)

type clustersResponse struct {
	Clusters []geo.GridCell `json:"clusters"`
	Total    int            `json:"total"`
	// TypesSampledEvery is 1 when the split by event type is exact, else k:
	// the split was estimated from every k-th incident.
	TypesSampledEvery int `json:"types_sampled_every"`
}

// handleClusters serves GET /api/clusters?bbox=&zoom=&...filters: the true
// number of incidents per cell of 64 px at that zoom, for views
// holding more incidents than the page loads one by one.
func (s *Server) handleClusters(c echo.Context) error {
	counter, ok := s.deps.Store.(GridCounter)
	if !ok {
		return notFound("this store cannot count incidents per cell")
	}
	q := c.QueryParams()
	if err := checkParams(q, clustersParams...); err != nil {
		return err
	}
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	if f.BBox == nil {
		return paramError(paramBBox, "is required: give west,south,east,north")
	}
	z, err := strconv.Atoi(q.Get(paramZoom))
	if err != nil || z < 0 || z > 22 {
		return paramError(paramZoom, "must be a whole zoom level from 0 to 22")
	}
	cell := math.Min(180, clusterCellPx*360/(256*math.Exp2(float64(z))))
	cells, every, err := counter.GridCounts(c.Request().Context(), f, cell)
	if err != nil {
		return err
	}
	total := 0
	for _, g := range cells {
		total += g.Count
	}
	if cells == nil {
		cells = []geo.GridCell{}
	}
	return writeJSON(c, http.StatusOK, mediaJSON, clustersResponse{Clusters: cells, Total: total, TypesSampledEvery: every})
}
