package main

import (
	"context"
	"fmt"
	"net"
	"runtime/debug"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

func serveHelp() helpText {
	return helpText{
		usage: "serve [flags]",
		about: `Serves the map page, the OGC API - Features endpoints and the ingest API.
Creates or opens the store (--db); when the store has no incidents it loads
a bundled demo set of reports first, unless --no-demo. Runs until
interrupted (Ctrl-C or SIGTERM), then shuts down gracefully. Listening
beyond localhost needs a --token (or INCIDENTMAP_TOKEN): without one serve
refuses to start, and with one every write, and /metrics, needs
"Authorization: Bearer". The server answers only requests addressed to a
loopback name, an IP address, the --addr host or the host of --base-url
(set it to the public root behind a proxy or a public name; links use it),
and refuses writes a browser sends from another origin.`,
		examples: []string{
			"incidentmap serve",
			"incidentmap serve --addr :8080 --db /var/lib/incidentmap/store.db --no-demo",
			"INCIDENTMAP_TOKEN=s3cret incidentmap serve --addr 0.0.0.0:8080",
			"INCIDENTMAP_TOKEN=s3cret incidentmap serve --addr 127.0.0.1:8080 --base-url https://map.example.org",
			"incidentmap serve --tiles 'https://tile.example.org/{z}/{x}/{y}.png' --tiles-attribution '© OpenStreetMap contributors'",
		},
	}
}

// shutdownTimeout bounds the graceful shutdown after a signal.
const shutdownTimeout = 10 * time.Second

// serveMemoryLimit is the Go runtime's soft memory limit for serve unless
// GOMEMLIMIT sets another: near it the garbage collector runs more often
// instead of letting the heap double, so a burst of large pages does not
// push the process towards twice its live memory.
const serveMemoryLimit = 640 << 20

func (a *app) cmdServe(cfg Config, args []string) error {
	fs := newFlagSet("serve")
	registerConfigFlags(fs, &cfg, flagsAll)
	rest, err := a.parseFlags(fs, args, serveHelp())
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("unexpected argument %q", rest[0])
	}
	if _, _, err := net.SplitHostPort(cfg.Addr); err != nil {
		return usageErrorf("--addr %q: want host:port, e.g. 127.0.0.1:8080", cfg.Addr)
	}
	// Refuse before touching the store: a public address needs a token.
	if cfg.Token == "" && !isLoopback(cfg.Addr) {
		return fmt.Errorf("refusing to listen on %s without a token: set --token (or INCIDENTMAP_TOKEN), or listen on 127.0.0.1", cfg.Addr)
	}
	if a.getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	st, err := a.deps.openStore(cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	// Listen first, load after: the layers answer while the gazetteer
	// loads; ingest and gazetteer requests wait for it (or get a 503).
	ld := a.startLoading(st, cfg.NoDemo, !cfg.NoMerge)
	defer func() { <-ld.done }() // the loader uses the store: let it end first
	srv, err := a.deps.newServer(serverOptions{
		Config: cfg, Version: a.version, Store: st, Loading: ld, Log: a.stderr,
	})
	if err != nil {
		return err
	}
	if err := srv.Open(); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "incidentmap %s serving %s (store %s); press Ctrl-C to stop\n", a.version, srv.URL(), storeName(cfg.DB))
	var loadErr error
	select {
	case <-a.ctx.Done():
	case <-ld.done:
		if loadErr = ld.err; loadErr == nil {
			<-a.ctx.Done()
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Close(ctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if loadErr != nil {
		return loadErr
	}
	fmt.Fprintln(a.stdout, "incidentmap: stopped")
	return nil
}

// loadDemo fills an empty store with the bundled demo reports. A failure
// is a warning: the server is still useful without the demo.
func (a *app) loadDemo(st store, pl pipeline, merge bool) {
	warn := func(err error) {
		fmt.Fprintf(a.stderr, "incidentmap: warning: demo data not loaded: %s\n", oneLine(err.Error()))
	}
	_, total, err := st.Incidents(a.ctx, geo.IncidentFilter{Limit: 1})
	if err != nil {
		warn(err)
		return
	}
	if total > 0 {
		return
	}
	articles, err := a.deps.demoArticles()
	if err != nil {
		warn(err)
		return
	}
	var counts ingestCounts
	for _, art := range articles {
		res, err := ingestArticle(a.ctx, st, pl, art, merge)
		if err != nil {
			warn(err)
			return
		}
		counts.add(res)
	}
	fmt.Fprintf(a.stderr, "loaded demo data (--no-demo to skip): %s\n", counts)
}

// isLoopback reports whether addr listens only on this machine.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
