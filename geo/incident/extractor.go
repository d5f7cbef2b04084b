package incident

import (
	"sync"

	"github.com/incidentmap/incidentmap/geo"
)

// Options configures an Extractor.
type Options struct {
	// Cues replaces the event table; nil means DefaultCues().
	Cues []Cue
}

// Extractor turns articles into incidents with a compiled cue table. It is
// safe for concurrent use.
type Extractor struct {
	cues *cueTable
}

// New compiles the options into an Extractor.
func New(opts Options) *Extractor {
	cues := opts.Cues
	if cues == nil {
		cues = DefaultCues()
	}
	return &Extractor{cues: compileCues(cues)}
}

var defaultExtractor = sync.OnceValue(func() *Extractor { return New(Options{}) })

// Extract turns an article and the places resolved in it into incidents,
// with the default cue table.
func Extract(a geo.Article, mentions []geo.Mention) []geo.Incident {
	return defaultExtractor().Extract(a, mentions)
}

// sentence is one analysed sentence of an article.
type sentence struct {
	span    Span
	toks    []token
	clauses [][2]int
	places  []placeRef
	events  []*event
	date    eventDate
	dated   bool
}

// Extract turns an article and the places resolved in it into incidents.
// Mentions may come in any order; ones whose offsets do not fit the text
// are ignored. Relative dates ("on Thursday") resolve against a.Published.
func (x *Extractor) Extract(a geo.Article, mentions []geo.Mention) []geo.Incident {
	ms := cleanMentions(a.Text, mentions)
	spans := SplitSentences(a.Text)
	sents := make([]sentence, len(spans))
	for i, sp := range spans {
		sents[i] = x.analyse(a.Text, sp, ms, a)
	}
	b := builder{article: a, sents: sents, prevEvent: -1, fallback: eventDate{dayOf(a.Published), geo.TimeWeek}}
	for _, s := range sents {
		if len(s.events) > 0 && s.dated {
			b.fallback = s.date // the lead's date stands for undated sentences before it
			break
		}
	}
	for i := range sents {
		b.sentence(i)
	}
	return dedupe(mergeProtests(b.out))
}

// analyse tokenises a sentence, finds its clauses, places, events and date.
func (x *Extractor) analyse(text string, sp Span, ms []geo.Mention, a geo.Article) sentence {
	s := sentence{span: sp, toks: tokenize(text, sp.Start, sp.End)}
	s.clauses = splitClauses(s.toks)
	s.places = sentencePlaces(ms, s.toks, s.clauses, sp.Start, sp.End)
	cueOf := make([]cueHit, len(s.clauses))
	hasCue := make([]bool, len(s.clauses))
	if !habitual(s.toks) {
		hasPlace := subCountry(s.places)
		for c, r := range s.clauses {
			cueOf[c], hasCue[c] = x.cues.bestCue(s.toks, r[0], r[1], hasPlace)
		}
	}
	markEligible(s.places, s.toks, s.clauses, hasCue)
	markQualifiers(s.places, s.toks)
	markSites(s.places, s.toks)
	s.events = sentenceEvents(cueOf, hasCue)
	s.date, s.dated = findDate(s.toks, a.Published)
	return s
}
