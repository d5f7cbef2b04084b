// Command incidentmap is the incident map server and its tools in one
// binary: serve the map, ingest articles, geoparse text, manage the
// gazetteer and export incidents. Run "incidentmap help" for the commands.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
}

// run is the testable entry point: it runs one command line with the real
// components and returns the exit status (0 ok, 1 failure, 2 usage error).
// SIGINT and SIGTERM cancel the command's context.
func run(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{
		ctx:       ctx,
		getenv:    getenv,
		stdin:     stdin,
		stdout:    stdout,
		stderr:    stderr,
		stderrTTY: isTerminal(stderr),
		version:   version,
		deps:      realDeps(),
	}
	return a.run(args)
}
