package geoparse

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// CorpusDoc is one article of a public gold corpus in JSON Lines form
// (../shared/corpora): the text, the gold toponyms without offsets, and
// strings that are neither credited nor charged.
type CorpusDoc struct {
	ID      string       `json:"id"`
	Text    string       `json:"text"`
	Gold    []CorpusGold `json:"gold"`
	Neutral []string     `json:"neutral"`
}

// CorpusGold is one annotated toponym: its text as written and its point.
type CorpusGold struct {
	Text      string  `json:"text"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	GeonameID int64   `json:"geonameid"`
	// same, when set, says which entries are the gold one exactly (the
	// project's own corpus knows the level and codes, not just a point);
	// fitting then rewards only those.
	same func(m geo.Mention) bool
}

// CorpusScores follow the field's definitions (Gritta et al. 2019): a gold
// item is found when a prediction overlaps any occurrence of its text;
// precision counts the predictions overlapping a gold occurrence among
// those not overlapping a neutral string; accuracy@161 km is taken over
// the found items and over all gold items; errors are in km, AUC is the
// area under the sorted log(1+km) curve normalised by log(20039).
type CorpusScores struct {
	Articles, Gold, Found, Predicted, Credited int
	Precision, Recall, F1                      float64
	Acc161Found, Acc161All                     float64
	MeanKm, MedianKm, AUC                      float64
	Misses                                     []string // one line per unfound gold, wrong answer or spurious prediction
}

// CountryHolds says whether the country with an ISO code holds a point; the
// scorer credits a country answer whose polygon holds the gold point.
type CountryHolds func(code string, lat, lon float64) bool

// ReadCorpus reads JSON Lines of CorpusDoc.
func ReadCorpus(r io.Reader) ([]CorpusDoc, error) {
	var docs []CorpusDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var d CorpusDoc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// EvaluateCorpus parses every document and scores the predictions. holds
// may be nil (no country-polygon credit). keep, when set, filters the
// predictions before scoring (to score without demonyms, say).
func EvaluateCorpus(parse func(string) []geo.Mention, docs []CorpusDoc, holds CountryHolds, keep func(geo.Mention) bool) CorpusScores {
	var s CorpusScores
	var errs []float64
	right := 0
	for _, d := range docs {
		got := parse(d.Text)
		if keep != nil {
			kept := got[:0:0]
			for _, m := range got {
				if keep(m) {
					kept = append(kept, m)
				}
			}
			got = kept
		}
		s.Articles++
		gold := occurrences(d.Text, goldTexts(d.Gold))
		neutral := occurrences(d.Text, d.Neutral)
		for _, m := range got {
			switch {
			case overlapsAny(m, gold):
				s.Predicted++
				s.Credited++
			case overlapsAny(m, neutral):
			default:
				s.Predicted++
				s.Misses = append(s.Misses, fmt.Sprintf("%s: spurious %q at %d → %s (%s %s)", d.ID, m.Text, m.Start, m.Name, m.FeatureCode, m.Country))
			}
		}
		nth := map[string]int{}
		for _, g := range d.Gold {
			s.Gold++
			spans := gold[g.Text]
			k := nth[g.Text]
			nth[g.Text]++
			m, ok := answerFor(got, spans, k)
			if !ok {
				s.Misses = append(s.Misses, fmt.Sprintf("%s: missed %q", d.ID, g.Text))
				continue
			}
			s.Found++
			km := Distance(m.Lat, m.Lon, g.Lat, g.Lon)
			errs = append(errs, km)
			ok = km <= AccuracyKm || g.GeonameID != 0 && m.GeonameID == g.GeonameID ||
				holds != nil && geo.LevelOf(m.FeatureCode) == geo.LevelCountry && holds(m.Country, g.Lat, g.Lon)
			if ok {
				right++
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s: %q → %s (%s %s.%s) %.0f km off", d.ID, g.Text, m.Name, m.FeatureCode, m.Country, m.Admin1, km))
			}
		}
	}
	s.Precision = ratio(s.Credited, s.Predicted)
	s.Recall = ratio(s.Found, s.Gold)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.Acc161Found = ratio(right, s.Found)
	s.Acc161All = ratio(right, s.Gold)
	s.MeanKm, s.MedianKm, s.AUC = errorStats(errs)
	return s
}

type byteSpan struct{ start, end int }

func goldTexts(gold []CorpusGold) []string {
	out := make([]string, len(gold))
	for i, g := range gold {
		out[i] = g.Text
	}
	return out
}

// occurrences finds every occurrence of each string in text, by string.
func occurrences(text string, strs []string) map[string][]byteSpan {
	out := map[string][]byteSpan{}
	for _, s := range strs {
		if s == "" {
			continue
		}
		if _, done := out[s]; done {
			continue
		}
		var spans []byteSpan
		for from := 0; ; {
			i := strings.Index(text[from:], s)
			if i < 0 {
				break
			}
			spans = append(spans, byteSpan{from + i, from + i + len(s)})
			from += i + len(s)
		}
		out[s] = spans
	}
	return out
}

func overlapsAny(m geo.Mention, occ map[string][]byteSpan) bool {
	for _, spans := range occ {
		for _, sp := range spans {
			if m.Start < sp.end && sp.start < m.End {
				return true
			}
		}
	}
	return false
}

// answerFor picks the prediction that answers the k-th gold item of a
// text: one overlapping the k-th occurrence of that text when there is
// one, else the first overlapping any occurrence.
func answerFor(got []geo.Mention, spans []byteSpan, k int) (geo.Mention, bool) {
	if k < len(spans) {
		for _, m := range got {
			if m.Start < spans[k].end && spans[k].start < m.End {
				return m, true
			}
		}
	}
	for _, sp := range spans {
		for _, m := range got {
			if m.Start < sp.end && sp.start < m.End {
				return m, true
			}
		}
	}
	return geo.Mention{}, false
}

// errorStats gives the mean and median error and the AUC of the sorted
// log(1+km) curve (trapezoids, normalised by log of half the Earth's
// circumference, as Gritta et al. compute it).
func errorStats(errs []float64) (mean, median, auc float64) {
	if len(errs) == 0 {
		return 0, 0, 0
	}
	sorted := append([]float64(nil), errs...)
	sort.Float64s(sorted)
	sum := 0.0
	for _, e := range sorted {
		sum += e
	}
	mean = sum / float64(len(sorted))
	n := len(sorted)
	if n%2 == 1 {
		median = sorted[n/2]
	} else {
		median = (sorted[n/2-1] + sorted[n/2]) / 2
	}
	if n == 1 {
		return mean, median, math.Log(1+sorted[0]) / math.Log(20039)
	}
	area := 0.0
	for i := 1; i < n; i++ {
		area += (math.Log(1+sorted[i-1]) + math.Log(1+sorted[i])) / 2
	}
	auc = area / float64(n-1) / math.Log(20039)
	return mean, median, auc
}
