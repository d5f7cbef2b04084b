package server

import (
	"strconv"
	"unicode/utf8"

	"github.com/incidentmap/incidentmap/geo/export"
)

// appendIncidentProperties appends p as json.Marshal writes it, byte for
// byte: the fields in struct order, nil pointers as null, and strings
// escaped as encoding/json escapes them with HTML escaping on (<, > and &
// as \u003c, \u003e, \u0026), so untrusted text never turns into markup.
// Reflection was most of the cost of encoding a page of incidents.
func appendIncidentProperties(b []byte, p *export.Properties) []byte {
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, p.ID, 10)
	b = appendStringField(b, `,"event_type":`, p.EventType)
	b = appendStringField(b, `,"sub_event_type":`, p.SubEventType)
	b = appendStringField(b, `,"event_date":`, p.EventDate)
	b = append(b, `,"time_precision":`...)
	b = strconv.AppendInt(b, int64(p.TimePrecision), 10)
	b = appendStringField(b, `,"location":`, p.Location)
	b = append(b, `,"geonameid":`...)
	b = strconv.AppendInt(b, p.GeonameID, 10)
	b = appendStringField(b, `,"feature_code":`, p.FeatureCode)
	b = appendStringField(b, `,"country":`, p.Country)
	b = appendStringField(b, `,"admin1":`, p.Admin1)
	b = appendStringField(b, `,"admin1_name":`, p.Admin1Name)
	b = appendStringField(b, `,"admin2":`, p.Admin2)
	b = append(b, `,"geo_precision":`...)
	b = strconv.AppendInt(b, int64(p.GeoPrecision), 10)
	b = appendIntPtr(append(b, `,"count":`...), p.Count)
	b = appendStringPtr(append(b, `,"count_unit":`...), p.CountUnit)
	b = appendIntPtr(append(b, `,"fatalities":`...), p.Fatalities)
	b = appendStringPtr(append(b, `,"fatalities_claimed_by":`...), p.FatalitiesClaimedBy)
	b = appendIntPtr(append(b, `,"injured":`...), p.Injured)
	b = appendStringPtr(append(b, `,"actor1":`...), p.Actor1)
	b = appendStringPtr(append(b, `,"actor2":`...), p.Actor2)
	b = appendStringField(b, `,"quote":`, p.Quote)
	b = append(b, `,"quote_start":`...)
	b = strconv.AppendInt(b, int64(p.QuoteStart), 10)
	b = append(b, `,"quote_end":`...)
	b = strconv.AppendInt(b, int64(p.QuoteEnd), 10)
	b = append(b, `,"sources":`...)
	if p.Sources == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range p.Sources {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendSourceProperties(b, &p.Sources[i])
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendSourceProperties(b []byte, s *export.SourceProperties) []byte {
	b = append(b, `{"article_id":`...)
	b = strconv.AppendInt(b, s.ArticleID, 10)
	b = appendStringField(b, `,"title":`, s.Title)
	b = appendStringPtr(append(b, `,"url":`...), s.URL)
	b = appendStringPtr(append(b, `,"published":`...), s.Published)
	return append(b, '}')
}

func appendStringField(b []byte, name, s string) []byte {
	return appendJSONString(append(b, name...), s)
}

func appendIntPtr(b []byte, n *int) []byte {
	if n == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*n), 10)
}

func appendStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *s)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json does with HTML
// escaping: invalid UTF-8 becomes \ufffd, and U+2028 and U+2029 are
// escaped for JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
