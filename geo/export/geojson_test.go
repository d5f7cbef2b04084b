package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

func TestWriteGeoJSONDecodesWithOrb(t *testing.T) {
	incs := sampleIncidents()
	var buf bytes.Buffer
	if err := WriteGeoJSON(&buf, incs); err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(buf.Bytes())
	if err != nil {
		t.Fatalf("orb cannot decode the export: %v\n%s", err, buf.String())
	}
	if len(fc.Features) != len(incs) {
		t.Fatalf("got %d features, want %d", len(fc.Features), len(incs))
	}
	for i, f := range fc.Features {
		inc := incs[i]
		if id, _ := f.ID.(float64); int64(id) != inc.ID {
			t.Errorf("feature %d id = %v, want %d", i, f.ID, inc.ID)
		}
		p, ok := f.Geometry.(orb.Point)
		if !ok || p.Lon() != inc.Lon || p.Lat() != inc.Lat {
			t.Errorf("feature %d geometry = %v, want [%g %g]", i, f.Geometry, inc.Lon, inc.Lat)
		}
		if got := f.Properties.MustString("quote"); got != inc.Quote {
			t.Errorf("feature %d quote = %q, want %q", i, got, inc.Quote)
		}
		if got := f.Properties.MustString("sub_event_type"); got != inc.SubEventType {
			t.Errorf("feature %d sub_event_type = %q, want %q", i, got, inc.SubEventType)
		}
	}
}

func TestFeatureProperties(t *testing.T) {
	incs := sampleIncidents()
	tests := []struct {
		name string
		inc  geo.Incident
		key  string
		want any // as decoded from JSON
	}{
		{name: "count given", inc: incs[0], key: "count", want: 12.0},
		{name: "count unit given", inc: incs[0], key: "count_unit", want: "drones"},
		{name: "count absent is null", inc: incs[1], key: "count", want: nil},
		{name: "count unit absent is null", inc: incs[1], key: "count_unit", want: nil},
		{name: "zero fatalities stay zero", inc: incs[2], key: "fatalities", want: 0.0},
		{name: "fatalities absent is null", inc: incs[0], key: "fatalities", want: nil},
		{name: "actor absent is null", inc: incs[0], key: "actor2", want: nil},
		{name: "actor given", inc: incs[0], key: "actor1", want: "Military Forces of Russia"},
		{name: "event date", inc: incs[0], key: "event_date", want: "2024-03-14"},
		{name: "time precision", inc: incs[1], key: "time_precision", want: 2.0},
		{name: "geo precision", inc: incs[2], key: "geo_precision", want: 3.0},
		{name: "admin1 code", inc: incs[0], key: "admin1", want: "61"},
		{name: "admin1 name", inc: incs[0], key: "admin1_name", want: "Rostov"},
		{name: "id property", inc: incs[1], key: "id", want: 18.0},
		{name: "geonameid", inc: incs[0], key: "geonameid", want: 526736.0},
		{name: "no sources is empty list", inc: incs[1], key: "sources", want: []any{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			props := decodeFeature(t, tt.inc)["properties"].(map[string]any)
			got, ok := props[tt.key]
			if !ok {
				t.Fatalf("property %q missing", tt.key)
			}
			gb, _ := json.Marshal(got)
			wb, _ := json.Marshal(tt.want)
			if !bytes.Equal(gb, wb) {
				t.Fatalf("%s = %s, want %s", tt.key, gb, wb)
			}
		})
	}
}

func TestFeatureSources(t *testing.T) {
	doc := decodeFeature(t, sampleIncidents()[0])
	if doc["type"] != "Feature" || doc["id"] != 17.0 {
		t.Fatalf("type/id = %v/%v", doc["type"], doc["id"])
	}
	srcs := doc["properties"].(map[string]any)["sources"].([]any)
	if len(srcs) != 2 {
		t.Fatalf("got %d sources, want 2", len(srcs))
	}
	first := srcs[0].(map[string]any)
	if first["article_id"] != 3.0 || first["url"] != "https://example.org/a" ||
		first["title"] != "Night raid" || first["published"] != "2024-03-14T07:30:00Z" {
		t.Errorf("first source = %v", first)
	}
	if second := srcs[1].(map[string]any); second["published"] != nil {
		t.Errorf("unknown published should be null, got %v", second["published"])
	}
}

func decodeFeature(t *testing.T, inc geo.Incident) map[string]any {
	t.Helper()
	b, err := json.Marshal(Feature(inc))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestGeoJSONWriterEmptyCollection(t *testing.T) {
	var buf bytes.Buffer
	w := NewGeoJSONWriter(&buf)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(buf.Bytes())
	if err != nil {
		t.Fatalf("empty export is not GeoJSON: %v: %s", err, buf.String())
	}
	if len(fc.Features) != 0 || !bytes.Contains(buf.Bytes(), []byte(`"features":[]`)) {
		t.Fatalf("want an empty features array, got %s", buf.String())
	}
	if err := w.Write(sampleIncidents()[0]); err == nil {
		t.Fatal("write after close should fail")
	}
}

type failingWriter struct{ after int }

func (f *failingWriter) Write(p []byte) (int, error) {
	if f.after <= 0 {
		return 0, errors.New("disk full")
	}
	f.after--
	return len(p), nil
}

func TestWritersReportWriteErrors(t *testing.T) {
	for _, format := range Formats() {
		t.Run(format, func(t *testing.T) {
			w, err := NewWriter(format, &failingWriter{})
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < 2000; i++ {
				if err = w.Write(sampleIncidents()[0]); err != nil {
					break
				}
			}
			if err == nil {
				err = w.Close()
			}
			if err == nil {
				t.Fatal("a failing destination must surface an error")
			}
		})
	}
}

func TestNewWriterUnknownFormat(t *testing.T) {
	_, err := NewWriter("kml", &bytes.Buffer{})
	var e *geo.Error
	if !errors.As(err, &e) || e.Code != geo.EInvalid || e.Field != "format" {
		t.Fatalf("want invalid format error, got %v", err)
	}
}

func BenchmarkGeoJSONWriter(b *testing.B) {
	inc := sampleIncidents()[0]
	w := NewGeoJSONWriter(discard{})
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(inc); err != nil {
			b.Fatal(err)
		}
	}
	_ = w.Close()
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
