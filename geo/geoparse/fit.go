package geoparse

import (
	"math"

	"github.com/incidentmap/incidentmap/geo"
)

// FitReport says how well the resolver picks a right candidate on the
// fitting data, before and after the fit.
type FitReport struct {
	Docs, Mentions       int     // mentions with a right and a wrong candidate
	Before, After        float64 // share of those whose top candidate is right
	Iterations, Rounds   int
	FinalLoss, FinalNorm float64
}

// example is one mention with a choice to make: the features of each
// candidate and which candidates are right (within 161 km of the gold
// point, the gold entry, or a country holding it).
type example struct {
	x     [][nFeatures]float64
	right []bool
}

// FitResolver learns the resolver's weights from gold documents by
// maximum likelihood of a conditional logit: for each recognised mention
// with both right and wrong candidates, the probability of the right ones
// under softmax(w·x). The context features (containment, country share,
// nearness) depend on the other mentions' choices, so the fit runs in
// rounds: examples are made with the current weights, weights are fitted,
// and the examples are made again with the new ones. Full-batch gradient
// steps from the prior make the result reproducible.
func (p *Parser) FitResolver(docs []CorpusDoc, holds CountryHolds, prior Weights, rounds, iters int) (Weights, FitReport) {
	w := prior
	var rep FitReport
	rep.Rounds, rep.Iterations = rounds, iters
	for round := 0; round < rounds; round++ {
		exs := p.WithWeights(w).examples(docs, holds)
		if round == 0 {
			rep.Docs, rep.Mentions = len(docs), len(exs)
			rep.Before = accuracy(exs, &w)
		}
		w, rep.FinalLoss = fitLogit(exs, w, prior, iters)
	}
	exs := p.WithWeights(w).examples(docs, holds)
	rep.After = accuracy(exs, &w)
	norm := 0.0
	for _, v := range w {
		norm += v * v
	}
	rep.FinalNorm = math.Sqrt(norm)
	return w, rep
}

// examples resolves every document with the parser's weights and turns
// each mention that overlaps a gold toponym into an example.
func (p *Parser) examples(docs []CorpusDoc, holds CountryHolds) []example {
	var exs []example
	for _, doc := range docs {
		occ := occurrences(doc.Text, goldTexts(doc.Gold))
		p.analyze(doc.Text, func(d *document) {
			d.tally()
			d.collectPoints()
			for i, m := range d.ms {
				g, ok := goldAt(doc.Gold, occ, m.start, m.sp.end)
				if !ok || len(m.cands) < 2 {
					continue
				}
				ex := example{x: make([][nFeatures]float64, len(m.cands)), right: make([]bool, len(m.cands))}
				anyRight, anyWrong := false, false
				for k := range m.cands {
					d.features(i, k, &ex.x[k])
					km := d.nearest(i, k)
					ex.x[k][fNear], ex.x[k][fNearLocal] = math.Exp(-km/nearScale), math.Exp(-km/localScale)
					c := &m.cands[k]
					if g.same != nil {
						ex.right[k] = g.same(geo.MentionOf(d.text, m.start, m.sp.end, &c.Place, 0, 0))
					} else {
						ex.right[k] = Distance(c.Lat, c.Lon, g.Lat, g.Lon) <= AccuracyKm ||
							g.GeonameID != 0 && c.GeonameID == g.GeonameID ||
							holds != nil && c.Level() == geo.LevelCountry && holds(c.Country, g.Lat, g.Lon)
					}
					anyRight = anyRight || ex.right[k]
					anyWrong = anyWrong || !ex.right[k]
				}
				if anyRight && anyWrong {
					exs = append(exs, ex)
				}
			}
		})
	}
	return exs
}

// goldAt is the gold toponym one of whose occurrences overlaps [start, end).
func goldAt(gold []CorpusGold, occ map[string][]byteSpan, start, end int) (CorpusGold, bool) {
	for _, g := range gold {
		for _, sp := range occ[g.Text] {
			if start < sp.end && sp.start < end {
				return g, true
			}
		}
	}
	return CorpusGold{}, false
}

// fitLogit minimises the mean negative log-likelihood of the right
// candidates plus an L2 penalty on the distance from the prior weights,
// with Adam steps from w. Each feature's penalty grows as the examples
// that can tell its candidates apart get fewer: a feature the data says
// little about (a designator inside an entry's own name, say, which news
// corpora rarely exercise) keeps close to its prior weight.
func fitLogit(exs []example, w, prior Weights, iters int) (Weights, float64) {
	const (
		rate   = 0.05
		lambda = 1e-3
		b1, b2 = 0.9, 0.999
	)
	var penalty Weights
	for f, n := range informative(exs) {
		penalty[f] = lambda * float64(len(exs)+1) / (float64(n) + 1) / 10
		penalty[f] = max(penalty[f], lambda)
	}
	var m1, m2 Weights
	loss := 0.0
	scores := make([]float64, 0, 64)
	for t := 1; t <= iters; t++ {
		var grad Weights
		loss = 0
		for _, ex := range exs {
			scores = scores[:0]
			top := math.Inf(-1)
			for k := range ex.x {
				s := w.dot(&ex.x[k])
				scores = append(scores, s)
				top = math.Max(top, s)
			}
			var all, right float64
			for k, s := range scores {
				e := math.Exp(s - top)
				scores[k] = e
				all += e
				if ex.right[k] {
					right += e
				}
			}
			loss -= math.Log(right / all)
			// d(-log P(right))/dw = E_all[x] - E_right[x]
			for k, e := range scores {
				coef := e / all
				if ex.right[k] {
					coef -= e / right
				}
				for f := range grad {
					grad[f] += coef * ex.x[k][f]
				}
			}
		}
		n := float64(len(exs))
		loss /= n
		for f := range grad {
			dw := w[f] - prior[f]
			g := grad[f]/n + penalty[f]*dw
			loss += penalty[f] / 2 * dw * dw
			m1[f] = b1*m1[f] + (1-b1)*g
			m2[f] = b2*m2[f] + (1-b2)*g*g
			mh := m1[f] / (1 - math.Pow(b1, float64(t)))
			vh := m2[f] / (1 - math.Pow(b2, float64(t)))
			w[f] -= rate * mh / (math.Sqrt(vh) + 1e-8)
		}
	}
	return w, loss
}

// informative counts, per feature, the examples whose candidates differ in
// it: only those carry evidence about its weight.
func informative(exs []example) [nFeatures]int {
	var n [nFeatures]int
	for _, ex := range exs {
		for f := range n {
			for k := 1; k < len(ex.x); k++ {
				if ex.x[k][f] != ex.x[0][f] {
					n[f]++
					break
				}
			}
		}
	}
	return n
}

// accuracy is the share of examples whose best-scored candidate is right.
func accuracy(exs []example, w *Weights) float64 {
	if len(exs) == 0 {
		return 0
	}
	right := 0
	for _, ex := range exs {
		best, top := 0, math.Inf(-1)
		for k := range ex.x {
			if s := w.dot(&ex.x[k]); s > top {
				best, top = k, s
			}
		}
		if ex.right[best] {
			right++
		}
	}
	return float64(right) / float64(len(exs))
}
