package incident

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
)

// placeSpec is a hand-resolved place for test mentions: every occurrence of
// Needle in the text (as a whole word) becomes a mention of it.
type placeSpec struct {
	Needle      string
	Name        string
	FeatureCode string
	Country     string
	Admin1      string
	Admin2      string
	Lat, Lon    float64
	Precision   int
}

// mentionsFor locates the needles in text, longest first, without overlaps.
func mentionsFor(t testing.TB, text string, specs ...placeSpec) []geo.Mention {
	t.Helper()
	var out []geo.Mention
	taken := make([]bool, len(text))
	ordered := append([]placeSpec(nil), specs...)
	for i := range ordered {
		for j := i + 1; j < len(ordered); j++ {
			if len(ordered[j].Needle) > len(ordered[i].Needle) {
				ordered[i], ordered[j] = ordered[j], ordered[i]
			}
		}
	}
	for _, sp := range ordered {
		found := false
		for from := 0; ; {
			k := strings.Index(text[from:], sp.Needle)
			if k < 0 {
				break
			}
			start := from + k
			end := start + len(sp.Needle)
			from = end
			if !wordBoundary(text, start, end) || anyTaken(taken, start, end) {
				continue
			}
			for p := start; p < end; p++ {
				taken[p] = true
			}
			found = true
			name := sp.Name
			if name == "" {
				name = sp.Needle
			}
			out = append(out, geo.Mention{Text: text[start:end], Start: start, End: end, Name: name,
				FeatureCode: sp.FeatureCode, Country: sp.Country, Admin1: sp.Admin1, Admin2: sp.Admin2,
				Lat: sp.Lat, Lon: sp.Lon, Precision: sp.Precision, Confidence: 0.9})
		}
		if !found {
			t.Fatalf("needle %q not in text", sp.Needle)
		}
	}
	return out
}

func wordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func anyTaken(taken []bool, start, end int) bool {
	for p := start; p < end; p++ {
		if taken[p] {
			return true
		}
	}
	return false
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// dump shows incidents on failure.
func dump(incs []geo.Incident) string {
	var b strings.Builder
	for _, in := range incs {
		m := map[string]any{"loc": in.Location, "sub": in.SubEventType, "date": in.EventDate, "tp": in.TimePrecision}
		if in.Count != nil {
			m["count"] = *in.Count
			m["unit"] = in.CountUnit
		}
		if in.Fatalities != nil {
			m["fatal"] = *in.Fatalities
		}
		if in.Injured != nil {
			m["inj"] = *in.Injured
		}
		if in.Actor1 != "" {
			m["a1"] = in.Actor1
		}
		if in.Actor2 != "" {
			m["a2"] = in.Actor2
		}
		m["gp"] = in.GeoPrecision
		js, _ := json.Marshal(m)
		b.Write(js)
		b.WriteString("  <- " + short(in.Quote) + "\n")
	}
	return b.String()
}

func short(s string) string {
	if len(s) > 70 {
		return s[:70] + "..."
	}
	return s
}
