package contract

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/incidentmap/incidentmap/geo"
	"golang.org/x/text/unicode/norm"
)

// ContentHash is the dedupe key of an article text: the SHA-256 (hex) of the
// text in Unicode NFC with runs of white space folded to one space, so a
// re-pasted copy with different line breaks is still recognised.
func ContentHash(text string) string {
	folded := strings.Join(strings.Fields(norm.NFC.String(text)), " ")
	sum := sha256.Sum256([]byte(folded))
	return hex.EncodeToString(sum[:])
}

// NameKey folds a place name for grouping unresolved names: Unicode NFKC,
// lower case, apostrophes dropped, any other run of punctuation or space
// turned into one space. "Mar’inka", "mar'inka" and "MARINKA" share a key.
func NameKey(name string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKC.String(name) {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// PlaceKey is the place part of the merge key: the GeoNames id when there is
// one, else the point rounded to 3 decimals (about 100 m).
func PlaceKey(inc geo.Incident) string {
	if inc.GeonameID != 0 {
		return "g" + strconv.FormatInt(inc.GeonameID, 10)
	}
	lat := int64(math.Round(inc.Lat * 1000))
	lon := int64(math.Round(inc.Lon * 1000))
	return "p" + strconv.FormatInt(lat, 10) + "," + strconv.FormatInt(lon, 10)
}

// SearchText is the lower-cased text the Q filter looks in.
func SearchText(inc geo.Incident, title string) string {
	return strings.ToLower(strings.Join([]string{inc.Quote, inc.Location, inc.Admin1Name, title}, "\n"))
}

// AppendSearch adds the lines of more that text does not hold yet.
func AppendSearch(text, more string) string {
	for _, line := range strings.Split(more, "\n") {
		if line != "" && !strings.Contains(text, line) {
			text += "\n" + line
		}
	}
	return text
}
