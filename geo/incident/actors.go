package incident

import (
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// demonyms maps the adjective of a country to the name used for it as an
// actor ("Russian shelling" -> "Russia").
var demonyms = map[string]string{
	"russian": "Russia", "ukrainian": "Ukraine", "israeli": "Israel", "palestinian": "Palestine",
	"sudanese": "Sudan", "syrian": "Syria", "iranian": "Iran", "iraqi": "Iraq", "turkish": "Turkey",
	"afghan": "Afghanistan", "somali": "Somalia", "nigerian": "Nigeria", "malian": "Mali",
	"burkinabe": "Burkina Faso", "nigerien": "Niger", "congolese": "DR Congo", "ethiopian": "Ethiopia",
	"eritrean": "Eritrea", "yemeni": "Yemen", "lebanese": "Lebanon", "burmese": "Myanmar",
	"myanmar": "Myanmar", "pakistani": "Pakistan", "indian": "India", "chinese": "China",
	"american": "United States", "us": "United States", "u.s": "United States", "french": "France",
	"british": "United Kingdom", "egyptian": "Egypt", "libyan": "Libya", "kenyan": "Kenya",
	"cameroonian": "Cameroon", "chadian": "Chad", "mozambican": "Mozambique", "colombian": "Colombia",
	"mexican": "Mexico", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates",
	"belarusian": "Belarus", "georgian": "Georgia", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
	"jordanian": "Jordan", "rwandan": "Rwanda", "ugandan": "Uganda",
	"burundian": "Burundi", "tigrayan": "Tigray",
}

// armedGroups are named non-state actors, matched as lower-case token
// sequences; the actor is the text as written.
var armedGroups = [][]string{
	{"rapid", "support", "forces"}, {"rsf"}, {"hamas"}, {"hezbollah"}, {"al-shabaab"},
	{"al", "shabaab"}, {"taliban"}, {"islamic", "state"}, {"isis"}, {"isil"}, {"jnim"}, {"m23"},
	{"arakan", "army"}, {"houthis"}, {"houthi"}, {"boko", "haram"}, {"hts"}, {"adf"}, {"iswap"},
	{"wagner"}, {"kachin", "independence", "army"}, {"sdf"}, {"fano"}, {"tplf"}, {"al-qaeda"},
	{"codeco"}, {"pdf"}, {"islamic", "jihad"},
}

var (
	actorNouns = setOf("forces", "force", "troops", "military", "army", "soldiers", "navy", "police", "militants", "fighters", "rebels",
		"militia", "militias", "gunmen", "jihadists", "insurgents", "paramilitaries", "units",
		"guards", "commandos", "paratroopers", "marines", "junta", "authorities")
	spokesNouns = setOf("ministry", "government", "officials", "president", "leader", "spokesman",
		"spokeswoman", "kremlin", "foreign")
	weaponNouns = setOf("shelling", "drones", "drone", "missiles", "missile", "rockets", "rocket",
		"strikes", "strike", "airstrikes", "airstrike", "artillery", "warplanes", "jets", "aircraft",
		"attack", "attacks", "bombardment", "fire", "helicopters", "uavs", "uav", "shells",
		"bombing", "bombings", "offensive", "shaheds")
	weaponMods   = setOf("attack", "kamikaze", "ballistic", "cruise", "combat", "armed", "guided", "heavy", "long-range")
	prepositions = setOf("in", "on", "at", "over", "from", "to", "for", "of", "into", "near", "across",
		"against", "with", "by", "inside", "within", "throughout", "around", "toward", "towards", "and", "about")
)

// actorRef is an actor found in an event's clauses.
type actorRef struct {
	name        string
	weaponOwner bool // named through its weapon ("Ukrainian drones")
}

// findActors lists the actors an event's tokens state, in text order.
// countries are the sentence's country mentions; cueTok the event's cue.
func findActors(text string, toks []token, ranges [][2]int, countries []placeRef, cueTok int) []actorRef {
	var out []actorRef
	for _, r := range ranges {
		for i := r[0]; i < r[1]; i++ {
			if a, next, ok := actorAt(text, toks, i, r[1]); ok {
				out = append(out, a)
				i = next - 1
				continue
			}
			for _, c := range countries {
				if c.first != i {
					continue
				}
				if a, ok := countryActor(text, toks, c, r[0], r[1], cueTok); ok {
					out = append(out, a)
				}
				i = c.last
			}
		}
	}
	return out
}

// actorAt reads an armed group or a demonym phrase at toks[i].
func actorAt(text string, toks []token, i, to int) (actorRef, int, bool) {
	for _, g := range armedGroups {
		if hasWords(toks, i, g) && toks[i].upper {
			end := i + len(g)
			if end < to && actorNouns[toks[end].low] {
				end++
			}
			return actorRef{name: stated(text, toks, i, end)}, end, true
		}
	}
	country, ok := demonyms[toks[i].low]
	if !ok || !toks[i].upper {
		return actorRef{}, 0, false
	}
	for k := i + 1; k < to && k <= i+3; k++ {
		w := toks[k].low
		if isActorNoun(toks, k, to) {
			return actorRef{name: stated(text, toks, i, k+1)}, k + 1, true
		}
		if weaponNouns[w] && (k == i+1 || weaponMods[toks[k-1].low]) {
			return actorRef{name: country, weaponOwner: true}, k + 1, true
		}
		if !toks[k].word || (toks[k].upper && !actorNouns[w]) {
			break
		}
	}
	return actorRef{}, 0, false
}

// countryActor reads "Ukraine's military" (as stated), "Russia's defence
// ministry" (the country) or a country standing as the subject before the
// cue ("Russia has downed").
func countryActor(text string, toks []token, c placeRef, from, to, cueTok int) (actorRef, bool) {
	if geo.LevelOf(c.m.FeatureCode) != geo.LevelCountry {
		return actorRef{}, false
	}
	name := c.m.Text
	if c.last+1 < to && toks[c.last+1].low == "'s" {
		for k := c.last + 2; k < to && k <= c.last+4; k++ {
			switch {
			case isActorNoun(toks, k, to):
				return actorRef{name: stated(text, toks, c.first, k+1)}, true
			case spokesNouns[toks[k].low]:
				return actorRef{name: name}, true
			case toks[k].upper || !toks[k].word:
				return actorRef{}, false
			}
		}
		return actorRef{}, false
	}
	if c.first > from && prepositions[toks[c.first-1].low] {
		return actorRef{}, false
	}
	if cueTok > c.last && cueTok-c.last <= 4 {
		return actorRef{name: name}, true
	}
	return actorRef{}, false
}

// isActorNoun reports whether toks[k] names armed forces; "defence" does
// unless a ministry follows ("air defence units" but "defence ministry").
func isActorNoun(toks []token, k, to int) bool {
	switch toks[k].low {
	case "defence", "defences", "defense", "defenses":
		return k+1 >= to || (toks[k+1].low != "ministry" && toks[k+1].low != "minister")
	}
	return actorNouns[toks[k].low]
}

// stated returns the text of toks[i:j] with straight apostrophes.
func stated(text string, toks []token, i, j int) string {
	return strings.ReplaceAll(text[toks[i].start:toks[j-1].end], "’", "'")
}

// assignActors picks actor1 and actor2. For disrupted weapons use, the side
// that stopped the weapon is actor1 and the weapon's owner actor2; for
// everything else actors are taken in the order they are named.
func assignActors(sub string, refs []actorRef) (string, string) {
	var a1, a2 string
	if sub == geo.SubDisruptedWeapons {
		for _, r := range refs {
			if !r.weaponOwner && a1 == "" {
				a1 = r.name
			}
			if r.weaponOwner && a2 == "" {
				a2 = r.name
			}
		}
		if a1 == a2 {
			a2 = ""
		}
		if a1 != "" || a2 != "" {
			return a1, a2
		}
	}
	for _, r := range refs {
		switch {
		case a1 == "":
			a1 = r.name
		case a2 == "" && r.name != a1:
			a2 = r.name
		}
	}
	return a1, a2
}
