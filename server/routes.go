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
	e.Use(s.observe, s.recoverPanics, s.securityHeaders, s.bodyLimit, s.requireToken, s.cacheResponses)
	// Compress what is worth it: the basemap is megabytes of GeoJSON and
	// item pages compress about tenfold. Cached responses are compressed
	// once, by the cache.
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{Level: gzipLevel, MinLength: gzipMinLength, Skipper: s.cacheable}))

	e.GET("/", s.handleLanding)
	e.GET("/conformance", s.handleConformance)
	e.GET("/api", s.handleOpenAPI)
	e.GET("/collections", s.handleCollections)
	e.GET("/collections/:collectionId", s.handleCollection)
	e.GET("/collections/:collectionId/queryables", s.handleQueryables)
	e.GET("/collections/:collectionId/items", s.handleItems)
	e.GET("/collections/:collectionId/items/:featureId", s.handleItem)

	e.POST("/api/articles", s.handleIngest)
	e.GET("/api/articles", s.handleArticles)
	e.GET("/api/articles/:id", s.handleArticle)
	e.GET("/api/gazetteer", s.handleGazetteerSearch)
	e.POST("/api/gazetteer", s.handleGazetteerAdd)
	e.GET("/api/gazetteer/:id", s.handleGazetteerGet)
	e.PUT("/api/gazetteer/:id", s.handleGazetteerUpdate)
	e.DELETE("/api/gazetteer/:id", s.handleGazetteerDelete)
	e.GET("/api/timeline", s.handleTimeline)
	e.GET("/api/export", s.handleExport)
	e.GET("/api/config", s.handleConfig)

	e.GET("/api/labels", s.handleLabels)
	e.GET("/api/clusters", s.handleClusters)
	e.GET("/api/reverse", s.handleReverse)
	e.GET("/api/regions/:country", s.handleRegionShapes)

	e.GET("/tiles/incidents/:z/:x/:y", s.handleTile)
	e.GET("/basemap/countries.geojson", s.handleBasemap)
	e.GET(basemapPMTilesPath, s.handleBasemapPMTiles)
	// The page's own files (js/, css/, vendor/, favicon.svg) sit at the
	// root beside index.html, so the page works with relative URLs.
	e.GET("/*", s.handleStatic)
	e.GET("/healthz", s.handleHealth)
	e.GET("/metrics", s.handleMetrics)
	return e
}
