package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incidentmap/incidentmap/geo/seedtest"
)

func TestGeoparseJSONLines(t *testing.T) {
	ta := newTestApp(t)
	ta.app.stdin = strings.NewReader(`{"id": "a1", "text": "Sirens in Kyiv overnight."}` + "\n\n" +
		`{"id": 7, "text": "Nothing here."}` + "\n" + `{"text": "Kyiv again"}` + "\n")
	if code := ta.runArgs("geoparse", "--jsonl"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	lines := strings.Split(strings.TrimSpace(ta.stdout.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines for 3 input documents: %q", len(lines), ta.stdout)
	}
	wantIDs := []string{`"a1"`, `7`, `null`}
	wantPlaces := []int{1, 0, 1}
	for i, line := range lines {
		var out struct {
			ID         json.RawMessage  `json:"id"`
			Places     []map[string]any `json:"places"`
			Unresolved []map[string]any `json:"unresolved"`
		}
		if err := json.Unmarshal([]byte(line), &out); err != nil {
			t.Fatalf("line %d %q: %v", i+1, line, err)
		}
		if string(out.ID) != wantIDs[i] || len(out.Places) != wantPlaces[i] || out.Places == nil || out.Unresolved == nil {
			t.Errorf("line %d: id %s, %d places (want %s, %d), unresolved %v", i+1, out.ID, len(out.Places), wantIDs[i], wantPlaces[i], out.Unresolved)
		}
	}
}

func TestGeoparseJSONLinesBadLine(t *testing.T) {
	for name, input := range map[string]string{
		"not JSON": "{\"id\": 1, \"text\": \"Kyiv\"}\nnot json\n",
		"no text":  "{\"id\": 1}\n",
	} {
		t.Run(name, func(t *testing.T) {
			ta := newTestApp(t)
			ta.app.stdin = strings.NewReader(input)
			if code := ta.runArgs("geoparse", "--jsonl"); code != 1 {
				t.Fatalf("exit %d, want 1", code)
			}
			if !strings.Contains(ta.stderr.String(), "line ") {
				t.Errorf("the error does not name the line: %q", ta.stderr)
			}
			if name == "not JSON" && !strings.Contains(ta.stdout.String(), `"id":1`) {
				t.Errorf("the good line before the bad one was not written: %q", ta.stdout)
			}
		})
	}
}

func TestGeoparseEvalCorpusFile(t *testing.T) {
	ta := newTestApp(t)
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	doc := `{"id": "d1", "text": "Sirens in Kyiv overnight, and in Lviv.", "gold": [{"text": "Kyiv", "lat": 50.45, "lon": 30.52}, {"text": "Lviv", "lat": 49.84, "lon": 24.03}], "neutral": []}`
	if err := os.WriteFile(path, []byte(doc+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := ta.runArgs("geoparse", "--eval", path); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	out := ta.stdout.String()
	for _, want := range []string{"precision 1.000 recall 0.500 F1 0.667", "accuracy@161km 1.000 over found, 0.500 over all gold", "median 0.0 km"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code := ta.runArgs("geoparse", "--eval", filepath.Join(t.TempDir(), "missing.jsonl")); code != 2 {
		t.Errorf("a missing corpus: exit %d, want 2", code)
	}
}

// A corpus none of whose gold or neutral strings is a demonym does not
// annotate them: a predicted demonym is left out of its precision, and
// the command says so. One that marks them scores them.
func TestGeoparseEvalDemonymsOnlyWhereAnnotated(t *testing.T) {
	for _, c := range []struct {
		name, gold, want string
		note             bool
	}{
		{"not annotated", `[{"text": "Kyiv", "lat": 50.45, "lon": 30.52}]`, "precision 1.000 recall 1.000", true},
		{"annotated", `[{"text": "Ukrainian", "lat": 49, "lon": 32}, {"text": "Kyiv", "lat": 50.45, "lon": 30.52}]`, "precision 1.000 recall 1.000", false},
		{"annotated elsewhere", `[{"text": "Kyiv", "lat": 50.45, "lon": 30.52}]`, "precision 0.667 recall 1.000", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ta := newTestApp(t)
			path := filepath.Join(t.TempDir(), "corpus.jsonl")
			doc := `{"id": "d1", "text": "Ukrainian drones over Kyiv.", "gold": ` + c.gold + `, "neutral": []}` + "\n"
			if c.name == "annotated elsewhere" {
				// Another article marks a demonym: the corpus annotates them,
				// so this article's unmarked one counts against precision.
				doc += `{"id": "d2", "text": "Ukrainian officials.", "gold": [{"text": "Ukrainian", "lat": 49, "lon": 32}], "neutral": []}` + "\n"
			}
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			if code := ta.runArgs("geoparse", "--eval", path); code != 0 {
				t.Fatalf("exit %d: %s", code, ta.stderr)
			}
			if out := ta.stdout.String(); !strings.Contains(out, c.want) {
				t.Errorf("output lacks %q:\n%s", c.want, out)
			}
			if note := strings.Contains(ta.stderr.String(), "does not annotate them"); note != c.note {
				t.Errorf("note printed %v, want %v: %s", note, c.note, ta.stderr)
			}
		})
	}
}

func TestGeoparseExplain(t *testing.T) {
	ta := newTestApp(t)
	ta.app.stdin = strings.NewReader("Sirens in Kyiv overnight.")
	if code := ta.runArgs("geoparse", "--explain"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	var out struct {
		Places []struct {
			Weighed []map[string]any `json:"weighed"`
		} `json:"places"`
	}
	if err := json.Unmarshal(ta.stdout.Bytes(), &out); err != nil || len(out.Places) != 1 || len(out.Places[0].Weighed) == 0 {
		t.Fatalf("output %s: %v", ta.stdout, err)
	}
}

// BenchmarkGeoparseLines measures batch mode end to end (JSON Lines in,
// one result a line out, the bundled gazetteer) over the public LGL
// development corpus when present; MB/s counts the articles' text. Run
// with -cpu 1 for one core.
func BenchmarkGeoparseLines(b *testing.B) {
	raw, err := os.ReadFile(seedtest.Shared(b, "corpora", "lgl-train.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var input bytes.Buffer
	text := 0
	for _, line := range bytes.Split(raw, []byte("\n")) {
		var d struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if json.Unmarshal(line, &d) != nil {
			continue
		}
		out, _ := json.Marshal(d)
		input.Write(append(out, '\n'))
		text += len(d.Text)
	}
	gz, err := loadGazetteer(nil, true)
	if err != nil {
		b.Fatal(err)
	}
	gp, err := newGeoparser(gz)
	if err != nil {
		b.Fatal(err)
	}
	if err := geoparseLines(gp, bytes.NewReader(input.Bytes()), io.Discard, false); err != nil {
		b.Fatal(err) // a first pass reads the index's pages in
	}
	b.SetBytes(int64(text))
	for b.Loop() {
		if err := geoparseLines(gp, bytes.NewReader(input.Bytes()), io.Discard, false); err != nil {
			b.Fatal(err)
		}
	}
}
