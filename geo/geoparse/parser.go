package geoparse

import (
	"sort"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// Parser finds and resolves place mentions with one gazetteer. It is safe
// for concurrent use.
type Parser struct {
	ix *gazetteer.Index
}

// New returns a parser over the index.
func New(ix *gazetteer.Index) *Parser { return &Parser{ix: ix} }

// maxCandidates bounds how many namesakes each mention weighs.
const maxCandidates = 40

// Parse returns the places text names, in text order, each resolved to one
// gazetteer entry. Offsets are bytes into text.
func (p *Parser) Parse(text string) []geo.Mention {
	r := &recognizer{ix: p.ix, text: text, toks: tokenize(text)}
	spans := r.run()
	sort.Slice(spans, func(i, j int) bool { return spans[i].first < spans[j].first })
	ms := make([]*mention, 0, len(spans))
	for _, sp := range spans {
		m := &mention{sp: sp, name: text[r.toks[sp.first].start:r.toks[sp.last].end], start: r.toks[sp.first].start, container: -1}
		if sp.known {
			m.cands = p.ix.Lookup(gazetteer.Query{Name: m.name, Level: sp.level, Limit: maxCandidates})
		}
		ms = append(ms, m)
	}
	d := &document{ix: p.ix, text: text, toks: r.toks, ms: ms}
	d.resolve()
	out := make([]geo.Mention, 0, len(ms))
	for _, m := range ms {
		if pl := m.place(); pl != nil {
			out = append(out, geo.MentionOf(text, m.start, m.sp.end, pl, m.precision, m.confidence))
		}
	}
	return out
}
