package geoparse_test

import (
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo/geoparse"
)

// Thresholds the geoparser must keep on the gold corpus.
const (
	minF1     = 0.90
	minAcc161 = 0.90
)

// TestGoldCorpus runs the evaluation harness over testdata/news. Run with
// -v to see the scores and every miss.
func TestGoldCorpus(t *testing.T) {
	s, err := geoparse.Evaluate(mustParser(t), "testdata/news")
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles < 40 {
		t.Fatalf("gold corpus has %d articles, want at least 40", s.Articles)
	}
	t.Logf("articles %d, gold %d, predicted %d, matched %d", s.Articles, s.Gold, s.Predicted, s.Matched)
	t.Logf("recognition P %.3f R %.3f F1 %.3f; resolution acc@161km %.3f exact %.3f", s.Precision, s.Recall, s.F1, s.Acc161, s.AccExact)
	if testing.Verbose() {
		t.Log("misses:\n" + strings.Join(s.Misses, "\n"))
	}
	if s.F1 < minF1 {
		t.Errorf("recognition F1 %.3f below %.2f", s.F1, minF1)
	}
	if s.Acc161 < minAcc161 {
		t.Errorf("accuracy@161km %.3f below %.2f", s.Acc161, minAcc161)
	}
}
