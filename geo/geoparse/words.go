package geoparse

// These lists are general evidence about English news text, not about any
// one article: words that take a capital letter without naming a place.

// titles precede a person's name: "governor Vasily Golubev", "spokesman
// Dmitry Peskov". A capitalised run right after one is a person.
var titles = set(
	"governor", "spokesman", "spokeswoman", "spokesperson", "president", "minister",
	"secretary", "general", "gen", "colonel", "col", "major", "maj", "captain", "capt",
	"lieutenant", "lt", "sergeant", "commander", "chief", "leader", "mayor", "senator",
	"sen", "rep", "representative", "ambassador", "envoy", "prime", "premier", "king",
	"queen", "prince", "princess", "sheikh", "emir", "pope", "bishop", "archbishop",
	"cardinal", "imam", "rabbi", "father", "sister", "brother", "mr", "mrs", "ms", "dr",
	"prof", "professor", "judge", "justice", "attorney", "lawyer", "director", "head",
	"chairman", "chairwoman", "chair", "adviser", "advisor", "aide", "official",
	"analyst", "correspondent", "reporter", "journalist", "editor", "founder", "ceo",
	"deputy", "vice", "chancellor",
	"admiral", "marshal", "warlord", "activist", "resident", "witness", "doctor",
	"nurse", "teacher", "farmer", "commissioner", "speaker", "ombudsman", "governor-general",
	"secretary-general", "lord", "sir", "dame", "saint",
	"rev", "reverend", "pastor", "sheriff", "coach", "officer", "trooper", "detective",
	"superintendent", "councilman", "councilwoman", "councilor", "councillor", "principal",
	"dean", "sgt", "cpl", "pvt", "gov", "atty", "supt", "det", "insp", "patrolman", "deputies",
	"congressman", "congresswoman", "lawmaker", "assemblyman", "assemblywoman", "delegate",
	"coroner", "magistrate", "alderman", "treasurer", "clerk", "manager", "owner", "president-elect",
)

// calendar words are capitalised but never places.
var calendar = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
	"jul", "aug", "sep", "sept", "oct", "nov", "dec", "christmas", "easter", "ramadan",
	"eid", "passover", "hanukkah", "diwali", "today", "tonight", "yesterday", "tomorrow",
)

// institutions are organisations and seats of power named instead of a
// government; they are actors, not locations of events.
var institutions = set(
	"kremlin", "pentagon", "white house", "downing street", "elysee", "élysée",
	"nato", "un", "eu", "icrc", "unicef", "unhcr", "who", "imf", "opec", "osce",
	"iaea", "asean", "ecowas", "hamas", "hezbollah", "houthi", "houthis", "taliban",
	"isis", "isil", "al shabaab", "al-shabaab", "wagner", "telegram", "facebook",
	"twitter", "x", "youtube", "tiktok", "whatsapp", "instagram", "reuters", "afp",
	"ap", "ria", "tass", "interfax", "ukrinform", "bbc", "cnn", "al jazeera",
	"congress", "parliament", "senate", "duma", "rada", "knesset", "security council",
	"red cross", "red crescent", "amnesty", "human rights watch", "ministry",
	"army", "navy", "air force", "police", "government", "military", "idf",
	"rsf", "saf", "m23", "jnim", "ecomog", "frontex", "europol", "interpol",
)

// weaponWords follow a weapon or model name used as a modifier: "Shahed
// drones", "Iskander missiles". A name followed by one is not a place
// unless a designator says so.
var weaponWords = set(
	"drone", "drones", "missile", "missiles", "rocket", "rockets", "jet", "jets",
	"tank", "tanks", "system", "systems", "launcher", "launchers", "helicopter",
	"helicopters", "howitzer", "howitzers", "vehicle", "vehicles", "munition",
	"munitions", "bomb", "bombs", "rifle", "rifles", "aircraft", "fighter", "fighters",
	// diseases named after where they were first found: "Marburg virus"
	"virus", "fever", "flu", "disease", "strain", "variant", "syndrome",
)

// modifierSuffixes after a hyphen make the name before them a modifier
// ("Shahed-type", "Soviet-era"), except -based, which still names where
// something is ("a Rostov-based unit").
var modifierSuffixes = set("type", "class", "made", "built", "style", "era", "led", "backed", "linked", "aligned", "speaking", "born", "language")

// notNounHeads cannot be the noun a name before them describes: "a Toyota
// last year", "an Iskander was fired".
var notNounHeads = set(
	"in", "on", "at", "by", "for", "from", "with", "to", "of", "into", "onto", "over", "under",
	"and", "or", "but", "nor", "that", "which", "who", "whose", "as", "than", "if", "so",
	"is", "was", "are", "were", "be", "been", "has", "had", "have", "will", "would", "could",
	"can", "may", "might", "should", "must", "did", "does", "said", "says",
	"last", "next", "this", "yesterday", "today", "tonight", "tomorrow", "earlier", "later",
	"recently", "now", "then", "again", "also", "there", "here", "when", "while", "after",
	"before", "since", "because", "until", "near", "outside", "inside", "behind",
)

// adjectives are capitalised words that describe rather than name a place
// ("Western embassies"); multiword names that start with them ("Western
// Sahara") are matched whole before this applies.
var adjectives = set("western", "eastern", "northern", "southern", "central", "western-backed",
	"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")

// groupWords follow the name of an armed group or movement: "Fano
// militia", "Fano fighters". A small place's name before one is the group.
var groupWords = set("militia", "militias", "militiamen", "fighters", "rebels", "insurgents", "movement", "brigade", "battalion")

// connectors may sit inside a multiword place name: "Rostov-on-Don",
// "Bosnia and Herzegovina", "Isle of Man", "Rio de Janeiro".
var connectors = set(
	"on", "na", "of", "the", "and", "de", "del", "della", "di", "da", "do", "dos",
	"das", "du", "des", "la", "le", "les", "el", "al", "an", "am", "im", "upon",
	"sur", "en", "y", "e", "i", "bin", "ibn", "ad", "ar", "as", "az", "ash", "at",
	"van", "von", "der", "den", "pod", "nad", "u", "sul", "sous", "lès", "au", "aux",
	"ez", "es", "er", "ul", "ed", "ud",
)

// actorNouns follow a demonym used as an adjective: "Somali forces",
// "Chadian troops".
var actorNouns = set(
	"forces", "troops", "army", "military", "government", "officials", "soldiers",
	"police", "authorities", "militants", "fighters", "rebels", "navy", "border",
	"president", "prime", "ministry", "officers", "side", "drones", "jets", "warplanes",
	"artillery", "refugees", "civilians", "people", "villagers", "nationals",
)

// commonWords are capitalised only at the start of a sentence, where a
// place name of the same spelling ("Split", "Nice", "Of") would be
// ambiguous. At a sentence start these are read as words, not places.
var commonWords = set(
	"a", "an", "the", "this", "that", "these", "those", "any", "there", "here", "it", "its",
	"he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
	"in", "on", "at", "by", "for", "from", "with", "without", "after", "before",
	"during", "since", "until", "as", "of", "to", "into", "over", "under", "about",
	"and", "but", "or", "nor", "so", "yet", "if", "when", "while", "where", "why",
	"how", "what", "which", "who", "whom", "whose", "all", "some", "many", "most",
	"other", "others", "several", "few", "both", "each", "every", "no", "not", "one",
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"meanwhile", "later", "earlier", "also", "however", "still", "even", "only",
	"just", "now", "then", "once", "again", "already", "speaking", "writing",
	"according", "despite", "amid", "among", "across", "along", "around", "near",
	"officials", "police", "troops", "forces", "residents", "witnesses", "authorities",
	"reading", "nice", "mobile", "split", "bath", "hope", "union", "liberty", "victory",
	"independence", "peace", "unity", "progress", "march", "may", "said", "says",
	"power", "energy", "attack", "attacks", "fighting", "protesters", "soldiers",
	"rebels", "militants", "gunmen", "civilians", "people", "hospital", "aid",
	"security", "defence", "defense", "health", "education", "water", "fire",
	"drones", "missiles", "rockets", "artillery", "shelling", "strikes", "air",
	"new", "old", "great", "little", "big", "long", "high", "low", "good", "best",
	"last", "first", "next", "late", "early", "more", "less", "much", "such",
	"russian", "ukrainian", "american", "british", "french", "german", "chinese",
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
