package geoparse

import (
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// Parser finds and resolves place mentions with one gazetteer. It is safe
// for concurrent use.
type Parser struct {
	ix  *gazetteer.Index
	lex *Lexicon
	w   Weights
	// countryPrefixes start every country's name key (demonym pre-check).
	countryPrefixes map[string]bool
	answers         *answers
	scratch         sync.Pool // *scratch, lent to one document at a time
}

// scratch is what parsing one document borrows and gives back clean:
// buffers that follow the text's size, and the regions renumbered.
type scratch struct {
	toks     []token
	keys     []string
	mentions []mention // the document's mentions, and their scores' room
	ms       []*mention
	local    localRegions
	spots    []colocSpot // coLocatedStart's
	byLat    []int
}

// New returns a parser over the index. lex may be nil (no knowledge of
// English words and first names; recognition is then less precise).
func New(ix *gazetteer.Index, lex *Lexicon) *Parser {
	return &Parser{ix: ix, lex: lex, w: FittedWeights(), countryPrefixes: countryPrefixes(ix), answers: &answers{}}
}

// WithWeights returns a copy of the parser that resolves with w (for
// fitting and comparing weights).
func (p *Parser) WithWeights(w Weights) *Parser {
	return &Parser{ix: p.ix, lex: p.lex, w: w, countryPrefixes: p.countryPrefixes, answers: p.answers}
}

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
	var out []geo.Mention
	p.analyze(text, func(d *document) { out = d.mentions() })
	return out
}

// analyze recognises and resolves the places of text and hands the
// resolved document to use, while its token buffer is still lent.
func (p *Parser) analyze(text string, use func(d *document)) {
	if len(text) > MaxTextBytes {
		text = cutAtSpace(text, MaxTextBytes)
	}
	sc, _ := p.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	r := &recognizer{ix: p.ix, lex: p.lex, countryPrefixes: p.countryPrefixes, answers: p.answers, text: text, toks: tokenize(text, sc.toks[:0])}
	r.keys = resized(sc.keys, len(r.toks))
	defer func() {
		clear(r.keys) // no string outlives its document
		for i := range sc.mentions {
			sc.mentions[i] = mention{scores: sc.mentions[i].scores[:0]}
		}
		sc.ms = sc.ms[:0]
		sc.toks, sc.keys = r.toks[:0], r.keys[:0]
		sc.local.countries.clean()
		sc.local.divisions.clean()
		p.scratch.Put(sc)
	}()
	spans := r.run()
	sort.Slice(spans, func(i, j int) bool { return spans[i].first < spans[j].first })
	spans = withoutOverlaps(spans, r.toks)
	ms := sc.ms[:0]
	if cap(sc.mentions) < len(spans) {
		sc.mentions = make([]mention, len(spans))
	}
	store := sc.mentions[:len(spans)]
	for i, sp := range spans {
		m := &store[i]
		scores := m.scores[:0] // the room of an earlier document's scores
		*m = mention{sp: sp, name: text[r.toks[sp.first].start:r.toks[sp.last].end], start: r.toks[sp.first].start, container: -1, scores: scores}
		if sp.admin1 != "" {
			if pl, ok := p.ix.Admin1(sp.admin1); ok {
				m.named = newNamed(p.ix, &p.answers.regions, sp.key, sp.level, []gazetteer.Candidate{{Place: pl, Score: gazetteer.Prior(&pl), LevelMatch: true}})
				m.cands = m.named.cands
			}
		} else if sp.known {
			// The candidates are shared between mentions and documents, and only read.
			m.named = p.answers.meanings(p.ix, question{key: sp.key, q: askCandidates, level: sp.level}, func() []gazetteer.Candidate {
				return p.ix.Lookup(gazetteer.Query{Key: sp.key, Level: sp.level, Limit: maxCandidates, Bare: true})
			})
			m.cands = m.named.cands
		}
		ms = append(ms, m)
	}
	sc.ms = ms
	d := &document{ix: p.ix, text: text, toks: r.toks, ms: ms, w: &p.w, sc: sc}
	d.number(&p.answers.regions, &sc.local)
	d.resolve()
	use(d)
}

// mentions are the document's resolved places in text order.
func (d *document) mentions() []geo.Mention {
	out := make([]geo.Mention, 0, len(d.ms))
	for _, m := range d.ms {
		if pl := m.place(); m.shown() {
			var named *geo.Place
			if m.choice >= 0 {
				named = &m.named.withNames[m.choice] // worked out once per name
			} else {
				p := d.ix.WithAdminNames(*pl)
				named = &p
			}
			mt := geo.MentionOf(d.text, m.start, m.sp.end, named, m.precision, m.confidence)
			if m.sp.demonym {
				mt.Kind, mt.Precision = geo.KindDemonym, geo.PrecisionRegion
			} else if m.choice >= 0 {
				mt.WrittenName = writtenName(m, &m.cands[m.choice])
			}
			out = append(out, mt)
		}
	}
	return out
}

// writtenName is the name as the text spells it, when it differs from the
// entry's main name and is one of the entry's own names (not a loose
// variant) in mixed-case Latin script; otherwise "".
func writtenName(m *mention, c *gazetteer.Candidate) string {
	if c.Match != gazetteer.MatchExact || c.Level() != geo.LevelPlace || m.name == c.Name || m.name == c.ASCIIName {
		return ""
	}
	upper, lower := false, false
	for _, r := range m.name {
		switch {
		case r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin):
			return "" // Cyrillic and other scripts: the entry's Latin name reads better
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		}
	}
	if !upper || !lower {
		return "" // "KHARKIV" in a dateline
	}
	return m.name
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

// Geoparse returns the places text names and the names it marks as places
// that the gazetteer does not hold.
func (p *Parser) Geoparse(text string) geo.Geoparse {
	var out geo.Geoparse
	p.analyze(text, func(d *document) {
		out.Places = d.mentions()
		out.Unresolved = d.unresolved()
	})
	return out
}

// unresolved lists the names the gazetteer does not hold where the text
// puts them: names taken from place cues ("the village of X") and names
// whose namesakes all lie outside the region the text names; each with the
// region it fell back to (or nil).
func (d *document) unresolved() []geo.Unresolved {
	out := []geo.Unresolved{}
	for _, m := range d.ms {
		if m.fallback == nil && !(m.sp.fromCue && m.choice < 0) {
			continue
		}
		end := d.toks[m.sp.last].end
		u := geo.Unresolved{Text: d.text[m.start:end], Start: m.start, End: end}
		if r := m.fallback; r != nil {
			named := d.ix.WithAdminNames(*r)
			u.Region = &geo.RegionRef{Name: named.Name, GeonameID: named.GeonameID, FeatureCode: named.FeatureCode,
				Country: named.Country, Admin1: named.Admin1, Admin1Name: named.Admin1Name, Lat: named.Lat, Lon: named.Lon}
		}
		out = append(out, u)
	}
	return out
}

// withoutOverlaps drops a span that starts inside the text of the one
// before it (a designator taken into a mention may be the next name's
// first word).
func withoutOverlaps(spans []span, toks []token) []span {
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && toks[sp.first].start < out[n-1].end {
			continue
		}
		out = append(out, sp)
	}
	return out
}
