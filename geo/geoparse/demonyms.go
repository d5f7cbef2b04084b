package geoparse

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/gazetteer"
)

// irregularDemonyms are the adjectives of peoples that no suffix rule
// turns into their country's name, with the country's ISO code.
var irregularDemonyms = map[string]string{
	"french": "FR", "dutch": "NL", "british": "GB", "english": "GB", "scottish": "GB", "scots": "GB",
	"welsh": "GB", "irish": "IE", "swiss": "CH", "greek": "GR", "thai": "TH", "filipino": "PH",
	"spanish": "ES", "danish": "DK", "swedish": "SE", "finnish": "FI", "polish": "PL",
	"portuguese": "PT", "saudi": "SA", "emirati": "AE", "turkish": "TR", "afghan": "AF",
	"congolese": "CD", "burmese": "MM", "peruvian": "PE", "malagasy": "MG", "argentine": "AR",
	"argentinian": "AR", "american": "US", "icelandic": "IS", "maltese": "MT", "cypriot": "CY",
	"kiwi": "NZ", "new zealander": "NZ", "salvadoran": "SV", "honduran": "HN", "nepali": "NP",
	"nepalese": "NP", "bangladeshi": "BD", "sri lankan": "LK", "south african": "ZA",
	"north korean": "KP", "south korean": "KR", "south sudanese": "SS", "south ossetian": "GE",
	"bosnian": "BA", "serb": "RS", "serbian": "RS", "croat": "HR", "croatian": "HR", "czech": "CZ",
	"slovak": "SK", "lao": "LA", "laotian": "LA", "kyrgyz": "KG", "tajik": "TJ", "uzbek": "UZ",
	"kazakh": "KZ", "turkmen": "TM", "azerbaijani": "AZ", "azeri": "AZ", "belarusian": "BY",
	"ivorian": "CI", "beninese": "BJ", "togolese": "TG", "senegalese": "SN", "malian": "ML",
	"chadian": "TD", "nigerien": "NE", "german": "DE", "dominican": "DO", "dominicans": "DO", "dane": "DK", "swede": "SE", "finn": "FI",
	"pole": "PL", "briton": "GB", "brit": "GB", "turk": "TR", "kurdish": "", "kurd": "", "kurds": "", "arab": "", "arabs": "", "berber": "", "tuareg": "", "pashtun": "", "baloch": "", "sahrawi": "EH", "yemeni": "YE", "omani": "OM",
}

// manyCountries: a people of many countries ("Arab", "Kurdish"), which
// names no one place.
func manyCountries(low string) bool {
	code, ok := irregularDemonyms[low]
	return ok && code == ""
}

// demonymSuffixes turn a country name into its adjective: Chad-ian,
// Somal(ia)-i, Sudan-ese, Israel-i.
var demonymSuffixes = []string{"ian", "ean", "an", "ese", "ish", "i", "n"}

// demonymAt recognises a people's adjective or name at token i, of two
// words ("Sri Lankan", "South Ossetians") or one ("Sudanese"). The span's
// key is the name of the country (or region: "Georgian") it derives from,
// so the resolver weighs that name's entries against the document.
func (r *recognizer) demonymAt(i int) (span, bool) {
	for n := 2; n >= 1; n-- {
		j := i + n - 1
		if j >= len(r.toks) || !r.nameShape(i, j) || r.toks[j].allCaps {
			continue
		}
		base := r.demonymBase(r.nameKey(i, j))
		if base == "" {
			continue
		}
		direct, ok := r.best(r.nameKey(i, j), askBestExact)
		if ok && direct.Level() == geo.LevelCountry && gazetteer.Key(direct.ASCIIName) == r.nameKey(i, j) {
			continue // "Sudan's army": the country itself, by its own name
		}
		if ok && (direct.Level() < geo.LevelPlace || direct.Population >= 100000) && !r.actorNounAfter(j) {
			continue // a place of that name that matters more than the people: "Kosovo", "Nice"
		}
		return span{first: i, last: j, key: base, end: r.toks[j].end, known: true, demonym: true}, true
	}
	return span{}, false
}

// demonymBase is the key of the country a word names through its people
// ("sudanese" → "sudan", "palestinians" → "palestine", "georgian" →
// "georgia"), or "". Only words that begin as a country's name does are
// tried against the suffix rules, which keeps this cheap for all the
// other capitalised words.
func (r *recognizer) demonymBase(key string) string {
	_, irregular := irregularDemonyms[key]
	_, irregularPlural := irregularDemonyms[strings.TrimSuffix(key, "s")]
	if !irregular && !irregularPlural && (len(key) < 4 || !r.countryPrefixes[key[:3]]) {
		return ""
	}
	return r.answers.demonym(r.ix, key, func() string {
		if c := demonymCountry(r.ix, key); c != nil {
			return gazetteer.Key(c.Name)
		}
		return ""
	})
}

// countryPrefixes are the first three letters of the keys of every
// country's and continent's main names (a people is named after the main
// name: "European", "Sudanese").
func countryPrefixes(ix *gazetteer.Index) map[string]bool {
	out := map[string]bool{}
	for _, cont := range []string{"africa", "asia", "europe", "america", "oceania"} {
		out[cont[:3]] = true
	}
	for _, code := range ix.Countries() {
		c, _ := ix.Country(code)
		for _, n := range []string{c.Name, c.ASCIIName} {
			if k := gazetteer.Key(n); len(k) >= 3 {
				out[k[:3]] = true
			}
		}
	}
	return out
}

// demonymCountry is the country a word names through its people
// ("Sudanese", "Palestinians", "Sri Lankan"), or nil. key is the
// gazetteer key of the word or words.
func demonymCountry(ix *gazetteer.Index, key string) *geo.Place {
	forms := []string{key}
	if strings.HasSuffix(key, "s") && len(key) > 5 {
		forms = append(forms, key[:len(key)-1]) // "palestinians", "russians"
	}
	for _, w := range forms {
		if code, ok := irregularDemonyms[w]; ok {
			if code == "" {
				return nil // a people of many countries: "Arab"
			}
			if c, ok := ix.Country(code); ok {
				return &c
			}
		}
		for _, suf := range demonymSuffixes {
			if !strings.HasSuffix(w, suf) || len(w)-len(suf) < 3 {
				continue
			}
			stem := w[:len(w)-len(suf)]
			for _, name := range []string{stem, stem + "a", stem + "ia", stem + "e", stem + "on", stem + "y", stem + "o"} {
				// The stem must be the country's own name ("Sudan-ese"), not an
				// alternate one ("Ala-n" is no people of Åland).
				if c := countryNamed(ix, name); c != nil && gazetteer.Key(c.Name) != w && (gazetteer.Key(c.Name) == name || gazetteer.Key(c.ASCIIName) == name) {
					return c
				}
			}
		}
	}
	return nil
}

// countryNamed returns the country whose name has this key, if the key's
// best entry is a country.
func countryNamed(ix *gazetteer.Index, key string) *geo.Place {
	if !ix.HasKey(key) {
		return nil
	}
	best := ix.Lookup(gazetteer.Query{Name: key, Key: key, Limit: 1, Exact: true, Bare: true})
	if len(best) == 0 || best[0].Level() > geo.LevelCountry {
		return nil
	}
	return &best[0].Place
}

// actorNounAfter: an actor noun follows token j, maybe after one modifier
// ("Somali forces", "Somali security forces"): the word before is a
// people's adjective, even where a region shares it.
func (r *recognizer) actorNounAfter(j int) bool {
	return j+1 < len(r.toks) && actorNouns[r.lower(j+1)] || j+2 < len(r.toks) && actorNouns[r.lower(j+2)]
}
