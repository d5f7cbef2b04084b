package export

import "strings"

// countryNames maps ISO 3166-1 alpha-2 codes to the country names ACLED
// uses, for the countries most often in conflict reporting. Codes not here
// are exported as the code itself.
var countryNames = map[string]string{
	"AF": "Afghanistan", "AM": "Armenia", "AZ": "Azerbaijan", "BD": "Bangladesh",
	"BF": "Burkina Faso", "BI": "Burundi", "BY": "Belarus", "CD": "Democratic Republic of Congo",
	"CF": "Central African Republic", "CG": "Republic of Congo", "CM": "Cameroon",
	"CO": "Colombia", "DZ": "Algeria", "EG": "Egypt", "EE": "Estonia", "ER": "Eritrea",
	"ET": "Ethiopia", "FI": "Finland", "GE": "Georgia", "HT": "Haiti", "IL": "Israel",
	"IN": "India", "IQ": "Iraq", "IR": "Iran", "JO": "Jordan", "KE": "Kenya",
	"LB": "Lebanon", "LT": "Lithuania", "LV": "Latvia", "LY": "Libya", "MD": "Moldova",
	"ML": "Mali", "MM": "Myanmar", "MX": "Mexico", "MZ": "Mozambique", "NE": "Niger",
	"NG": "Nigeria", "PH": "Philippines", "PK": "Pakistan", "PL": "Poland",
	"PS": "Palestine", "RO": "Romania", "RU": "Russia", "SA": "Saudi Arabia",
	"SD": "Sudan", "SO": "Somalia", "SS": "South Sudan", "SY": "Syria", "TD": "Chad",
	"TR": "Turkey", "UA": "Ukraine", "VE": "Venezuela", "YE": "Yemen",
}

// CountryName returns ACLED's name for an ISO 3166-1 alpha-2 code, or the
// code itself when the table does not know it.
func CountryName(iso2 string) string {
	if name, ok := countryNames[strings.ToUpper(iso2)]; ok {
		return name
	}
	return iso2
}
