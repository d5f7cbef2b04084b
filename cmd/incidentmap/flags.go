package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlagSet returns a flag set that reports errors to its caller instead of
// printing them, so every error leaves as one line through app.exit.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// helpText describes one command for --help.
type helpText struct {
	usage    string // after "incidentmap "
	about    string
	examples []string
}

// parseFlags parses a command's flags, which may come before, between or
// after its arguments ("ingest a.txt --db x.db"); "--" ends the flags. On
// -h/--help it prints the help to stdout and returns errHelp.
func (a *app) parseFlags(fs *flag.FlagSet, args []string, help helpText) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				printHelp(a.stdout, fs, help)
				return nil, errHelp
			}
			return nil, usageErrorf("%v", err)
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// printHelp writes usage, description, flags and examples.
func printHelp(w io.Writer, fs *flag.FlagSet, h helpText) {
	fmt.Fprintf(w, "Usage: incidentmap %s\n\n%s\n", h.usage, strings.TrimSpace(h.about))
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	if len(h.examples) > 0 {
		fmt.Fprint(w, "\nExamples:\n")
		for _, e := range h.examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
}

// mainUsage lists the commands and the shared configuration.
func (a *app) mainUsage(w io.Writer) {
	fmt.Fprint(w, `incidentmap: a geospatial incident map server. Paste conflict news; it
finds the places, types the incidents (ACLED taxonomy) and maps them.

Usage: incidentmap [flags] <command> [command flags] [arguments]

Commands:
`)
	cmds := commands()
	for _, name := range commandNames() {
		fmt.Fprintf(w, "  %-10s %s\n", name, cmds[name].summary)
	}
	fmt.Fprint(w, `
Configuration (flag / environment variable; flags win over the environment):
`)
	for _, ev := range envVars() {
		fmt.Fprintf(w, "  --%-18s %s\n", ev[1], ev[0])
	}
	fmt.Fprint(w, `
Exit status: 0 success, 1 failure, 2 usage error.

Examples:
  incidentmap serve
  incidentmap ingest reports/
  incidentmap export --format csv --country UA -o ukraine.csv
  incidentmap help ingest
`)
}

// listFlag collects repeated or comma-separated flag values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*l = append(*l, part)
		}
	}
	return nil
}
