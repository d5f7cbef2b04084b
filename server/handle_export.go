package server

import (
	"net/http"
	"slices"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/export"
	"github.com/labstack/echo/v4"
)

// paramExportFormat names the file format of an export.
const paramExportFormat = "format"

// exportParams are the parameters of GET /api/export: the items filters
// and the file format.
var exportParams = append([]string{paramBBox, paramExportFormat}, filterParams...)

// exportPage is how many incidents are read from the store at a time while
// an export streams, so a million incidents never sit in memory.
const exportPage = 1000

// handleExport serves GET /api/export?format=geojson|csv|ndjson with the
// filters of the items endpoint: every matching incident, newest first,
// as a download. The CSV uses ACLED's column names.
func (s *Server) handleExport(c echo.Context) error {
	q := c.QueryParams()
	if err := checkParams(q, exportParams...); err != nil {
		return err
	}
	format := strings.ToLower(q.Get(paramExportFormat))
	if format == "" {
		format = export.FormatGeoJSON
	}
	if !slices.Contains(export.Formats(), format) {
		return paramError(paramExportFormat, "must be one of %s", strings.Join(export.Formats(), ", "))
	}
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	release, err := s.heavy(c, exportPage)
	if err != nil {
		return err
	}
	defer release()
	ctx := c.Request().Context()
	f.Limit = exportPage
	first, _, err := s.deps.Store.Incidents(ctx, f) // errors before any byte is sent are JSON
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, export.ContentType(format))
	h.Set(echo.HeaderContentDisposition, `attachment; filename="incidents`+export.FileExtension(format)+`"`)
	c.Response().WriteHeader(http.StatusOK)
	w, err := export.NewWriter(format, c.Response())
	if err != nil {
		return err
	}
	for page := first; ; {
		for _, inc := range page {
			if err := w.Write(inc); err != nil {
				return nil // the client went away; the status is already sent
			}
		}
		if len(page) < exportPage {
			break
		}
		last := page[len(page)-1]
		f.After = &geo.Cursor{EventDate: last.EventDate, ID: last.ID}
		if page, _, err = s.deps.Store.Incidents(ctx, f); err != nil {
			s.log.Error("export stopped", "error", err)
			break
		}
	}
	return w.Close()
}
