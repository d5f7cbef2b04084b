package server

import (
	"net/url"
	"strconv"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/export"
	"github.com/labstack/echo/v4"
)

// itemsResult is one page of any collection before it is written.
type itemsResult struct {
	features []jsonMarshaler
	returned int
	matched  int
	next     url.Values // query of the next page, nil when this is the last
}

// handleItems serves GET /collections/{collectionId}/items.
func (s *Server) handleItems(c echo.Context) error {
	ci, err := findCollection(c.Param("collectionId"))
	if err != nil {
		return err
	}
	q := c.QueryParams()
	if err := checkParams(q, itemsParams...); err != nil {
		return err
	}
	media, err := featureMediaType(c)
	if err != nil {
		return err
	}
	f, err := parseFilter(q)
	if err != nil {
		return err
	}
	pg, err := parsePage(q)
	if err != nil {
		return err
	}
	// Places and regions are listed whole before they are paged.
	weight := pg.Limit
	if ci.ID != collIncidents {
		weight = max(weight, exportPage)
	}
	release, err := s.heavy(c, weight)
	if err != nil {
		return err
	}
	defer release()
	var res itemsResult
	switch ci.ID {
	case collIncidents:
		res, err = s.incidentItems(c, f, pg)
	case collPlaces:
		res, err = s.placeItems(c, f, pg)
	default:
		res, err = s.regionItems(c, f, pg)
	}
	if err != nil {
		return err
	}
	return writeFeaturePage(c, media, res.features, pageMeta{
		Links:          s.itemsLinks(c, ci, media, pg, res),
		NumberMatched:  res.matched,
		NumberReturned: res.returned,
		TimeStamp:      s.now().UTC().Format("2006-01-02T15:04:05Z"),
	})
}

// incidentItems reads one page of incidents by keyset (cursor) or offset.
func (s *Server) incidentItems(c echo.Context, f geo.IncidentFilter, pg page) (itemsResult, error) {
	f.Limit = pg.Limit
	if pg.After != nil {
		f.After = pg.After
	} else {
		f.Offset = pg.Offset
	}
	items, matched, err := s.deps.Store.Incidents(c.Request().Context(), f)
	if err != nil {
		return itemsResult{}, err
	}
	features := make([]jsonMarshaler, len(items))
	for i, in := range items {
		features[i] = incidentFeatureJSON{export.Feature(in)}
	}
	res := itemsResult{features: features, returned: len(items), matched: matched}
	// No next link past maxOffset: the server would refuse it.
	if n := len(items); n > 0 && n >= pg.Limit && pg.Offset+n < matched && pg.Offset+n <= maxOffset {
		last := items[n-1]
		res.next = url.Values{paramCursor: {encodeCursor(pageCursor{last.EventDate, last.ID, pg.Offset + n})}}
	}
	return res, nil
}

// placeItems pages the store's place list by offset.
func (s *Server) placeItems(c echo.Context, f geo.IncidentFilter, pg page) (itemsResult, error) {
	all, err := s.deps.Store.Places(c.Request().Context(), f)
	if err != nil {
		return itemsResult{}, err
	}
	lo, hi := pageBounds(len(all), pg)
	features := make([]jsonMarshaler, 0, hi-lo)
	for _, pc := range all[lo:hi] {
		features = append(features, placeFeature(s.withPopulation(pc)))
	}
	return offsetResult(features, len(all), pg, hi), nil
}

// regionItems pages the store's region list by offset.
func (s *Server) regionItems(c echo.Context, f geo.IncidentFilter, pg page) (itemsResult, error) {
	all, err := s.deps.Store.Regions(c.Request().Context(), f)
	if err != nil {
		return itemsResult{}, err
	}
	lo, hi := pageBounds(len(all), pg)
	features := make([]jsonMarshaler, 0, hi-lo)
	for _, rc := range all[lo:hi] {
		features = append(features, regionFeature(rc))
	}
	return offsetResult(features, len(all), pg, hi), nil
}

// pageBounds clamps an offset page to a list of n items.
func pageBounds(n int, pg page) (lo, hi int) {
	lo = min(pg.Offset, n)
	hi = min(lo+pg.Limit, n)
	return lo, hi
}

func offsetResult(features []jsonMarshaler, matched int, pg page, hi int) itemsResult {
	res := itemsResult{features: features, returned: len(features), matched: matched}
	if hi < matched {
		res.next = url.Values{paramOffset: {strconv.Itoa(hi)}}
	}
	return res
}

// itemsLinks are self, alternate, next, prev and collection. Next and prev
// keep every filter of the request and replace only the paging parameters.
func (s *Server) itemsLinks(c echo.Context, ci collectionInfo, media string, pg page, res itemsResult) []link {
	path := "/collections/" + ci.ID + "/items"
	q := c.QueryParams()
	withFormat := func(f string) url.Values {
		v := cloneValues(q)
		v.Set(paramFormat, f)
		return v
	}
	self, alt := withFormat(formatGeoJSON), withFormat(formatJSON)
	altMedia := mediaJSON
	if media == mediaJSON {
		self, alt, altMedia = alt, self, mediaGeoJSON
	}
	links := []link{
		{s.href(c, path, self), relSelf, media, "This page"},
		{s.href(c, path, alt), relAlternate, altMedia, "This page as " + altMedia},
	}
	paged := func(extra url.Values) url.Values {
		v := cloneValues(q)
		v.Del(paramCursor)
		v.Del(paramOffset)
		v.Set(paramLimit, strconv.Itoa(pg.Limit))
		for k, vs := range extra {
			v[k] = vs
		}
		return v
	}
	if res.next != nil {
		links = append(links, link{s.href(c, path, paged(res.next)), relNext, media, "Next page"})
	}
	if pg.Offset > 0 {
		prev := url.Values{paramOffset: {strconv.Itoa(max(0, pg.Offset-pg.Limit))}}
		links = append(links, link{s.href(c, path, paged(prev)), relPrev, media, "Previous page"})
	}
	links = append(links, link{s.href(c, "/collections/"+ci.ID, nil), relCollection, mediaJSON, ci.Title})
	return links
}

func cloneValues(q url.Values) url.Values {
	v := make(url.Values, len(q)+2)
	for k, vs := range q {
		v[k] = append([]string(nil), vs...)
	}
	return v
}
