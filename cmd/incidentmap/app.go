package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/incidentmap/incidentmap/geo"
)

// The command layer sees the real components only through these
// interfaces; wire.go builds the real ones and tests use fakes.

// pipeline turns an article into the places it mentions and its incidents.
type pipeline interface {
	Process(a geo.Article) processed
}

// geoparser finds and resolves the places named in a text.
type geoparser interface {
	Parse(text string) []geo.Mention
	// Geoparse also reports the names it could not place.
	Geoparse(text string) geo.Geoparse
	// Explain is Parse with the candidates weighed for each place.
	Explain(text string) []geo.Mention
}

// incidentStore keeps articles and incidents.
type incidentStore interface {
	// Ingest stores an article with its mentions and incidents in one
	// transaction; merge folds incidents into matching stored ones.
	Ingest(ctx context.Context, p processed, merge bool) (geo.IngestResult, error)
	// IngestBatch stores many articles in one transaction; an article that
	// fails is rolled back alone and reported in errs[i]. With counts the
	// results' Incidents are left empty.
	IngestBatch(ctx context.Context, items []processed, merge, counts bool) (res []geo.IngestResult, errs []error, err error)
	// Incidents returns one page of matching incidents (newest event date
	// first, then id descending, keyset paging with f.After) and the total.
	Incidents(ctx context.Context, f geo.IncidentFilter) ([]geo.Incident, int, error)
}

// processed is an article with the places and incidents found in it, and
// the names it marks as places that the gazetteer lacks.
type processed struct {
	Article    geo.Article
	Mentions   []geo.Mention
	Incidents  []geo.Incident
	Unresolved []geo.Unresolved
}

// placeStore keeps the user's gazetteer entries.
type placeStore interface {
	// AddPlaces stores entries and returns them with their assigned ids.
	AddPlaces(ctx context.Context, ps []geo.Place) ([]geo.Place, error)
	UserPlaces(ctx context.Context) ([]geo.Place, error)
}

// store is the store (SQLite or PostGIS) as the commands use it.
type store interface {
	incidentStore
	placeStore
	Close() error
}

// gazetteer is the place-name index.
type gazetteer interface {
	// Search returns entries matching a name, best first.
	Search(query string, limit int) []geo.Place
	// BuildInfo says when and from which sources the bundled data was built.
	BuildInfo() string
}

// server is the HTTP server: Open listens at once (so a busy port fails
// before anything is printed), Close shuts down gracefully.
type server interface {
	Open() error
	URL() string
	Close(ctx context.Context) error
}

// serverOptions is everything the HTTP server is built from.
type serverOptions struct {
	Config  Config
	Version string
	Store   store
	Loading *loading // the gazetteer and pipeline, loading in the background
	Log     io.Writer
}

// deps constructs the real components; tests replace them with fakes.
type deps struct {
	openStore func(path string) (store, error)
	// loadGazetteer loads the index; search asks for the autocomplete
	// index too, which commands that only resolve names go without.
	loadGazetteer func(user []geo.Place, search bool) (gazetteer, error)
	newPipeline   func(gz gazetteer) (pipeline, error)
	newGeoparser  func(gz gazetteer) (geoparser, error)
	// countryHolds says whether a country's polygon holds a point, for
	// scoring country answers against gold points.
	countryHolds  func() (func(code string, lat, lon float64) bool, error)
	newServer     func(opts serverOptions) (server, error)
	gazetteerInfo func() (string, error)
	demoArticles  func() ([]geo.Article, error)
	// readGeoNames calls fn for each row of a GeoNames dump
	// (allCountries.txt, cities500.txt, ...) and bad for each malformed
	// line, which is skipped.
	readGeoNames func(r io.Reader, fn func(geo.Place) error, bad func(line int, err error)) (malformed int, err error)
	// copyStore copies the SQLite store at from into the PostGIS database
	// at to, resuming an earlier copy, then compares the two stores'
	// counts and sample incidents.
	copyStore func(ctx context.Context, from, to string, sample int, prog rowProgress) (copyResult, error)
}

// rowProgress is told a copy's rows in all, then those done as they are.
type rowProgress interface {
	Total(rows int)
	Add(rows int)
}

// copyResult is what a store copy did and checked.
type copyResult struct {
	Copied, Skipped int // rows copied now, rows an earlier copy had copied
	Tables          int // tables whose counts compared equal
	Sampled         int // incidents that compared equal
}

// app is one invocation of the binary: its streams, environment and
// component constructors. It holds no state between invocations.
type app struct {
	ctx            context.Context
	getenv         func(string) string
	stdin          io.Reader
	stdout, stderr io.Writer
	stderrTTY      bool // draw progress bars only on a terminal
	version        string
	deps           deps
}

// command is one subcommand.
type command struct {
	summary string
	run     func(a *app, cfg Config, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":     {"serve the map and the API", (*app).cmdServe},
		"ingest":    {"read articles into the store", (*app).cmdIngest},
		"geoparse":  {"find the places in a text (JSON on stdout)", (*app).cmdGeoparse},
		"gazetteer": {"search, add, import or export gazetteer entries", (*app).cmdGazetteer},
		"export":    {"write incidents as GeoJSON, CSV or NDJSON", (*app).cmdExport},
		"version":   {"print the version and the gazetteer's build", (*app).cmdVersion},
		"migrate":   {"copy a SQLite store into PostgreSQL/PostGIS", (*app).cmdMigrate},
	}
}

// run executes one command line and returns the exit status.
func (a *app) run(args []string) int {
	cfg, rest, err := a.globalConfig(args)
	if err != nil {
		return a.exit("", err)
	}
	if len(rest) == 0 {
		return a.exit("", usageErrorf("no command given (commands: %s)", strings.Join(commandNames(), ", ")))
	}
	name := rest[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 1 {
			return a.run([]string{rest[1], "--help"})
		}
		a.mainUsage(a.stdout)
		return 0
	}
	cmd, ok := commands()[name]
	if !ok {
		return a.exit("", usageErrorf("unknown command %q (commands: %s)", name, strings.Join(commandNames(), ", ")))
	}
	return a.exit(name, cmd.run(a, cfg, rest[1:]))
}

func commandNames() []string {
	var names []string
	for n := range commands() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// errHelp means help was printed on request: exit 0.
var errHelp = errors.New("help requested")

// errReported means the failures were already reported line by line: exit
// 1 without another message.
var errReported = errors.New("failures reported")

// usageError is a mistake in the command line: exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usageErrorf(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// exit prints err as one line on stderr and maps it to an exit status.
func (a *app) exit(cmd string, err error) int {
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errReported):
		return 1
	}
	prefix := "incidentmap: "
	if cmd != "" {
		prefix += cmd + ": "
	}
	msg := oneLine(err.Error())
	var ue *usageError
	if errors.As(err, &ue) {
		hint := "incidentmap help"
		if cmd != "" {
			hint = "incidentmap " + cmd + " --help"
		}
		fmt.Fprintf(a.stderr, "%s%s (see '%s')\n", prefix, msg, hint)
		return 2
	}
	if errors.Is(err, context.Canceled) {
		msg = "interrupted"
	}
	fmt.Fprintf(a.stderr, "%s%s\n", prefix, msg)
	return 1
}

// messageOf is the message of a *geo.Error without its field name, for
// errors the caller already attributes to a flag.
func messageOf(err error) string {
	var e *geo.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// oneLine keeps an error on one line of the terminal.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(strings.TrimSpace(s))
}
