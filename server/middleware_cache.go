package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"hash/fnv"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
)

// StoreVersioner is implemented by stores that can tell when their data
// changed. When Deps.Store implements it, GET responses of the read routes
// are cached until the version moves on, and carry an ETag.
type StoreVersioner interface {
	// Version changes whenever the stored data may have changed, and
	// never goes back.
	Version(ctx context.Context) (int64, error)
}

// cachedRoutes are the GET routes whose responses depend only on the
// request and the store's data.
var cachedRoutes = []string{
	"/collections",
	"/collections/:collectionId",
	"/collections/:collectionId/items",
	"/tiles/incidents/:z/:x/:y",
	"/api/timeline",
	"/api/clusters",
}

// gzipMinLength is the smallest body worth compressing, as for the gzip
// middleware of the other routes.
const gzipMinLength = 2048

// cacheable reports whether the response cache serves this request.
func (s *Server) cacheable(c echo.Context) bool {
	return s.cache != nil && c.Request().Method == http.MethodGet && slices.Contains(cachedRoutes, c.Path())
}

// cacheResponses serves cached responses of the read routes and fills the
// cache. It compresses those responses itself (the gzip middleware skips
// them) so that a hit costs no compression. Every response it caches has
// an ETag made of the store version and the request, so a client that
// sends it back gets 304 Not Modified without any work.
func (s *Server) cacheResponses(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !s.cacheable(c) {
			return next(c)
		}
		ctx := c.Request().Context()
		gen, err := s.storeVersion.Version(ctx)
		if err != nil {
			if ctx.Err() == nil {
				s.log.Warn("store version unknown; not caching", slog.Any("error", err))
			}
			return next(c)
		}
		key := cacheKey(c)
		etag := s.etag(gen, key)
		h := c.Response().Header()
		h.Add(echo.HeaderVary, "Accept, Accept-Encoding")
		if etagMatches(c.Request().Header.Get("If-None-Match"), etag) {
			h.Set("ETag", etag)
			return c.NoContent(http.StatusNotModified)
		}
		for {
			resp, wait, lead := s.cache.lookup(key, gen)
			switch {
			case resp != nil:
				return s.writeCached(c, resp)
			case wait != nil:
				select {
				case <-wait.done:
				case <-ctx.Done():
					return ctx.Err()
				}
				if wait.resp != nil {
					return s.writeCached(c, wait.resp)
				}
				continue // the leader's answer was not cacheable: try again
			case lead:
				resp, err := s.recordResponse(c, next, key, gen, etag)
				s.cache.finish(key, gen, resp)
				if err != nil || resp == nil {
					return err
				}
				return s.writeCached(c, resp)
			default: // the request read an older version than is cached
				return next(c)
			}
		}
	}
}

// recordResponse runs the handler with its output captured. A 200 response
// is returned for caching and not yet written; anything else is written
// through as it is, and nil returned.
func (s *Server) recordResponse(c echo.Context, next echo.HandlerFunc, key string, gen int64, etag string) (*cachedResponse, error) {
	res := c.Response()
	before := res.Header().Clone()
	rec := &responseRecorder{ResponseWriter: res.Writer}
	res.Writer = rec
	err := func() error {
		defer func() { res.Writer = rec.ResponseWriter }()
		return next(c)
	}()
	if err != nil || rec.status != http.StatusOK {
		if rec.status != 0 {
			rec.ResponseWriter.WriteHeader(rec.status)
			n, _ := rec.ResponseWriter.Write(rec.body.Bytes())
			res.Size = int64(n)
		}
		return nil, err
	}
	// A copy of exactly the body's length: the recorder's buffer grew by
	// doubling and may hold twice what it has, which the cache would keep
	// without counting it.
	resp := &cachedResponse{key: key, gen: gen, status: rec.status, header: http.Header{},
		body: exactCopy(rec.body.Bytes()), etag: etag}
	for k, vs := range res.Header() {
		if !slices.Equal(before[k], vs) {
			resp.header[k] = slices.Clone(vs)
		}
	}
	if acceptsGzip(c.Request()) && len(resp.body) >= gzipMinLength {
		resp.gzip = gzipBytes(resp.body)
	}
	return resp, nil
}

// writeCached writes a cached response, gzipped when the client accepts it.
func (s *Server) writeCached(c echo.Context, resp *cachedResponse) error {
	res := c.Response()
	h := res.Header()
	for k, vs := range resp.header {
		h[k] = vs
	}
	h.Set("ETag", resp.etag)
	body := resp.body
	if acceptsGzip(c.Request()) && len(resp.body) >= gzipMinLength {
		gz := s.cache.gzipped(resp)
		if gz == nil {
			gz = gzipBytes(resp.body)
			s.cache.addGzip(resp, gz)
		}
		body = gz
		h.Set(echo.HeaderContentEncoding, "gzip")
	}
	h.Set(echo.HeaderContentLength, strconv.Itoa(len(body)))
	res.WriteHeader(resp.status)
	_, err := res.Write(body)
	return err
}

// cacheKey names a response: scheme and host (links are absolute), path,
// query parameters in a canonical order, and the Accept header, which
// picks the media type.
func cacheKey(c echo.Context) string {
	r := c.Request()
	var b strings.Builder
	b.WriteString(c.Scheme())
	b.WriteString("://")
	b.WriteString(r.Host)
	b.WriteString(r.URL.Path)
	b.WriteByte('?')
	b.WriteString(c.QueryParams().Encode()) // sorted by name
	b.WriteString("\x00")
	b.WriteString(strings.Join(r.Header.Values("Accept"), ","))
	return b.String()
}

// etag is a weak entity tag for the response to key at store version gen.
// The server's start time keeps tags of an earlier run from matching.
func (s *Server) etag(gen int64, key string) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	return `W/"` + s.etagEpoch + "-" + strconv.FormatInt(gen, 36) + "-" + strconv.FormatUint(h.Sum64(), 36) + `"`
}

// etagMatches applies If-None-Match's weak comparison.
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == want {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether the client takes gzip, as the gzip
// middleware decides it.
func acceptsGzip(r *http.Request) bool {
	return strings.Contains(r.Header.Get(echo.HeaderAcceptEncoding), "gzip")
}

// gzipBytes compresses b at the level the gzip middleware uses.
func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(b) / 8)
	zw, _ := gzip.NewWriterLevel(&buf, gzipLevel) // the level is a valid constant
	zw.Write(b)
	zw.Close()
	return exactCopy(buf.Bytes())
}

// exactCopy copies b into a slice of its own length.
func exactCopy(b []byte) []byte {
	out := make([]byte, len(b))
	copy(out, b)
	return out
}

// responseRecorder keeps a handler's status and body instead of sending
// them; headers go straight to the real response's header map.
type responseRecorder struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (r *responseRecorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *responseRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(p)
}

// Flush does nothing: the recorded body is sent whole afterwards.
func (r *responseRecorder) Flush() {}
