package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/article"
	"github.com/incidentmap/incidentmap/geo/export"
)

func ingestHelp() helpText {
	return helpText{
		usage: "ingest [flags] [FILE | DIR | -]...",
		about: `Reads articles into the store: geoparses them, extracts incidents and
stores both. Inputs are files, directories (searched recursively for *.txt,
*.json, *.jsonl and *.ndjson, skipping hidden ones) or "-" for standard
input, which is also the default. Inside a directory a symbolic link is
followed only when it leads to a regular file within that directory; links
that lead outside it (or to directories) are reported and not read. A file
named on the command line is read wherever it is. Formats:
  .json            one object or an array of objects {title, url, published, text}
  .jsonl .ndjson   one such object per line
  anything else    plain text, optionally starting with "Title:", "URL:" and
                   "Published:" lines and a blank line; else the first line
                   is the title
"published" is RFC 3339 or YYYY-MM-DD; when absent the file's modification
time is used (the current time for standard input). An article already in
the store (same URL, or same text) is counted as a duplicate. A file that
fails is reported with its name and the others go on; the exit status is 1
if any failed. When the store's disk is full, ingest stops at the first
article that could not be stored, says so once and prints the summary of
what was stored.`,
		examples: []string{
			"incidentmap ingest report.txt",
			"incidentmap ingest --db /var/lib/incidentmap/store.db reports/",
			"curl -s https://example.org/feed.jsonl | incidentmap ingest -",
			"incidentmap ingest --json report.txt | jq '.incidents.features[].properties.location'",
		},
	}
}

func (a *app) cmdIngest(cfg Config, args []string) error {
	fs := newFlagSet("ingest")
	registerConfigFlags(fs, &cfg, flagsDB|flagsMerge)
	jsonOut := fs.Bool("json", false, "print one JSON object per article: {article_id, duplicate, incidents: FeatureCollection}")
	args, err := a.parseFlags(fs, args, ingestHelp())
	if err != nil {
		return err
	}
	inputs := collectInputs(args)
	st, err := a.deps.openStore(cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	_, pl, err := a.openPipeline(a.ctx, st, false)
	if err != nil {
		return err
	}
	run := ingestRun{app: a, st: st, pl: pl, merge: !cfg.NoMerge, jsonOut: *jsonOut,
		bar: newProgress(a.stderr, a.stderrTTY && len(inputs) > 1, len(inputs), "files")}
	for _, in := range inputs {
		if run.full != nil {
			break
		}
		if err := a.ctx.Err(); err != nil {
			run.report()
			run.bar.Finish()
			return err
		}
		run.ingestInput(in)
		run.bar.Add(1)
	}
	run.flush()
	run.report()
	run.bar.Finish()
	summary := a.stdout
	if *jsonOut {
		summary = a.stderr // keep stdout pure JSON
	}
	fmt.Fprintln(summary, run.counts)
	if run.full != nil {
		fmt.Fprintln(summary, "stopped early: the store's disk is full; free space and run the same command again (stored articles are skipped as duplicates)")
		return errReported
	}
	if run.counts.Failed > 0 {
		return errReported
	}
	return nil
}

// ingestRun is the state of one ingest command.
type ingestRun struct {
	app     *app
	st      store
	pl      pipeline
	merge   bool
	jsonOut bool
	bar     *progress
	counts  ingestCounts
	pending []pendingArticle
	storing *storing // the batch the store is writing, reported by report
	full    error    // set at the first full-disk error; nothing more is tried
}

// pendingArticle waits in the batch with the name its errors are
// reported under.
type pendingArticle struct {
	name string
	art  geo.Article
}

func (r *ingestRun) fail(name string, err error) {
	r.counts.Failed++
	r.bar.Logf("incidentmap: ingest: %s: %s", name, oneLine(err.Error()))
}

func (r *ingestRun) ingestInput(in input) {
	if in.err != nil {
		r.fail(in.name, in.err)
		return
	}
	articles, fallback, err := r.readInput(in)
	var badLines *article.LineErrors
	if errors.As(err, &badLines) {
		// JSON Lines: each bad line fails alone; the good ones go on.
		for _, lineErr := range badLines.Errs {
			r.fail(in.name, lineErr)
		}
	} else if err != nil {
		r.fail(in.name, err)
		return
	}
	for i, art := range articles {
		if art.Published.IsZero() {
			art.Published = fallback
		}
		name := in.name
		if len(articles) > 1 {
			name = fmt.Sprintf("%s: article %d", in.name, i+1)
		}
		r.pending = append(r.pending, pendingArticle{name, art})
		if len(r.pending) >= ingestBatch {
			r.flush()
		}
	}
}

// readInput reads the articles of one input and the time to use for
// articles without a published date (file mtime, or now for stdin).
func (r *ingestRun) readInput(in input) ([]geo.Article, time.Time, error) {
	if in.stdin {
		arts, err := article.Read("-", r.app.stdin)
		return arts, time.Now().UTC(), err
	}
	f, err := os.Open(in.path)
	if err != nil {
		return nil, time.Time{}, cleanPathError(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, cleanPathError(err)
	}
	if fi.IsDir() {
		return nil, time.Time{}, fmt.Errorf("is a directory")
	}
	arts, err := article.Read(in.path, io.Reader(f))
	return arts, fi.ModTime().UTC(), err
}

// ingestJSON is the --json line for one article.
type ingestJSON struct {
	ArticleID int64             `json:"article_id"`
	Duplicate bool              `json:"duplicate"`
	Incidents export.Collection `json:"incidents"`
}

func (r *ingestRun) printJSON(res geo.IngestResult) {
	b, err := json.Marshal(ingestJSON{ArticleID: res.ArticleID, Duplicate: res.Duplicate, Incidents: export.CollectionOf(res.Incidents)})
	if err != nil {
		r.fail(fmt.Sprintf("article %d", res.ArticleID), err)
		return
	}
	fmt.Fprintf(r.app.stdout, "%s\n", b)
}
