package incident

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
)

var fuzzCodes = []string{"PPL", "PPLA", "PPLC", "ADM1", "ADM2", "PCLI", "CONT", ""}

// FuzzExtract feeds random text with random mentions; Extract must not
// panic and every incident must quote the text at its own offsets.
func FuzzExtract(f *testing.F) {
	f.Add("Russia has downed 53 drones over Kursk, Belgorod and Krasnodar overnight. 44 of them were shot down.", []byte{30, 35, 3, 41, 48, 3})
	f.Add("Clashes in El Fasher on Thursday killed 12. “Stop!” he said. U.S. aid.\n\nNo one was hurt.", []byte{12, 21, 0})
	f.Add("", []byte{})
	f.Add("dozens of dozens of of them 1,2,3 killed killed April 31 Friday", []byte{0, 200, 1, 5, 2, 4})
	pub := time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)
	valid := map[string]bool{}
	for _, subs := range geo.Taxonomy {
		for _, s := range subs {
			valid[s] = true
		}
	}
	f.Fuzz(func(t *testing.T, text string, raw []byte) {
		var ms []geo.Mention
		for k := 0; k+2 < len(raw) && len(text) > 0; k += 3 {
			start := int(raw[k]) % (len(text) + 1)
			end := start + int(raw[k+1])%16
			if end > len(text) {
				end = len(text)
			}
			ms = append(ms, geo.Mention{Text: text[start:end], Start: start, End: end, Name: "P",
				FeatureCode: fuzzCodes[int(raw[k+2])%len(fuzzCodes)], Country: "XX", Admin1: string('0' + rune(raw[k+2]%3)),
				Precision: int(raw[k+2] % 5)})
		}
		a := geo.Article{Text: text, Published: pub}
		for _, inc := range Extract(a, ms) {
			if inc.QuoteStart < 0 || inc.QuoteEnd > len(text) || inc.QuoteStart > inc.QuoteEnd {
				t.Fatalf("quote offsets %d..%d outside text of %d bytes", inc.QuoteStart, inc.QuoteEnd, len(text))
			}
			if text[inc.QuoteStart:inc.QuoteEnd] != inc.Quote {
				t.Fatalf("quote does not match its offsets")
			}
			if !valid[inc.SubEventType] || geo.EventTypeOf(inc.SubEventType) != inc.EventType {
				t.Fatalf("bad type %q / %q", inc.EventType, inc.SubEventType)
			}
			if inc.EventDate > "2024-04-05" {
				t.Fatalf("event date %s after publication", inc.EventDate)
			}
			if inc.GeoPrecision < 1 || inc.GeoPrecision > 3 || inc.TimePrecision < 1 || inc.TimePrecision > 3 {
				t.Fatalf("precision geo %d time %d", inc.GeoPrecision, inc.TimePrecision)
			}
		}
		for _, sp := range SplitSentences(text) {
			if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
				t.Fatalf("sentence %d..%d outside text", sp.Start, sp.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[sp.Start:sp.End]) {
				t.Fatalf("sentence splits a rune")
			}
		}
	})
}
