package geoparse

import (
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// Parser finds and resolves place mentions with one gazetteer. It is safe
// for concurrent use.
type Parser struct {
	ix     *gazetteer.Index
	tokens sync.Pool // []token buffers reused between documents
}

// New returns a parser over the index.
func New(ix *gazetteer.Index) *Parser { return &Parser{ix: ix} }

// MaxTextBytes caps how much of one text is parsed: a news article is a
// few kilobytes; anything past the first MiB is ignored, so a huge input
// costs bounded time and memory.
const MaxTextBytes = 1 << 20

// maxCandidates bounds how many namesakes each mention weighs.
const maxCandidates = 12

// Parse returns the places text names, in text order, each resolved to one
// gazetteer entry. Offsets are bytes into text. Only the first MaxTextBytes
// are read. Invalid UTF-8 is tolerated: such bytes are not part of words.
func (p *Parser) Parse(text string) []geo.Mention {
	if len(text) > MaxTextBytes {
		text = cutAtSpace(text, MaxTextBytes)
	}
	buf, _ := p.tokens.Get().([]token)
	r := &recognizer{ix: p.ix, text: text, toks: tokenize(text, buf[:0])}
	defer func() { p.tokens.Put(r.toks[:0]) }()
	spans := r.run()
	sort.Slice(spans, func(i, j int) bool { return spans[i].first < spans[j].first })
	ms := make([]*mention, 0, len(spans))
	// A report repeats its names ("Russia" ten times): look each up once.
	// The candidates are shared and only read.
	type lookupKey struct {
		name  string
		level geo.Level
	}
	seen := map[lookupKey][]gazetteer.Candidate{}
	for _, sp := range spans {
		m := &mention{sp: sp, name: text[r.toks[sp.first].start:r.toks[sp.last].end], start: r.toks[sp.first].start, container: -1}
		if sp.known {
			k := lookupKey{m.name, sp.level}
			cands, ok := seen[k]
			if !ok {
				cands = p.ix.Lookup(gazetteer.Query{Name: m.name, Key: sp.key, Level: sp.level, Limit: maxCandidates, Bare: true})
				seen[k] = cands
			}
			m.cands = cands
		}
		ms = append(ms, m)
	}
	d := &document{ix: p.ix, text: text, toks: r.toks, ms: ms}
	d.resolve()
	out := make([]geo.Mention, 0, len(ms))
	for _, m := range ms {
		if pl := m.place(); pl != nil {
			named := p.ix.WithAdminNames(*pl)
			out = append(out, geo.MentionOf(text, m.start, m.sp.end, &named, m.precision, m.confidence))
		}
	}
	return out
}

// cutAtSpace shortens text to at most n bytes, ending before a space so no
// word (or rune) is cut in two.
func cutAtSpace(text string, n int) string {
	for i := n; i > n-256 && i > 0; i-- {
		if text[i] == ' ' || text[i] == '\n' {
			return text[:i]
		}
	}
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}
