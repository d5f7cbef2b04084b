package incident

import (
	"sort"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// anaphoric openers let a sentence continue the place of the paragraph
// before it ("The village is situated ...", "The military said the drones ...").
var anaphoric = setOf("the", "this", "that", "these", "those", "it", "its", "he", "she", "they",
	"their", "his", "her", "there", "later", "meanwhile", "earlier")

// partitives in a place's clause mean the count is a total of which only a
// part happened there ("53 drones, the majority of which targeted Rostov").
var partitives = setOf("majority", "most", "some", "many", "part", "half", "rest", "remainder", "others")

// builder walks the analysed sentences in order, carrying the date, the
// last counted noun and the previous event's incidents.
type builder struct {
	article   geo.Article
	sents     []sentence
	out       []geo.Incident
	fallback  eventDate
	carryDate *eventDate
	lastUnit  string
	prevEvent int // index of the last sentence that made incidents, or -1
	prevOut   []int
}

func (b *builder) sentence(i int) {
	s := &b.sents[i]
	defer func() { b.lastUnit = lastUnitIn(s.toks, b.lastUnit) }()
	if len(s.events) == 0 || background(*s, b.article.Published) {
		b.casualtyFollowUp(i)
		return
	}
	date := b.fallback
	if b.carryDate != nil {
		date = *b.carryDate
	}
	if s.dated {
		date = s.date
		b.carryDate = &s.date
	}
	events := placeEvents(absorb(s.events, s.toks), s.places)
	if len(events[0].places) == 0 {
		if b.prevEvent == i-1 && onlyCasualties(s, events) {
			// "Russian artillery hit Beryslav. A man was killed.": the
			// second sentence counts the first one's victims.
			b.casualtyFollowUp(i)
			return
		}
		if !b.carryable(i) {
			b.casualtyFollowUp(i)
			return
		}
		carried := b.carriedPlaces(i)
		if len(carried) == 0 {
			return
		}
		for _, ev := range events {
			ev.places = carried
		}
	}
	b.prevEvent, b.prevOut = i, nil
	for _, ev := range events {
		b.emit(s, ev, date)
	}
}

// casualtyVerbs report victims without saying what struck them.
var casualtyVerbs = setOf("killed", "wounded", "injured", "died", "dead", "hurt")

// onlyCasualties: the sentence's events are all attacks known only from a
// casualty verb ("A man was killed and his wife was wounded").
func onlyCasualties(s *sentence, events []*event) bool {
	for _, ev := range events {
		if ev.sub != geo.SubAttack || ev.cueTok < 0 || ev.cueTok >= len(s.toks) || !casualtyVerbs[s.toks[ev.cueTok].low] {
			return false
		}
	}
	return true
}

// carriedPlaces are the places a sentence without its own place continues:
// those of the nearest earlier sentence of the same paragraph that has
// eligible places, or, for a sentence opening a paragraph with an anaphoric
// word, those of the last sentence of the paragraph before.
func (b *builder) carriedPlaces(i int) []placeRef {
	s := b.sents[i]
	for k := i - 1; k >= 0; k-- {
		prev := b.sents[k]
		sameParagraph := prev.span.Paragraph == s.span.Paragraph
		if !sameParagraph {
			if k != i-1 || prev.span.Paragraph != s.span.Paragraph-1 || len(s.toks) == 0 || !anaphoric[s.toks[0].low] {
				return nil
			}
		}
		if places := eligiblePlaces(prev); len(places) > 0 {
			return places
		}
		if !sameParagraph {
			return nil
		}
	}
	return nil
}

// eligiblePlaces are a sentence's places that could locate an event: those
// of its events if it has any, else its eligible mentions.
func eligiblePlaces(s sentence) []placeRef {
	var out []placeRef
	for _, ev := range s.events {
		out = append(out, ev.places...)
	}
	if len(out) > 0 {
		return out
	}
	for _, r := range s.places {
		if r.eligible {
			out = append(out, r)
		}
	}
	return mostSpecific(out)
}

// emit adds one incident per place of the event.
func (b *builder) emit(s *sentence, ev *event, date eventDate) {
	ranges := clauseRanges(s.clauses, ev)
	fig := readFigures(s.toks, ranges, b.lastUnit)
	if fig.count != nil && !countHolds(s, ev, fig) {
		fig.count, fig.unit = nil, ""
	}
	var countries []placeRef
	for _, r := range s.places {
		if geo.LevelOf(r.m.FeatureCode) == geo.LevelCountry {
			countries = append(countries, r)
		}
	}
	actor1, actor2 := assignActors(ev.sub, findActors(b.article.Text, s.toks, ranges, countries, ev.cueTok))
	sub := refineProtest(ev.sub, s.toks, fig.fatalities)
	own := ownFigures(s, ev, ranges, b.lastUnit)
	for j, p := range ev.places {
		inc := geo.Incident{
			EventType: geo.EventTypeOf(sub), SubEventType: sub,
			EventDate: date.day.Format("2006-01-02"), TimePrecision: date.precision,
			Location: locationName(p.m), GeonameID: p.m.GeonameID, FeatureCode: p.m.FeatureCode,
			Country: p.m.Country, Admin1: p.m.Admin1, Admin1Name: p.m.Admin1Name, Admin2: admin2Of(p.m),
			Lat: p.m.Lat, Lon: p.m.Lon, GeoPrecision: geoPrecision(p),
			Count: fig.count, CountUnit: fig.unit, Fatalities: fig.fatalities, Injured: fig.injured,
			Actor1: actor1, Actor2: actor2,
			Quote:      b.article.Text[s.span.Start:s.span.End],
			QuoteStart: s.span.Start, QuoteEnd: s.span.End,
			Sources: []geo.Source{{ArticleID: b.article.ID, Title: b.article.Title, URL: b.article.URL, Published: b.article.Published}},
		}
		if inc.Location == "" {
			inc.Location = p.m.Text
		}
		if fig.fatalities != nil && fig.claimTo > fig.claimFrom {
			inc.FatalitiesClaimedBy = strings.ReplaceAll(b.article.Text[s.toks[fig.claimFrom].start:s.toks[fig.claimTo-1].end], "’", "'")
		}
		if len(ev.places) > 1 {
			// A figure stated for several places at once cannot be split,
			// unless each place comes with its own ("killed two in X and
			// wounded three in Y").
			inc.Fatalities, inc.Injured = zeroOnly(fig.fatalities), zeroOnly(fig.injured)
			if own != nil {
				inc.Fatalities, inc.Injured = own[j].fatalities, own[j].injured
			}
			if inc.Fatalities == nil || own != nil {
				inc.FatalitiesClaimedBy = ""
			}
		}
		b.prevOut = append(b.prevOut, len(b.out))
		b.out = append(b.out, inc)
	}
}

// ownFigures reads, for an event with several places, the casualties
// stated in the stretch of words that leads to each place: from the end of
// the place before (or the clause's start) to the place itself. It returns
// nil unless every place has casualties of its own, so a single figure
// before a list ("killed five in X and Y") is never split.
func ownFigures(s *sentence, ev *event, ranges [][2]int, lastUnit string) []figures {
	if len(ranges) == 0 {
		return nil
	}
	out := make([]figures, len(ev.places))
	from := ranges[0][0]
	for j, p := range ev.places {
		if p.m.Start < s.span.Start || p.m.End > s.span.End || p.first < from || p.last >= len(s.toks) {
			return nil // a place of another sentence, or out of text order: no stretches to read
		}
		f := readFigures(s.toks, [][2]int{{from, p.last + 1}}, lastUnit)
		if f.fatalities == nil && f.injured == nil {
			return nil
		}
		out[j] = f
		from = p.last + 1
	}
	return out
}

// locationName is the name an incident shows for its place: as the article
// spells it when that is one of the entry's own names ("Rostov-on-Don"),
// else the gazetteer's.
func locationName(m geo.Mention) string {
	if m.WrittenName != "" {
		return m.WrittenName
	}
	return m.Name
}

func zeroOnly(p *int) *int {
	if p != nil && *p == 0 {
		return p
	}
	return nil
}

// countHolds reports whether the count belongs to the event's place: not
// when the event has several places, nor when the place sits in another
// clause that names only a part of the count.
func countHolds(s *sentence, ev *event, fig figures) bool {
	if len(ev.places) != 1 {
		return false
	}
	countClause := clauseOf(s.clauses, fig.countTok)
	pc := ev.places[0].clause
	if pc == countClause || pc >= len(s.clauses) {
		return true
	}
	r := s.clauses[pc]
	for k := r[0]; k < r[1]; k++ {
		if partitives[s.toks[k].low] {
			return false
		}
	}
	return true
}

// clauseRanges lists the event's own clauses first, then the others.
func clauseRanges(clauses [][2]int, ev *event) [][2]int {
	idx := append([]int(nil), ev.own...)
	rest := make([]int, 0, len(ev.clauses))
	for _, c := range ev.clauses {
		if !containsInt(ev.own, c) {
			rest = append(rest, c)
		}
	}
	sort.Ints(rest)
	idx = append(idx, rest...)
	out := make([][2]int, 0, len(idx))
	for _, c := range idx {
		out = append(out, clauses[c])
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// admin2Of is the district as ACLED names it: its name, else its code.
func admin2Of(m geo.Mention) string {
	if m.Admin2Name != "" {
		return m.Admin2Name
	}
	return m.Admin2
}
