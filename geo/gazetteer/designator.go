package gazetteer

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// designators are words that say which level of place a name means
// instead of being part of it: "the Rostov region", "Morozovsk district",
// "the village of Vodiane".
var designators = map[string]geo.Level{
	"region": geo.LevelAdmin1, "regions": geo.LevelAdmin1, "oblast": geo.LevelAdmin1,
	"oblasts": geo.LevelAdmin1, "oblast'": geo.LevelAdmin1, "krai": geo.LevelAdmin1,
	"kray": geo.LevelAdmin1, "province": geo.LevelAdmin1, "provinces": geo.LevelAdmin1,
	"governorate": geo.LevelAdmin1, "governorates": geo.LevelAdmin1, "state": geo.LevelAdmin1,
	"states": geo.LevelAdmin1, "prefecture": geo.LevelAdmin1, "department": geo.LevelAdmin1,
	"departments": geo.LevelAdmin1, "republic": geo.LevelAdmin1, "okrug": geo.LevelAdmin1,
	"district": geo.LevelAdmin2, "districts": geo.LevelAdmin2, "raion": geo.LevelAdmin2,
	"raions": geo.LevelAdmin2, "rayon": geo.LevelAdmin2, "rayons": geo.LevelAdmin2,
	"county": geo.LevelAdmin2, "municipality": geo.LevelAdmin2, "hromada": geo.LevelAdmin2,
	"city": geo.LevelPlace, "town": geo.LevelPlace, "village": geo.LevelPlace,
	"villages": geo.LevelPlace, "settlement": geo.LevelPlace, "settlements": geo.LevelPlace,
	"hamlet": geo.LevelPlace, "towns": geo.LevelPlace, "cities": geo.LevelPlace,
	"область": geo.LevelAdmin1, "край": geo.LevelAdmin1, "район": geo.LevelAdmin2,
	"oblasti": geo.LevelAdmin1, "obl": geo.LevelAdmin1,
}

// DesignatorLevel returns the level a designator word names, if it is one.
func DesignatorLevel(word string) (geo.Level, bool) {
	if l, ok := designators[word]; ok {
		return l, true // already lower case: the common case, no allocation
	}
	if isLowerLetters(word) {
		return geo.LevelUnknown, false // its key and lower case are itself
	}
	l, ok := designators[Key(word)]
	if !ok {
		l, ok = designators[strings.ToLower(word)]
	}
	return l, ok
}

// SplitDesignator removes designator words at the end ("Rostov Oblast"),
// or at the start ("City of Kherson", "village of Vodiane"), of a key and
// returns the remaining core and the level the designator names.
func SplitDesignator(key string) (core string, level geo.Level) {
	words := strings.Fields(key)
	for len(words) > 1 {
		if l, ok := designators[words[len(words)-1]]; ok {
			words, level = words[:len(words)-1], l
			continue
		}
		break
	}
	if len(words) > 2 && words[1] == "of" {
		if l, ok := designators[words[0]]; ok {
			words, level = words[2:], l
		}
	}
	return strings.Join(words, " "), level
}

// adjectiveEndings follow "sk" in Russian and Ukrainian adjectival names
// of regions and districts: Rostovskaya, Morozovsky, Donetska, Kharkivskyi.
var adjectiveEndings = []string{"aya", "aja", "iy", "yi", "ij", "ii", "y", "a", "e", "oe", "oye", "ogo", "i", ""}

// AdjectiveStems returns the noun forms an adjectival name may stand for:
// "rostovskaya" gives "rostov" and "rostovsk", "morozovsky" gives
// "morozov" and "morozovsk", "donetska" gives "donet" and "donetsk".
func AdjectiveStems(word string) []string {
	i := strings.LastIndex(word, "sk")
	if i < 3 {
		return nil
	}
	rest := word[i+2:]
	for _, e := range adjectiveEndings {
		if rest == e {
			if e == "" {
				return []string{word[:i]}
			}
			return []string{word[:i], word[:i+2]}
		}
	}
	return nil
}

// isLowerLetters: word is only ASCII lower-case letters.
func isLowerLetters(word string) bool {
	for i := 0; i < len(word); i++ {
		if word[i] < 'a' || word[i] > 'z' {
			return false
		}
	}
	return true
}
