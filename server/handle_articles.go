package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/export"
	"github.com/labstack/echo/v4"
)

// maxTitleRunes caps a title taken from the first line of a plain-text post.
const maxTitleRunes = 200

// articleRequest is the JSON body of POST /api/articles.
type articleRequest struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// ingestResponse answers POST /api/articles.
type ingestResponse struct {
	ArticleID       int64             `json:"article_id"`
	Duplicate       bool              `json:"duplicate"`
	IncidentsNew    int               `json:"incidents_new"`
	IncidentsMerged int               `json:"incidents_merged"`
	Mentions        []geo.Mention     `json:"mentions"`
	Unresolved      []geo.Unresolved  `json:"unresolved"`
	Incidents       export.Collection `json:"incidents"`
}

// handleIngest serves POST /api/articles: 201 with the new article's
// incidents, or 200 with the existing id for a duplicate.
func (s *Server) handleIngest(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	a, err := s.readArticle(c)
	if err != nil {
		return err
	}
	res, err := s.deps.Ingester.Ingest(c.Request().Context(), a)
	if err != nil {
		return err
	}
	s.metrics.observeIngest(res.Duplicate, res.NewCount, res.MergedCount)
	body := ingestResponse{
		ArticleID: res.ArticleID, Duplicate: res.Duplicate,
		IncidentsNew: res.NewCount, IncidentsMerged: res.MergedCount,
		Mentions:  res.Mentions,
		Incidents: export.CollectionOf(res.Incidents),
	}
	if body.Mentions == nil {
		body.Mentions = []geo.Mention{}
	}
	if body.Unresolved = res.Unresolved; body.Unresolved == nil {
		body.Unresolved = []geo.Unresolved{}
	}
	status := http.StatusCreated
	if res.Duplicate {
		status = http.StatusOK
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/articles/"+strconv.FormatInt(res.ArticleID, 10))
	return writeJSON(c, status, mediaJSON, body)
}

// readArticle reads and validates a JSON or plain-text article body.
func (s *Server) readArticle(c echo.Context) (geo.Article, error) {
	media, _, err := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if err != nil || (media != mediaJSON && media != mediaText) {
		return geo.Article{}, echo.NewHTTPError(http.StatusUnsupportedMediaType,
			"send the article as application/json {title,url,published,text} or as text/plain")
	}
	raw, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return geo.Article{}, bodyReadError(err)
	}
	var req articleRequest
	if media == mediaText {
		if req, err = plainTextArticle(raw); err != nil {
			return geo.Article{}, err
		}
	} else if err := decodeStrict(raw, &req); err != nil {
		return geo.Article{}, err
	}
	return s.validateArticle(req)
}

// validateArticle checks each field and fills in defaults: published is now
// when absent, the title is the first line of text when absent.
func (s *Server) validateArticle(req articleRequest) (geo.Article, error) {
	if !utf8.ValidString(req.Text) || !utf8.ValidString(req.Title) {
		return geo.Article{}, geo.FieldError("text", "is not valid UTF-8")
	}
	if strings.TrimSpace(req.Text) == "" {
		return geo.Article{}, geo.FieldError("text", "is empty; send the article's text")
	}
	if r, bad := geo.ControlChar(req.Text); bad {
		return geo.Article{}, geo.FieldError("text", "contains the control character U+%04X; send plain text", r)
	}
	if r, bad := geo.ControlChar(req.Title); bad || strings.ContainsAny(req.Title, "\n\r") {
		if !bad {
			r = '\n'
		}
		return geo.Article{}, geo.FieldError("title", "contains the control character U+%04X; a title is one line of text", r)
	}
	a := geo.Article{Title: strings.TrimSpace(req.Title), Text: req.Text, Published: s.now().UTC()}
	if a.Title == "" {
		a.Title = firstLine(req.Text)
	}
	if req.Published != "" {
		t, err := parsePublished(req.Published)
		if err != nil {
			return geo.Article{}, err
		}
		if err := geo.CheckPublished(t, s.now()); err != nil {
			return geo.Article{}, err
		}
		a.Published = t
	}
	if req.URL != "" {
		u, err := url.Parse(req.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return geo.Article{}, geo.FieldError("url", "%q is not an http or https URL", req.URL)
		}
		a.URL = u.String()
	}
	return a, nil
}

// parsePublished reads an RFC 3339 time or a date.
func parsePublished(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, geo.FieldError("published", "%q is neither RFC 3339 (2024-04-05T10:00:00Z) nor a date (2024-04-05)", s)
}

// firstLine is the first non-blank line of text, cut to maxTitleRunes.
func firstLine(text string) string {
	for line := range strings.Lines(text) {
		if line = strings.TrimSpace(line); line != "" {
			if utf8.RuneCountInString(line) > maxTitleRunes {
				line = string([]rune(line)[:maxTitleRunes])
			}
			return line
		}
	}
	return ""
}

// decodeStrict decodes one JSON object, refusing unknown fields and
// trailing data, with errors that name the problem. The body must be valid
// UTF-8: encoding/json would silently replace bad bytes with U+FFFD, so
// the check has to come before decoding.
func decodeStrict(raw []byte, v any) error {
	if !utf8.Valid(raw) {
		return geo.FieldError("body", "is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) && typeErr.Field != "" {
			return geo.FieldError(typeErr.Field, "has the wrong JSON type (%s)", typeErr.Value)
		}
		return geo.FieldError("body", "is not valid JSON for this endpoint: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if dec.More() {
		return geo.FieldError("body", "has data after the JSON object")
	}
	return nil
}

// bodyReadError keeps the body limit's 413 and turns other read failures
// into a 400.
func bodyReadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return geo.FieldError("body", "could not be read: %v", err)
}

// articleResponse answers GET /api/articles/{id}.
type articleResponse struct {
	geo.Article
	Mentions []geo.Mention `json:"mentions"`
}

// handleArticle serves GET /api/articles/{id}: the text and its mentions,
// so the page can highlight places.
func (s *Server) handleArticle(c echo.Context) error {
	if err := checkParams(c.QueryParams()); err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 || s.deps.Articles == nil {
		return notFound("no article with id %q", c.Param("id"))
	}
	a, mentions, err := s.deps.Articles.Article(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if mentions == nil {
		mentions = []geo.Mention{}
	}
	return writeJSON(c, http.StatusOK, mediaJSON, articleResponse{Article: a, Mentions: mentions})
}
