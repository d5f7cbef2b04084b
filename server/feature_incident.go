package server

import (
	"fmt"
	"strconv"

	"github.com/incidentmap/incidentmap/geo/export"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// incidentFeatureJSON writes an incident feature of a page as
// pointFeatureJSON does, byte for byte, with the properties appended
// without reflection, into a buffer the page reuses.
type incidentFeatureJSON struct {
	f *geojson.FeatureOf[export.Properties]
}

// jsonAppender is a feature that appends its JSON to a buffer.
type jsonAppender interface {
	AppendJSON(b []byte) ([]byte, error)
}

// MarshalJSON is AppendJSON to a new buffer.
func (x incidentFeatureJSON) MarshalJSON() ([]byte, error) { return x.AppendJSON(nil) }

// AppendJSON writes {"type":"Feature","id":..,"geometry":{Point},"properties":{..}}.
func (x incidentFeatureJSON) AppendJSON(b []byte) ([]byte, error) {
	pt, isPoint := x.f.Geometry.(orb.Point)
	id, isInt := x.f.ID.(int64)
	if !isPoint || !isInt {
		raw, err := pointFeatureJSON[export.Properties]{x.f}.MarshalJSON()
		return append(b, raw...), err
	}
	if !finite(pt[0]) || !finite(pt[1]) {
		return nil, fmt.Errorf("server: feature %v has a non-finite coordinate", x.f.ID)
	}
	b = append(b, `{"type":"Feature","id":`...)
	b = strconv.AppendInt(b, id, 10)
	b = append(b, `,"geometry":{"type":"Point","coordinates":[`...)
	b = strconv.AppendFloat(b, pt[0], 'f', -1, 64)
	b = append(b, ',')
	b = strconv.AppendFloat(b, pt[1], 'f', -1, 64)
	b = append(b, `]},"properties":`...)
	b = appendIncidentProperties(b, &x.f.Properties)
	return append(b, '}'), nil
}
