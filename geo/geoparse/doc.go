// Package geoparse finds the places an English news text names and
// resolves each to one gazetteer entry.
//
// Recognition looks up every run of capitalised words (with the connectors
// place names use: "Rostov-on-Don", "Bosnia and Herzegovina") in the
// gazetteer, longest first, and widens or fixes the level with the
// designators around it ("the Rostov region", "Morozovsk district", "the
// village of Vodiane", "the Kursk, Belgorod and Krasnodar regions"). It
// rejects what only looks like a place: people (a capitalised run that is
// not itself a place, or a name after a title such as "governor"),
// organisations and acronyms, weekdays and months, weapon names used as
// modifiers ("Shahed-type drones"), and capitalised common words at the
// start of a sentence. Demonyms ("Ukrainian drones") name actors, not
// places, and are not mentions.
//
// Resolution scores each candidate by the gazetteer's prior, then by the
// document: containment cues ("Vodiane in the Donetsk region", "Ukraine's
// Kherson"), the countries and regions the document names, and distance to
// the other places it names. A name that is not in the gazetteer but sits
// in a named region falls back to that region with precision 3 rather than
// to a namesake elsewhere.
package geoparse
