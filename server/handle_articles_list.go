package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/labstack/echo/v4"
)

// ArticleLister lists stored articles, newest first, with the total; the
// article reader of Deps may implement it.
type ArticleLister interface {
	Articles(ctx context.Context, limit, offset int) ([]geo.ArticleSummary, int, error)
}

// articlesPageMax bounds one page of the article listing.
const articlesPageMax = 1000

type articleListResponse struct {
	Articles       []geo.ArticleSummary `json:"articles"`
	NumberMatched  int                  `json:"numberMatched"`
	NumberReturned int                  `json:"numberReturned"`
	Links          []link               `json:"links"`
}

// handleArticles serves GET /api/articles?limit=&offset=: the stored
// articles, most recently ingested first, with how many incidents each
// reported and a next link while more remain.
func (s *Server) handleArticles(c echo.Context) error {
	lister, ok := s.deps.Articles.(ArticleLister)
	if !ok {
		return notFound("this server cannot list articles")
	}
	q := c.QueryParams()
	if err := checkParams(q, paramLimit, paramOffset); err != nil {
		return err
	}
	limit, err := parseLimit(paramLimit, q.Get(paramLimit), limitDefault, articlesPageMax)
	if err != nil {
		return err
	}
	offset, err := parseOffset(q.Get(paramOffset))
	if err != nil {
		return err
	}
	items, total, err := lister.Articles(c.Request().Context(), limit, offset)
	if err != nil {
		return err
	}
	page := func(off int) url.Values {
		return url.Values{paramLimit: {strconv.Itoa(limit)}, paramOffset: {strconv.Itoa(off)}}
	}
	links := []link{{s.href(c, "/api/articles", page(offset)), relSelf, mediaJSON, "This page"}}
	if offset+len(items) < total {
		links = append(links, link{s.href(c, "/api/articles", page(offset+len(items))), relNext, mediaJSON, "Next page"})
	}
	return writeJSON(c, http.StatusOK, mediaJSON, articleListResponse{
		Articles: items, NumberMatched: total, NumberReturned: len(items), Links: links,
	})
}
