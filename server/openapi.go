package server

import "github.com/incidentmap/incidentmap/geo/export"

// obj is a JSON object in the OpenAPI document.
type obj = map[string]any

// openAPIDocument describes the API in OpenAPI 3.0, built from the same
// constants the handlers use. serverURL is the API's root.
func openAPIDocument(serverURL, version string) obj {
	if version == "" {
		version = "dev"
	}
	return obj{
		"openapi": "3.0.3",
		"info": obj{
			"title":       "incidentmap",
			"version":     version,
			"description": "Incidents extracted from conflict news, served as OGC API - Features (Part 1 Core, GeoJSON).",
		},
		"servers":    []obj{{"url": serverURL}},
		"paths":      withMapPaths(openAPIPaths()),
		"components": openAPIComponents(),
	}
}

func ref(kind, name string) obj { return obj{"$ref": "#/components/" + kind + "/" + name} }

// op builds an operation with its parameters and a JSON success response;
// every operation may fail with the exception schema.
func op(id, summary string, params []obj, okStatus, okMedia string) obj {
	responses := obj{
		okStatus: obj{"description": "success", "content": obj{okMedia: obj{"schema": obj{"type": "object"}}}},
		"400":    ref("responses", "Invalid"),
		"404":    ref("responses", "NotFound"),
		"500":    ref("responses", "ServerError"),
	}
	o := obj{"operationId": id, "summary": summary, "responses": responses}
	if len(params) > 0 {
		o["parameters"] = params
	}
	return o
}

func params(names ...string) []obj {
	out := make([]obj, len(names))
	for i, n := range names {
		out[i] = ref("parameters", n)
	}
	return out
}

func withBody(o obj, media ...string) obj {
	content := obj{}
	for _, m := range media {
		content[m] = obj{"schema": obj{"type": "object"}}
	}
	o["requestBody"] = obj{"required": true, "content": content}
	o["security"] = []obj{{"bearer": []string{}}}
	return o
}

func openAPIPaths() obj {
	items := params("collectionId", paramBBox, paramDatetime, paramLimit, paramCursor, paramOffset,
		paramEventType, paramSubEventType, paramCountry, paramQ, paramFormat)
	filters := params(paramBBox, paramDatetime, paramEventType, paramSubEventType, paramCountry, paramQ)
	return obj{
		"/":            obj{"get": op("getLandingPage", "Landing page (JSON with f=json, else the map)", params(paramFormat), "200", mediaJSON)},
		"/conformance": obj{"get": op("getConformance", "Conformance classes implemented", nil, "200", mediaJSON)},
		"/api":         obj{"get": op("getAPI", "This document", nil, "200", mediaOpenAPI)},
		"/collections": obj{"get": op("getCollections", "Feature collections", nil, "200", mediaJSON)},
		"/collections/{collectionId}": obj{"get": op("describeCollection", "One collection with its extent",
			params("collectionId"), "200", mediaJSON)},
		"/collections/{collectionId}/items": obj{"get": op("getFeatures", "Features of a collection, filtered and paged",
			items, "200", mediaGeoJSON)},
		"/collections/{collectionId}/items/{featureId}": obj{"get": op("getFeature", "One feature",
			params("collectionId", "featureId", paramFormat), "200", mediaGeoJSON)},
		"/api/articles": obj{"post": withBody(op("ingestArticle", "Ingest one article (201, or 200 for a duplicate)",
			nil, "201", mediaJSON), mediaJSON, mediaText)},
		"/api/articles/{id}": obj{"get": op("getArticle", "One article with its place mentions", params("id"), "200", mediaJSON)},
		"/api/gazetteer": obj{
			"get": op("searchGazetteer", "Ranked place-name autocomplete",
				params("gazetteerQ", "gazetteerLimit", paramCountry), "200", mediaJSON),
			"post": withBody(op("addPlace", "Add a user gazetteer entry", nil, "201", mediaJSON), mediaJSON),
		},
		"/api/gazetteer/{id}": obj{
			"get":    op("getPlace", "One gazetteer entry", params("id"), "200", mediaJSON),
			"put":    withBody(op("updatePlace", "Change a user entry", params("id"), "200", mediaJSON), mediaJSON),
			"delete": obj{"operationId": "deletePlace", "summary": "Delete a user entry", "parameters": params("id"), "security": []obj{{"bearer": []string{}}}, "responses": obj{"204": obj{"description": "deleted"}, "404": ref("responses", "NotFound")}},
		},
		"/api/timeline": obj{"get": op("getTimeline", "Incidents per day", filters, "200", mediaJSON)},
		"/api/unresolved": obj{"get": op("getUnresolved", "Names the pipeline could not place, with their region guess, articles and counts",
			params("unresolvedLimit", paramOffset), "200", mediaJSON)},
		"/api/config": obj{"get": op("getConfig", "Settings for the map page", nil, "200", mediaJSON)},
		"/api/export": obj{"get": op("exportIncidents", "Every matching incident as GeoJSON, CSV (ACLED columns) or NDJSON",
			append(filters, params(paramExportFormat)...), "200", "application/geo+json")},
		"/tiles/incidents/{z}/{x}/{y}.mvt": obj{"get": op("getIncidentTile", "Mapbox Vector Tile of incidents, clustered below zoom 8",
			append(params("z", "x", "y"), filters[1:]...), "200", mediaMVT)},
		"/healthz": obj{"get": op("getHealth", "Health of the server and its store", nil, "200", mediaJSON)},
		"/metrics": obj{"get": op("getMetrics", "Prometheus metrics", nil, "200", mediaText)},
	}
}

func queryParam(name, desc string, schema obj) obj {
	return obj{"name": name, "in": "query", "required": false, "description": desc, "schema": schema, "style": "form", "explode": false}
}

func pathParam(name, desc string, schema obj) obj {
	return obj{"name": name, "in": "path", "required": true, "description": desc, "schema": schema}
}

func openAPIComponents() obj {
	str, integer := obj{"type": "string"}, obj{"type": "integer"}
	exception := obj{"type": "object", "required": []string{"code"}, "properties": obj{
		"code": str, "description": str}}
	errResponse := func(desc string) obj {
		return obj{"description": desc, "content": obj{mediaJSON: obj{"schema": obj{"$ref": "#/components/schemas/exception"}}}}
	}
	return obj{
		"schemas": obj{"exception": exception},
		"responses": obj{
			"Invalid":     errResponse("A parameter or the body is invalid; the description names it."),
			"NotFound":    errResponse("No such collection, feature or entry."),
			"ServerError": errResponse("A server error."),
		},
		"securitySchemes": obj{"bearer": obj{"type": "http", "scheme": "bearer"}},
		"parameters": obj{
			"collectionId": pathParam("collectionId", "incidents, places or regions", obj{"type": "string", "enum": []string{collIncidents, collPlaces, collRegions}}),
			"featureId":    pathParam("featureId", "A feature id", str),
			"id":           pathParam("id", "A numeric id", integer),
			"z":            pathParam("z", "Zoom 0..22", obj{"type": "integer", "minimum": 0, "maximum": tileMaxZoom}),
			"x":            pathParam("x", "Tile column", obj{"type": "integer", "minimum": 0}),
			"y":            pathParam("y", "Tile row", obj{"type": "integer", "minimum": 0}),
			paramBBox: queryParam(paramBBox, "west,south,east,north in CRS84 degrees (4 numbers)",
				obj{"type": "array", "minItems": 4, "maxItems": 4, "items": obj{"type": "number"}}),
			paramDatetime: queryParam(paramDatetime, "An instant (2024-04-05 or RFC 3339) or an interval a/b, ../b, a/..", str),
			paramLimit: queryParam(paramLimit, "Items per page; larger values are clamped to the maximum",
				obj{"type": "integer", "minimum": 1, "maximum": limitMax, "default": limitDefault}),
			paramCursor:       queryParam(paramCursor, "Opaque position from a next link", str),
			paramOffset:       queryParam(paramOffset, "Items to skip", obj{"type": "integer", "minimum": 0}),
			paramEventType:    queryParam(paramEventType, "ACLED event types, comma-separated", str),
			paramSubEventType: queryParam(paramSubEventType, "ACLED sub-event types, comma-separated", str),
			paramCountry:      queryParam(paramCountry, "ISO 3166-1 alpha-2 codes, comma-separated", str),
			paramQ:            queryParam(paramQ, "Free text over quote, location and source titles", str),
			paramFormat:       queryParam(paramFormat, "Response format", obj{"type": "string", "enum": []string{formatGeoJSON, formatJSON, formatHTML}}),
			paramExportFormat: queryParam(paramExportFormat, "File format of an export", obj{"type": "string", "enum": export.Formats()}),
			"gazetteerQ":      obj{"name": paramQ, "in": "query", "required": true, "description": "Start of a place name", "schema": str},
			"gazetteerLimit": queryParam(paramLimit, "Entries to return",
				obj{"type": "integer", "minimum": 1, "maximum": gazetteerLimitMax, "default": gazetteerLimitDefault}),
			"unresolvedLimit": queryParam(paramLimit, "Names to return",
				obj{"type": "integer", "minimum": 1, "maximum": unresolvedLimitMax, "default": unresolvedLimitDefault}),
		},
	}
}
