package geoparse

import (
	"math"
	"sort"

	"github.com/incidentmap/incidentmap/geo"
)

// Explain returns the places text names, as Parse does, each with the
// candidates the resolver weighed and the evidence behind each score
// (geoparse --explain).
func (p *Parser) Explain(text string) []geo.Mention {
	var out []geo.Mention
	p.analyze(text, func(d *document) {
		d.tally()
		d.collectPoints()
		out = d.mentions()
		k := 0
		for i, m := range d.ms {
			if !m.shown() {
				continue
			}
			out[k].Weighed = d.weighed(i)
			k++
		}
	})
	return out
}

// weighed lists mention i's candidates with their scores and evidence,
// best first.
func (d *document) weighed(i int) []geo.Weighed {
	m := d.ms[i]
	out := make([]geo.Weighed, 0, len(m.cands))
	var x [nFeatures]float64
	for k := range m.cands {
		d.features(i, k, &x)
		km := d.nearest(i, k)
		x[fNear], x[fNearLocal] = math.Exp(-km/nearScale), math.Exp(-km/localScale)
		c := &m.cands[k]
		w := geo.Weighed{Name: c.Name, GeonameID: c.GeonameID, FeatureCode: c.FeatureCode, Country: c.Country,
			Admin1: c.Admin1, Population: c.Population, Chosen: k == m.choice, Evidence: map[string]float64{}}
		for f, v := range x {
			if v != 0 {
				contribution := d.w[f] * v
				w.Evidence[featureNames[f]] = math.Round(contribution*1000) / 1000
				w.Score += contribution
			}
		}
		w.Score = math.Round(w.Score*1000) / 1000
		out = append(out, w)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	return out
}
