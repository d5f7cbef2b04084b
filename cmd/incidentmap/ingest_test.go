package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// writeFiles creates files under dir from a name -> content map.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIngestDirectoryReportsBadFileAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":            "Title: Night raid\nURL: https://example.org/a\nPublished: 2024-03-01\n\nTwo drone attacks.\nA drone was downed.",
		"b.jsonl":          `{"title":"B1","url":"https://example.org/b1","published":"2024-03-02","text":"one drone country=RU"}` + "\n" + `{"title":"B2","url":"https://example.org/a","published":"2024-03-02","text":"same URL as a.txt"}` + "\n",
		"bad.json":         `{"title":"Broken","published":"yesterday","text":"x"}`,
		"sub/c.ndjson":     `{"title":"C","text":"calm, no incidents","published":"2024-03-03"}`,
		"notes.csv":        "ignored,by,the,walk",
		".hidden.txt":      "hidden drone files are skipped",
		".git/config.json": `{"text":"skipped with its directory"}`,
	})
	ta := newTestApp(t)
	code := ta.runArgs("ingest", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one file failed); stderr: %s", code, ta.stderr)
	}
	const wantSummary = "articles: 3 new, 1 duplicate, 1 failed; incidents: 3 new, 0 merged\n"
	if got := ta.stdout.String(); got != wantSummary {
		t.Fatalf("summary %q, want %q", got, wantSummary)
	}
	errLines := strings.Split(strings.TrimSpace(ta.stderr.String()), "\n")
	if len(errLines) != 1 || !strings.Contains(errLines[0], filepath.Join(dir, "bad.json")) || !strings.Contains(errLines[0], "published") {
		t.Fatalf("want one error naming bad.json and the field, got %q", ta.stderr)
	}
	if len(ta.store.ingested) != 3 {
		t.Fatalf("stored %d articles, want 3", len(ta.store.ingested))
	}
}

func TestIngestGoesOnAfterMissingFileAndStoreError(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"one.json": `[{"title":"Fails in store","text":"drone"},{"title":"Fine","text":"drone here"}]`,
	})
	ta := newTestApp(t)
	ta.store.failTitles["Fails in store"] = true
	code := ta.runArgs("ingest", filepath.Join(dir, "missing.txt"), filepath.Join(dir, "one.json"))
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	stderr := ta.stderr.String()
	for _, want := range []string{"missing.txt: no such file", "one.json: article 1: store: disk I/O error"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if got, want := ta.stdout.String(), "articles: 1 new, 0 duplicate, 2 failed; incidents: 1 new, 0 merged\n"; got != want {
		t.Fatalf("summary %q, want %q", got, want)
	}
}

func TestIngestStdin(t *testing.T) {
	for _, args := range [][]string{{"ingest"}, {"ingest", "-"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			ta := newTestApp(t)
			ta.app.stdin = strings.NewReader(`{"title":"S","url":"https://example.org/s","text":"a drone\nanother drone"}`)
			before := time.Now().UTC().Add(-time.Second)
			if code := ta.runArgs(args...); code != 0 {
				t.Fatalf("exit %d: %s", code, ta.stderr)
			}
			if got, want := ta.stdout.String(), "articles: 1 new, 0 duplicate, 0 failed; incidents: 2 new, 0 merged\n"; got != want {
				t.Fatalf("summary %q, want %q", got, want)
			}
			if p := ta.store.ingested[0].Published; p.Before(before) {
				t.Fatalf("stdin article without a date got %s, want now", p)
			}
		})
	}
}

func TestIngestUsesFileTimeWhenUndated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "undated.txt")
	writeFiles(t, dir, map[string]string{"undated.txt": "No header\nA drone fell."})
	mtime := time.Date(2023, 11, 5, 9, 0, 0, 0, time.UTC)
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	ta := newTestApp(t)
	if code := ta.runArgs("ingest", path); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	if got := ta.store.ingested[0].Published; !got.Equal(mtime) {
		t.Fatalf("published %s, want file time %s", got, mtime)
	}
	if got := ta.store.incidents[0].EventDate; got != "2023-11-05" {
		t.Fatalf("incident dated %s", got)
	}
}

func TestIngestJSONOutput(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.jsonl": `{"title":"A","url":"https://example.org/a","published":"2024-03-01","text":"a drone"}` + "\n" +
			`{"title":"A again","url":"https://example.org/a","text":"a drone"}` + "\n",
	})
	ta := newTestApp(t)
	if code := ta.runArgs("ingest", "--json", filepath.Join(dir, "a.jsonl")); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	type line struct {
		ArticleID int64 `json:"article_id"`
		Duplicate bool  `json:"duplicate"`
		Incidents struct {
			Type     string `json:"type"`
			Features []struct {
				ID         int64          `json:"id"`
				Properties map[string]any `json:"properties"`
			} `json:"features"`
		} `json:"incidents"`
	}
	var lines []line
	sc := bufio.NewScanner(ta.stdout)
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("stdout is not one JSON object per line: %v: %s", err, sc.Text())
		}
		lines = append(lines, l)
	}
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2", len(lines))
	}
	first, second := lines[0], lines[1]
	if first.Duplicate || first.ArticleID != 1 || first.Incidents.Type != "FeatureCollection" || len(first.Incidents.Features) != 1 {
		t.Fatalf("first line %+v", first)
	}
	if first.Incidents.Features[0].Properties["quote"] != "a drone" {
		t.Fatalf("feature properties %v", first.Incidents.Features[0].Properties)
	}
	if !second.Duplicate || second.ArticleID != 1 || len(second.Incidents.Features) != 0 {
		t.Fatalf("second line %+v", second)
	}
	if !strings.Contains(ta.stderr.String(), "articles: 1 new, 1 duplicate") {
		t.Fatalf("with --json the summary goes to stderr, got %q", ta.stderr)
	}
}

func TestIngestFlagsAfterArguments(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "A drone."})
	ta := newTestApp(t)
	if code := ta.runArgs("ingest", filepath.Join(dir, "a.txt"), "--db", "/tmp/after.db"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	if ta.store.path != "/tmp/after.db" {
		t.Fatalf("store path %q", ta.store.path)
	}
}

func TestIngestDoubleDashEndsFlags(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"--db": "A drone in a file with a strange name."})
	ta := newTestApp(t)
	t.Chdir(dir)
	if code := ta.runArgs("ingest", "--", "--db"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	if len(ta.store.ingested) != 1 {
		t.Fatalf("the file named --db was not read")
	}
}

// TestIngestStopsAtAFullDisk checks that a bulk ingest stops at the first
// full-disk error with one message and a summary of what was stored,
// instead of one identical error per remaining article.
func TestIngestStopsAtAFullDisk(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&b, `{"title":"a%d","url":"https://example.org/%d","text":"drone %d"}`+"\n", i, i, i)
	}
	writeFiles(t, dir, map[string]string{"feed.jsonl": b.String(), "more.jsonl": b.String()})
	ta := newTestApp(t)
	ta.store.fullAfter = 450
	if code := ta.runArgs("ingest", filepath.Join(dir, "feed.jsonl"), filepath.Join(dir, "more.jsonl")); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(ta.stderr.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "disk is full") || !strings.Contains(lines[0], "400 new articles stored") {
		t.Fatalf("stderr has %d lines, want one about the full disk:\n%.1000s", len(lines), ta.stderr)
	}
	out := ta.stdout.String()
	if !strings.Contains(out, "articles: 400 new") || !strings.Contains(out, "disk is full") {
		t.Fatalf("summary %q", out)
	}
	if len(ta.store.ingested) != 400 {
		t.Fatalf("stored %d", len(ta.store.ingested))
	}
}

// TestIngestFollowsOnlyLinksInsideTheFolder puts symbolic links in an
// ingested folder: one to a file outside it (as a link to /etc/passwd
// would be), one to a file inside, one dangling and one to a directory
// outside. Only the inside link is read.
func TestIngestFollowsOnlyLinksInsideTheFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "reports")
	writeFiles(t, dir, map[string]string{"a.txt": "Title: Inside\n\nShelling in Kherson.", "sub/b.txt": "Title: Sub\n\nDrones over Kyiv."})
	writeFiles(t, base, map[string]string{"secret.txt": "Title: Secret\n\nroot:x:0:0:root:/root:/bin/bash", "outside/c.txt": "Title: Outside dir\n\nx"})
	for link, target := range map[string]string{
		"passwd.txt":       filepath.Join(base, "secret.txt"),
		"relative-out.txt": "../secret.txt",
		"inside.txt":       "sub/b.txt",
		"dangling.txt":     "nowhere.txt",
		"outdir.txt":       filepath.Join(base, "outside"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("symlinks not supported: %v", err)
		}
	}
	ta := newTestApp(t)
	if code := ta.runArgs("ingest", dir); code != 1 {
		t.Fatalf("exit %d, want 1 (links refused are reported)", code)
	}
	var titles []string
	for _, a := range ta.store.ingested {
		titles = append(titles, a.Title)
	}
	slices.Sort(titles)
	if !slices.Equal(titles, []string{"Inside", "Sub"}) || !strings.Contains(ta.stdout.String(), "2 new, 1 duplicate") {
		t.Fatalf("ingested %q, summary %q; want Inside and Sub, and Sub again through the inside link as a duplicate", titles, ta.stdout)
	}
	stderr := ta.stderr.String()
	for _, want := range []string{"passwd.txt: symbolic link to a file outside the folder", "relative-out.txt: symbolic link to a file outside",
		"dangling.txt: symbolic link that points nowhere", "outdir.txt: symbolic link"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// Over several batches (each stored while the next is geoparsed), every
// article is reported once, in input order, with a store failure in a
// middle batch reported against its own article.
func TestIngestReportsBatchesInInputOrder(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	n := 2*ingestBatch + 57
	for i := range n {
		fmt.Fprintf(&lines, `{"title":"T%d","url":"https://example.org/%d","text":"a drone %d"}`+"\n", i, i, i)
	}
	writeFiles(t, dir, map[string]string{"many.jsonl": lines.String()})
	ta := newTestApp(t)
	failing := ingestBatch + 3
	ta.store.failTitles[fmt.Sprintf("T%d", failing)] = true
	if code := ta.runArgs("ingest", "--json", filepath.Join(dir, "many.jsonl")); code != 1 {
		t.Fatalf("exit %d, want 1 (one article failed): %s", code, ta.stderr)
	}
	var ids []int64
	sc := bufio.NewScanner(ta.stdout)
	for sc.Scan() {
		var l struct {
			ArticleID int64 `json:"article_id"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("bad line %q: %v", sc.Text(), err)
		}
		ids = append(ids, l.ArticleID)
	}
	if len(ids) != n-1 || !slices.IsSorted(ids) {
		t.Fatalf("%d results (want %d), in input order: %v", len(ids), n-1, slices.IsSorted(ids))
	}
	want := fmt.Sprintf("many.jsonl: article %d: store: disk I/O error", failing+1)
	if !strings.Contains(ta.stderr.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, ta.stderr)
	}
	if !strings.Contains(ta.stderr.String(), fmt.Sprintf("articles: %d new, 0 duplicate, 1 failed", n-1)) {
		t.Errorf("summary: %s", ta.stderr)
	}
}
