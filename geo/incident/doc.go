// Package incident turns an article and the places resolved in it into
// ACLED-typed incidents: it splits the text into sentences, types the
// sentences that report an event with a table of cue words (cues.go), ties
// each event to the most specific place its sentence or clause gives it, and
// reads counts, casualties, actors and the event date from the same
// sentence. It is pure: no I/O, no clock, no shared mutable state.
package incident
