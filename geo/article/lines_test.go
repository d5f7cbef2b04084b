package article

import (
	"errors"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo"
)

func TestJSONLinesEachLineStandsAlone(t *testing.T) {
	in := `{"title":"a","text":"Shelling hit Kherson."}
{bad json
{"title":"c","text":"A drone hit Odesa."}
{"title":"d","text":""}
`
	arts, err := Read("feed.jsonl", strings.NewReader(in))
	if len(arts) != 2 || arts[0].Title != "a" || arts[1].Title != "c" {
		t.Fatalf("articles = %+v, want the good lines a and c", arts)
	}
	var bad *LineErrors
	if !errors.As(err, &bad) || len(bad.Errs) != 2 {
		t.Fatalf("err = %v, want two bad lines", err)
	}
	if !strings.Contains(bad.Errs[0].Error(), "line 2") || !strings.Contains(bad.Errs[1].Error(), "line 4") {
		t.Fatalf("line errors do not name their lines: %v", bad)
	}
	var ge *geo.Error
	if !errors.As(err, &ge) {
		t.Fatalf("a line error is not a *geo.Error: %v", err)
	}
}

func TestJSONLinesAllBad(t *testing.T) {
	arts, err := Read("feed.jsonl", strings.NewReader("{x\n{y\n"))
	var bad *LineErrors
	if len(arts) != 0 || !errors.As(err, &bad) || len(bad.Errs) != 2 {
		t.Fatalf("arts %v err %v", arts, err)
	}
}
