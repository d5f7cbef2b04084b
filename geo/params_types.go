package geo

import (
	"sort"
	"strings"
)

// EventTypes lists ACLED's event types in their usual order.
var EventTypes = []string{Battles, ExplosionsRemote, ViolenceCivilians, Protests, Riots, StrategicDevelopments}

// ParseEventTypes checks an event type filter, ignoring case, and returns
// the exact ACLED spellings; an unknown value is an error that lists the
// valid types. The server's event_type parameter and the export command's
// --event-type flag both use it.
func ParseEventTypes(values []string) ([]string, error) {
	out := make([]string, 0, len(values))
	for _, v := range values {
		t, ok := matchFold(v, EventTypes)
		if !ok {
			return nil, FieldError("event_type", "unknown event type %q; valid types: %s", v, strings.Join(EventTypes, "; "))
		}
		out = append(out, t)
	}
	return out, nil
}

// ParseSubEventTypes is ParseEventTypes for sub-event types.
func ParseSubEventTypes(values []string) ([]string, error) {
	var all []string
	for _, t := range EventTypes {
		all = append(all, Taxonomy[t]...)
	}
	out := make([]string, 0, len(values))
	for _, v := range values {
		t, ok := matchFold(v, all)
		if !ok {
			sorted := append([]string(nil), all...)
			sort.Strings(sorted)
			return nil, FieldError("sub_event_type", "unknown sub-event type %q; valid sub-event types: %s", v, strings.Join(sorted, "; "))
		}
		out = append(out, t)
	}
	return out, nil
}

func matchFold(v string, options []string) (string, bool) {
	v = strings.TrimSpace(v)
	for _, o := range options {
		if strings.EqualFold(o, v) {
			return o, true
		}
	}
	return "", false
}
