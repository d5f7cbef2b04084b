package incident

import (
	"reflect"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		want  []string
		paras []int
	}{
		{"abbreviations and initialisms", "Mr. Smith met U.S. envoys in Kyiv. The talks ended.",
			[]string{"Mr. Smith met U.S. envoys in Kyiv.", "The talks ended."}, []int{0, 0}},
		{"initialism ends a sentence before an opener", "Aid came from the U.S. The ministry said so.",
			[]string{"Aid came from the U.S.", "The ministry said so."}, []int{0, 0}},
		{"decimals", "Losses rose 1.5 percent. Prices fell.", []string{"Losses rose 1.5 percent.", "Prices fell."}, []int{0, 0}},
		{"curly quotes close the sentence", "He said “it is over.” Then he left.",
			[]string{"He said “it is over.”", "Then he left."}, []int{0, 0}},
		{"quote inside a sentence", "“Stop!” he shouted at them.", []string{"“Stop!” he shouted at them."}, []int{0}},
		{"paragraphs", "First one.\n\nSecond one. Third one.", []string{"First one.", "Second one.", "Third one."}, []int{0, 1, 1}},
		{"heading line", "Drones downed over Kursk\nThe ministry said 20 drones fell.",
			[]string{"Drones downed over Kursk", "The ministry said 20 drones fell."}, []int{0, 1}},
		{"wrapped line continues", "The drones were downed over the\nKursk region at night.",
			[]string{"The drones were downed over the\nKursk region at night."}, []int{0}},
		{"lower-case after period is no break", "Fighting near the St. peter gate. Next.",
			[]string{"Fighting near the St. peter gate.", "Next."}, []int{0, 0}},
		{"initial", "J. Smith reported it.", []string{"J. Smith reported it."}, []int{0}},
		{"empty", "   \n\n  ", nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			spans := SplitSentences(tc.text)
			var got []string
			var paras []int
			for _, sp := range spans {
				got = append(got, tc.text[sp.Start:sp.End])
				paras = append(paras, sp.Paragraph)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("sentences = %q, want %q", got, tc.want)
			}
			if !reflect.DeepEqual(paras, tc.paras) {
				t.Errorf("paragraphs = %v, want %v", paras, tc.paras)
			}
		})
	}
}

func TestDatelineIsNotPartOfTheSentence(t *testing.T) {
	cases := []struct{ text, first string }{
		{"KHARTOUM, March 11 (Wire) - Fighting broke out in El Fasher on Sunday.", "Fighting broke out in El Fasher on Sunday."},
		{"KYIV (AP) — Drones hit Odesa overnight.", "Drones hit Odesa overnight."},
		{"PORT-AU-PRINCE, Haiti - Gangs attacked Petionville.", "Gangs attacked Petionville."},
		{"NATO said drones hit Odesa.", "NATO said drones hit Odesa."},
	}
	for _, c := range cases {
		spans := SplitSentences(c.text)
		if got := c.text[spans[0].Start:spans[0].End]; got != c.first {
			t.Errorf("first sentence of %q = %q, want %q", c.text, got, c.first)
		}
	}
}
