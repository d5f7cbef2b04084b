package server

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo/export"
)

// jsonStringCases are every single byte, every escaped rune and broken
// UTF-8 in company.
func jsonStringCases() []string {
	var out []string
	for c := range 256 {
		out = append(out, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"b")
	}
	out = append(out, oddTexts...)
	out = append(out, "\u2028\u2029\u2027\u202a", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		string(utf8.RuneError), strings.Repeat("<&>", 50), "ünïcødé "+string(rune(0x10ffff)))
	return out
}

// Strings are quoted exactly as encoding/json quotes them with HTML
// escaping on.
func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	cases := jsonStringCases()
	for range 3000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

// FuzzAppendJSONString checks any string against encoding/json.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStringCases() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

// Properties and whole features are written byte for byte as the
// reflection path (json.Marshal, pointFeatureJSON) writes them, for random
// incidents with odd texts, nulls and sources.
func TestIncidentFeatureMatchesReflection(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range 3000 {
		f := export.Feature(randomIncident(rng))
		if i%10 == 0 {
			f.Properties.Sources = nil
		}
		wantProps, err := json.Marshal(f.Properties)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendIncidentProperties(nil, &f.Properties); !bytes.Equal(got, wantProps) {
			t.Fatalf("properties:\n got %s\nwant %s", got, wantProps)
		}
		want, err := pointFeatureJSON[export.Properties]{f}.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		got, err := incidentFeatureJSON{f}.AppendJSON([]byte("reused"))
		if err != nil || !bytes.Equal(got, append([]byte("reused"), want...)) {
			t.Fatalf("feature (%v):\n got %s\nwant %s", err, got, want)
		}
		if !json.Valid(got[len("reused"):]) || bytes.ContainsAny(got, "<>") {
			t.Fatalf("not JSON, or markup unescaped: %s", got)
		}
	}
}

// A non-finite coordinate is refused, as before.
func TestIncidentFeatureRefusesNaN(t *testing.T) {
	in := randomIncident(rand.New(rand.NewPCG(1, 1)))
	in.Lat = math.NaN()
	if _, err := (incidentFeatureJSON{export.Feature(in)}).MarshalJSON(); err == nil {
		t.Error("NaN latitude encoded")
	}
}

// BenchmarkIncidentFeatureJSON encodes one incident feature of a page by
// reflection (the former path) and by appending.
func BenchmarkIncidentFeatureJSON(b *testing.B) {
	f := export.Feature(randomIncident(rand.New(rand.NewPCG(9, 9))))
	b.Run("reflection", func(b *testing.B) {
		for b.Loop() {
			if _, err := (pointFeatureJSON[export.Properties]{f}).MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("append", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			var err error
			if buf, err = (incidentFeatureJSON{f}).AppendJSON(buf[:0]); err != nil {
				b.Fatal(err)
			}
		}
	})
}
