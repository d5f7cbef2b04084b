package server

// withMapPaths adds to the OpenAPI paths the endpoints the map page works
// with: queryables, the article listing, labels, reverse lookup, region
// shapes and per-cell counts.
func withMapPaths(paths obj) obj {
	str := obj{"type": "string"}
	zoom := queryParam(paramZoom, "Zoom level 0..22", obj{"type": "integer", "minimum": 0, "maximum": 22})
	bbox := ref("parameters", paramBBox)
	admin1 := queryParam(paramAdmin1, "Admin1 region as COUNTRY.CODE, e.g. UA.05", str)
	paths["/collections/{collectionId}/queryables"] = obj{"get": op("getQueryables",
		"The properties items can be filtered by (JSON Schema)", params("collectionId"), "200", mediaSchema)}
	if articles, ok := paths["/api/articles"].(obj); ok {
		articles["get"] = op("listArticles", "Stored articles, newest first, with their incident counts",
			[]obj{
				queryParam(paramLimit, "Articles per page", obj{"type": "integer", "minimum": 1, "maximum": articlesPageMax, "default": limitDefault}),
				queryParam(paramOffset, "Articles to skip", obj{"type": "integer", "minimum": 0}),
			}, "200", mediaJSON)
	}
	paths["/api/labels"] = obj{"get": op("getLabels", "Town, city and region names to draw in a view, without overlaps at that zoom",
		[]obj{bbox, zoom}, "200", mediaJSON)}
	paths["/api/reverse"] = obj{"get": op("reverseLookup", "Country and admin1 region of a point, from the nearest settlement",
		[]obj{
			queryParam(paramLat, "Latitude", obj{"type": "number", "minimum": -90, "maximum": 90}),
			queryParam(paramLon, "Longitude", obj{"type": "number", "minimum": -180, "maximum": 180}),
		}, "200", mediaJSON)}
	paths["/api/regions/{country}"] = obj{"get": op("getRegionShapes", "Approximate admin1 outlines of a country (GeoJSON)",
		[]obj{pathParam("country", "ISO 3166-1 alpha-2 code", str)}, "200", mediaGeoJSON)}
	paths["/api/clusters"] = obj{"get": op("getClusters", "True incident counts per cell of 64 px, under the items filters",
		append([]obj{bbox, zoom, admin1}, params(paramDatetime, paramEventType, paramSubEventType, paramCountry, paramQ)...), "200", mediaJSON)}
	return paths
}
