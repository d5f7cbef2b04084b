// Package geoparse finds the places an English news text names and
// resolves each to one gazetteer entry.
//
// Recognition looks up every run of capitalised words (with the connectors
// place names use: "Rostov-on-Don", "Bosnia and Herzegovina") in the
// gazetteer, longest first, reads news abbreviations ("U.S.", "W.Va.",
// "Alexandria, La.") and wire datelines, and widens or fixes the level with
// the designators around it ("the Rostov region", "the village of
// Vodiane", "the Kursk, Belgorod and Krasnodar regions"). It rejects what
// only looks like a place: people (titles, first names, initials,
// speakers), organisations and acronyms, weekdays and months, weapon and
// disease names used as modifiers, and English words or first names that
// name only a small place unless the text puts them somewhere (a word list
// and a first-name list tell them apart). Peoples ("Sudanese") are
// mentions of kind demonym, resolved to their country.
//
// Resolution weighs every candidate of every mention with named evidence
// (features.go): size and kind of the entry, how the name matched,
// containment both ways, the regions and countries the document names or
// mostly lies in, list neighbours and distance to the other places. The
// weights are fitted on gold corpora (FitResolver, `make train`) and kept
// in resolver_weights.tsv; Explain shows them at work. A name the
// gazetteer lacks that sits in a named region falls back to that region
// with precision 3 and is reported as unresolved.
package geoparse
