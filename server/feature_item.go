package server

import (
	"bytes"
	"encoding/json"

	"github.com/incidentmap/incidentmap/geo/export"
	"github.com/paulmach/orb/geojson"
)

// incidentItemJSON is one incident feature with its links, byte for byte
// what orb's MarshalJSON with ExtraMembers wrote through writeJSON: the
// members in name order, each encoded by encoding/json (so HTML characters
// stay escaped as before), and a newline. orb built a map of the members
// and encoding/json compacted every part twice more; this writes the parts
// once.
func incidentItemJSON(f *geojson.FeatureOf[export.Properties], links []link) ([]byte, error) {
	geometry, err := json.Marshal(geojson.NewGeometry(f.Geometry))
	if err != nil {
		return nil, err
	}
	id, err := json.Marshal(f.ID)
	if err != nil {
		return nil, err
	}
	ls, err := json.Marshal(links)
	if err != nil {
		return nil, err
	}
	props := appendIncidentProperties(nil, &f.Properties)
	var b bytes.Buffer
	b.Grow(len(geometry) + len(id) + len(ls) + len(props) + 64)
	b.WriteString(`{"geometry":`)
	b.Write(geometry)
	b.WriteString(`,"id":`)
	b.Write(id)
	b.WriteString(`,"links":`)
	b.Write(ls)
	b.WriteString(`,"properties":`)
	b.Write(props)
	b.WriteString(`,"type":"Feature"}` + "\n")
	return b.Bytes(), nil
}
