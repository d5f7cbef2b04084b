package article

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/incidentmap/incidentmap/geo"
)

// jsonArticle is the JSON shape of an article. "date" is accepted as a
// synonym of "published"; unknown members are ignored.
type jsonArticle struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Date      string `json:"date"`
	Text      string `json:"text"`
}

func (j jsonArticle) fields() fields {
	p := j.Published
	if p == "" {
		p = j.Date
	}
	return fields{Title: j.Title, URL: j.URL, Published: p, Text: j.Text}
}

// readJSON reads one object or an array of objects.
func readJSON(data []byte) ([]geo.Article, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return nil, syntaxError(err, "")
		}
		out := make([]geo.Article, 0, len(items))
		for i, raw := range items {
			a, err := decodeOne(raw, fmt.Sprintf("item %d", i+1))
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		return out, nil
	}
	a, err := decodeOne(trimmed, "")
	if err != nil {
		return nil, err
	}
	return []geo.Article{a}, nil
}

// readJSONL reads one object per line; blank lines are skipped. Each line
// stands alone: the articles of the good lines come back with a
// *LineErrors naming every bad line.
func readJSONL(data []byte) ([]geo.Article, error) {
	var out []geo.Article
	var bad LineErrors
	br := bufio.NewReader(bytes.NewReader(data))
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			a, derr := decodeOne(line, fmt.Sprintf("line %d", lineNo))
			if derr != nil {
				bad.Errs = append(bad.Errs, derr)
			} else {
				out = append(out, a)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if len(bad.Errs) > 0 {
		return out, &bad
	}
	if len(out) == 0 {
		return nil, geo.FieldError("text", "no articles in input")
	}
	return out, nil
}

func decodeOne(raw []byte, where string) (geo.Article, error) {
	var j jsonArticle
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&j); err != nil {
		return geo.Article{}, syntaxError(err, where)
	}
	if dec.More() {
		return geo.Article{}, syntaxError(errors.New("more than one JSON value"), where)
	}
	return check(j.fields(), where)
}

// syntaxError reports malformed JSON as invalid input, naming the record
// and, for a type mismatch, the field.
func syntaxError(err error, where string) error {
	field := "json"
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		field = te.Field
		err = fmt.Errorf("want a JSON %s, got %s", te.Type, te.Value)
	}
	msg := err.Error()
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "incomplete JSON"
	}
	if where != "" {
		msg = where + ": " + msg
	}
	return &geo.Error{Code: geo.EInvalid, Field: field, Message: msg}
}

// isSingleJSONValue reports whether data is exactly one JSON value.
func isSingleJSONValue(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	var v json.RawMessage
	if dec.Decode(&v) != nil {
		return false
	}
	_, err := dec.Token()
	return errors.Is(err, io.EOF)
}

// looksLikeJSONL reports whether the first non-blank line is a JSON object.
func looksLikeJSONL(data []byte) bool {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSpace(line)
	return len(line) > 0 && line[0] == '{' && json.Valid(line)
}
