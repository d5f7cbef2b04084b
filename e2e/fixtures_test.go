package e2e

import (
	"fmt"
	"strings"
)

// article is a sample report written for these tests, with the incidents
// the pipeline is expected to find in it.
type article struct {
	title, url, published, text string
	want                        []wantIncident
}

// wantIncident is what one extracted incident must show.
type wantIncident struct {
	location     string // substring of the resolved place name
	country      string // ISO alpha-2
	eventType    string
	subEventType string
	eventDate    string // YYYY-MM-DD
}

// asFile renders the article in the plain-text format ingest reads: a
// header block, a blank line, then the text.
func (a article) asFile() string {
	return fmt.Sprintf("Title: %s\nURL: %s\nPublished: %s\n\n%s\n", a.title, a.url, a.published, a.text)
}

// ukraineReport has two events on two days in two Ukrainian towns.
// Published on a Tuesday, so "on Monday" is 2024-03-11.
func ukraineReport() article {
	return article{
		title:     "Air strike wounds four in Zaporizhzhia, shelling kills man in Nikopol",
		url:       "https://wire.example.net/2024/03/12/zaporizhzhia-nikopol",
		published: "2024-03-12",
		text: strings.Join([]string{
			"KYIV, March 12 (Wire) - A Russian air strike hit Zaporizhzhia overnight, damaging an apartment block and wounding four residents, the regional governor said on Tuesday.",
			"Artillery shelling hit the town of Nikopol on Monday, killing one man, local officials said.",
		}, "\n\n"),
		want: []wantIncident{
			{"Zaporizhzh", "UA", "Explosions/Remote violence", "Air/drone strike", "2024-03-12"},
			{"Nikopol", "UA", "Explosions/Remote violence", "Shelling/artillery/missile attack", "2024-03-11"},
		},
	}
}

// sudanReport is a battle in Darfur, published on a Monday.
func sudanReport() article {
	return article{
		title:     "Army and RSF clash in El Fasher",
		url:       "https://wire.example.net/2024/03/11/el-fasher-clashes",
		published: "2024-03-11",
		text: "KHARTOUM (Wire) - Fighting broke out between the Sudanese army and the Rapid Support Forces in El Fasher on Sunday, killing at least twelve civilians, medics said. " +
			"Aid groups warned that food supplies in the city were running low.",
		want: []wantIncident{{"El Fasher", "SD", "Battles", "Armed clash", "2024-03-10"}},
	}
}

// georgiaReport is a peaceful protest, published on a Tuesday.
func georgiaReport() article {
	return article{
		title:     "Thousands protest foreign agents bill in Tbilisi",
		url:       "https://wire.example.net/2024/04/16/tbilisi-protest",
		published: "2024-04-16",
		text: "TBILISI (Wire) - Thousands of people protested peacefully in Tbilisi on Monday against a draft law on foreign agents, police said. " +
			"No arrests were reported.",
		want: []wantIncident{{"Tbilisi", "GE", "Protests", "Peaceful protest", "2024-04-15"}},
	}
}

// markupQuote is article text that a page must show literally.
const markupQuote = `<b>bold</b> and <img src=x onerror="window.__xss=1">`

// khersonReport quotes markup that must never be rendered as HTML.
func khersonReport() article {
	return article{
		title:     "Drone strike hits Kherson market",
		url:       "https://wire.example.net/2024/03/18/kherson-market",
		published: "2024-03-18",
		text:      "KHERSON (Wire) - A drone strike hit a market in Kherson on Sunday, wounding two traders, witnesses said; a leaflet left at the scene read " + markupQuote + ".",
		want:      []wantIncident{{"Kherson", "UA", "Explosions/Remote violence", "Air/drone strike", "2024-03-17"}},
	}
}
