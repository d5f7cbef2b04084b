package server

import (
	"bufio"
	"bytes"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"
)

// jsonMarshaler is a feature that encodes itself (orb's geojson features).
type jsonMarshaler interface{ MarshalJSON() ([]byte, error) }

// pageMeta is the part of an OGC items response besides its features.
type pageMeta struct {
	Links          []link `json:"links"`
	NumberMatched  int    `json:"numberMatched"`
	NumberReturned int    `json:"numberReturned"`
	TimeStamp      string `json:"timeStamp"`
}

// writeFeaturePage streams an items page as a GeoJSON FeatureCollection
// with OGC's members. Each feature is written as its own MarshalJSON
// output, so encoding/json does not re-scan every feature for the envelope
// (that re-scan was most of the cost of a 1,000-feature page).
func writeFeaturePage(c echo.Context, media string, features []jsonMarshaler, meta pageMeta) error {
	c.Response().Header().Set(echo.HeaderContentType, media)
	c.Response().WriteHeader(http.StatusOK)
	w := bufio.NewWriterSize(c.Response(), 32<<10)
	if err := writeFeatures(w, features, meta); err != nil {
		return err
	}
	return w.Flush()
}

func writeFeatures(w io.Writer, features []jsonMarshaler, meta pageMeta) error {
	var rest bytes.Buffer
	if err := newJSONEncoder(&rest).Encode(meta); err != nil {
		return err
	}
	if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`); err != nil {
		return err
	}
	var scratch []byte // reused by features that append themselves
	for i, f := range features {
		var b []byte
		var err error
		if a, ok := f.(jsonAppender); ok {
			b, err = a.AppendJSON(scratch[:0])
			scratch = b
		} else {
			b, err = f.MarshalJSON()
		}
		if err != nil {
			return err
		}
		if i > 0 {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	// rest is {"links":...}\n; splice it in after the features array.
	tail := bytes.TrimSpace(rest.Bytes())
	tail[0] = ','
	if _, err := io.WriteString(w, "]"); err != nil {
		return err
	}
	_, err := w.Write(tail)
	return err
}
