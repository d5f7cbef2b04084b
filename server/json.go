package server

import (
	"encoding/json"
	"io"
)

// newJSONEncoder writes compact JSON without HTML escaping: responses are
// never HTML, and "&" in titles should stay readable.
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
