package gazetteer

import "strings"

// cyrillic maps lower-case Russian and Ukrainian letters to the Latin
// spelling GeoNames uses for the country's own names. г and и differ
// between the two languages; see transliterate.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'ґ': "g", 'д': "d", 'е': "e", 'ё': "e",
	'є': "ie", 'ж': "zh", 'з': "z", 'и': "i", 'і': "i", 'ї': "i", 'й': "y", 'к': "k",
	'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
}

// ukrainianOnly are letters that mark a word as Ukrainian.
const ukrainianOnly = "іїєґ"

// transliterate writes a lower-case Cyrillic word in Latin letters. A word
// with Ukrainian-only letters is spelled the Ukrainian way (г→h, и→y,
// й→i, я→ia, ю→iu), as GeoNames spells Ukrainian places ("Водяне" →
// "vodiane"); other words the Russian way ("Ростов" → "rostov").
func transliterate(word string) string {
	ukr := strings.ContainsAny(word, ukrainianOnly)
	var b strings.Builder
	for _, r := range word {
		if ukr {
			switch r {
			case 'г':
				b.WriteString("h")
				continue
			case 'и':
				b.WriteString("y")
				continue
			case 'й':
				b.WriteString("i")
				continue
			case 'я':
				b.WriteString("ia")
				continue
			case 'ю':
				b.WriteString("iu")
				continue
			}
		}
		if s, ok := cyrillic[r]; ok {
			b.WriteString(s)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
