package server

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// gzipLevel trades a little size for speed on large item pages.
const gzipLevel = 5

// newRouter registers every route and the middleware chain. The outermost
// middleware records metrics and logs after errors have been written, so
// they see the final status.
func (s *Server) newRouter() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.Use(s.observe, s.recoverPanics, s.headWithoutBody, s.securityHeaders, s.checkHost, s.bodyLimit, s.requireToken, s.cacheResponses)
	// Compress what is worth it: the basemap is megabytes of GeoJSON and
	// item pages compress about tenfold. Cached responses are compressed
	// once, by the cache.
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{Level: gzipLevel, MinLength: gzipMinLength,
		Skipper: func(c echo.Context) bool { return s.cacheable(c) || s.sendsBasemapGzipped(c) }}))

	// Every GET resource answers HEAD too (RFC 9110 section 9.3.2), with
	// the same status and headers and no body.
	get := func(path string, h echo.HandlerFunc) {
		e.GET(path, h)
		e.HEAD(path, h)
	}
	get("/", s.handleLanding)
	get("/conformance", s.handleConformance)
	get("/api", s.handleOpenAPI)
	get("/collections", s.handleCollections)
	get("/collections/:collectionId", s.handleCollection)
	get("/collections/:collectionId/queryables", s.handleQueryables)
	get("/collections/:collectionId/items", s.handleItems)
	get("/collections/:collectionId/items/:featureId", s.handleItem)

	e.POST("/api/articles", s.needsGazetteer(s.handleIngest))
	get("/api/articles", s.handleArticles)
	get("/api/articles/:id", s.handleArticle)
	get("/api/gazetteer", s.needsGazetteer(s.handleGazetteerSearch))
	e.POST("/api/gazetteer", s.needsGazetteer(s.handleGazetteerAdd))
	get("/api/gazetteer/:id", s.needsGazetteer(s.handleGazetteerGet))
	e.PUT("/api/gazetteer/:id", s.needsGazetteer(s.handleGazetteerUpdate))
	e.DELETE("/api/gazetteer/:id", s.needsGazetteer(s.handleGazetteerDelete))
	get("/api/timeline", s.handleTimeline)
	get("/api/export", s.handleExport)
	get("/api/unresolved", s.handleUnresolved)
	get("/api/config", s.handleConfig)

	get("/api/labels", s.handleLabels)
	get("/api/clusters", s.handleClusters)
	get("/api/reverse", s.handleReverse)
	get("/api/regions/:country", s.handleRegionShapes)

	get("/tiles/incidents/:z/:x/:y", s.handleTile)
	get(basemapPath, s.handleBasemap)
	get(basemapPMTilesPath, s.handleBasemapPMTiles)
	// The page's own files (js/, css/, vendor/, favicon.svg) sit at the
	// root beside index.html, so the page works with relative URLs.
	get("/*", s.handleStatic)
	get("/healthz", s.handleHealth)
	get(routeMetrics, s.handleMetrics)
	return e
}
