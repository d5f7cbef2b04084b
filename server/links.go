package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"
)

// baseURL is the public root of links: cfg.BaseURL when configured,
// otherwise http:// and the host the request named, which checkHost has
// already matched against the names this server answers to. Neither the
// scheme nor the host of a link ever comes from X-Forwarded-* headers.
func (s *Server) baseURL(c echo.Context) string {
	if s.cfg.BaseURL != "" {
		return s.cfg.BaseURL
	}
	return "http://" + c.Request().Host
}

// href joins the base URL, a path and an optional query.
func (s *Server) href(c echo.Context, path string, q url.Values) string {
	h := s.baseURL(c) + path
	if len(q) > 0 {
		h += "?" + q.Encode()
	}
	return h
}

// acceptsJSON reports whether the Accept header asks for JSON rather than a
// page (browsers send text/html first, GIS clients send JSON).
func acceptsJSON(r *http.Request) bool {
	return !prefersHTML(r.Header.Get("Accept"))
}

// featureMediaType picks application/geo+json (the default) or
// application/json for feature responses, from f or Accept.
func featureMediaType(c echo.Context) (string, error) {
	switch f := c.QueryParam(paramFormat); f {
	case formatGeoJSON:
		return mediaGeoJSON, nil
	case formatJSON:
		return mediaJSON, nil
	case "":
	default:
		return "", paramError(paramFormat, "unsupported format %q; use geojson or json", f)
	}
	accept := c.Request().Header.Get("Accept")
	if strings.Contains(accept, mediaJSON) && !strings.Contains(accept, mediaGeoJSON) {
		return mediaJSON, nil
	}
	return mediaGeoJSON, nil
}

// jsonFormatOnly rejects f values other than json for JSON-only documents.
func jsonFormatOnly(c echo.Context) error {
	if f := c.QueryParam(paramFormat); f != "" && f != formatJSON {
		return paramError(paramFormat, "unsupported format %q; this document is only JSON (f=json)", f)
	}
	return nil
}

// writeJSON writes v with an explicit media type (echo's JSON helper always
// says application/json).
func writeJSON(c echo.Context, status int, mediaType string, v any) error {
	c.Response().Header().Set(echo.HeaderContentType, mediaType)
	c.Response().WriteHeader(status)
	enc := newJSONEncoder(c.Response())
	return enc.Encode(v)
}
