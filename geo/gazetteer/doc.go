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
package gazetteer
