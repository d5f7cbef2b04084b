// Package gazetteer is the place-name index behind the geoparser: every
// country, admin1 region, admin2 district and populated place of the
// bundled GeoNames-derived data, plus the user's own entries, looked up by
// normalised name, by prefix and by id.
//
// Names are matched through two keys. Key folds case, marks, apostrophes,
// punctuation and Cyrillic script (transliterated) so "Kyïv", "Київ" and
// "kyiv" meet. Loose folds transliteration variants further (zh/z, kh/h,
// y/i, ia/ya, doubled consonants, vowel runs) so "Zaporozhye" meets
// "Zaporizhzhia" and "Kharkov" meets "Kharkiv"; a loose match counts for
// less than an exact one.
//
// The bundled data comes packed with all these indexes built (Pack, done
// at build time by data/gazindex; Open reads it where it lies, see
// packed.go); Load builds the same index from the gazetteer rows. Entries
// put at run time (user entries, imported GeoNames rows) are held on top
// of either.
package gazetteer
