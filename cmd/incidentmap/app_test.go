package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestUsageErrorsExit2WithOneLine(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string // in the error line
	}{
		{name: "no command", args: nil, want: "no command given"},
		{name: "unknown command", args: []string{"frobnicate"}, want: `unknown command "frobnicate"`},
		{name: "unknown global flag", args: []string{"--nope", "serve"}, want: "flag provided but not defined"},
		{name: "unknown command flag", args: []string{"ingest", "--nope"}, want: "flag provided but not defined"},
		{name: "flag of another command", args: []string{"export", "--addr", ":1"}, want: "-addr"},
		{name: "export unknown format", args: []string{"export", "--format", "kml"}, want: `unknown format "kml"`},
		{name: "export bbox of three numbers", args: []string{"export", "--bbox", "1,2,3"}, want: "--bbox"},
		{name: "export bad datetime", args: []string{"export", "--datetime", "last week"}, want: "--datetime"},
		{name: "export reversed interval", args: []string{"export", "--datetime", "2024-05-02/2024-05-01"}, want: "after end"},
		{name: "export unknown event type", args: []string{"export", "--event-type", "Skirmish"}, want: "unknown event type"},
		{name: "export bad country", args: []string{"export", "--country", "Narnia"}, want: "alpha-2"},
		{name: "export unknown event type lists the valid ones", args: []string{"export", "--event-type", "Shelling"}, want: "Strategic developments"},
		{name: "export stray argument", args: []string{"export", "extra"}, want: "unexpected argument"},
		{name: "export negative limit", args: []string{"export", "--limit", "-1"}, want: "--limit"},
		{name: "gazetteer without subcommand", args: []string{"gazetteer"}, want: "missing subcommand"},
		{name: "gazetteer unknown subcommand", args: []string{"gazetteer", "drop"}, want: "unknown subcommand"},
		{name: "gazetteer search without name", args: []string{"gazetteer", "search"}, want: "missing NAME"},
		{name: "gazetteer add without lat", args: []string{"gazetteer", "add", "--name", "X", "--lon", "1", "--country", "UA"}, want: "--lat"},
		{name: "gazetteer add bad country", args: []string{"gazetteer", "add", "--name", "X", "--lat", "1", "--lon", "1", "--country", "Ukraine"}, want: "--country"},
		{name: "gazetteer import without file", args: []string{"gazetteer", "import"}, want: "exactly one FILE"},
		{name: "serve bad addr", args: []string{"serve", "--addr", "8080"}, want: "host:port"},
		{name: "serve bad body limit", args: []string{"serve", "--body-limit", "lots"}, want: "positive size"},
		{name: "geoparse two files", args: []string{"geoparse", "a", "b"}, want: "at most one FILE"},
		{name: "version with argument", args: []string{"version", "x"}, want: "unexpected argument"},
		{name: "bad boolean in env", env: map[string]string{"INCIDENTMAP_NO_DEMO": "maybe"}, args: []string{"version"}, want: "INCIDENTMAP_NO_DEMO"},
		{name: "bad size in env", env: map[string]string{"INCIDENTMAP_BODY_LIMIT": "-5"}, args: []string{"version"}, want: "INCIDENTMAP_BODY_LIMIT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t)
			for k, v := range tt.env {
				ta.env[k] = v
			}
			if code := ta.runArgs(tt.args...); code != 2 {
				t.Fatalf("exit %d, want 2; stderr: %s", code, ta.stderr)
			}
			assertOneErrorLine(t, ta.stderr.String(), tt.want)
			if ta.stdout.Len() != 0 {
				t.Errorf("usage error wrote to stdout: %q", ta.stdout)
			}
			if len(ta.openedPaths) != 0 {
				t.Errorf("usage error still opened the store")
			}
		})
	}
}

func assertOneErrorLine(t *testing.T, stderr, want string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "incidentmap: ") {
		t.Fatalf("want one line starting with \"incidentmap: \", got %q", stderr)
	}
	if !strings.Contains(lines[0], want) {
		t.Fatalf("error line %q does not mention %q", lines[0], want)
	}
}

func TestHelpExits0(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "help command", args: []string{"help"}, want: "Commands:"},
		{name: "global --help", args: []string{"--help"}, want: "Commands:"},
		{name: "help of a command", args: []string{"help", "export"}, want: "Usage: incidentmap export"},
		{name: "serve", args: []string{"serve", "--help"}, want: "Usage: incidentmap serve"},
		{name: "ingest", args: []string{"ingest", "-h"}, want: "Usage: incidentmap ingest"},
		{name: "geoparse", args: []string{"geoparse", "--help"}, want: "Usage: incidentmap geoparse"},
		{name: "export", args: []string{"export", "--help"}, want: "Usage: incidentmap export"},
		{name: "version", args: []string{"version", "--help"}, want: "Usage: incidentmap version"},
		{name: "gazetteer", args: []string{"gazetteer", "--help"}, want: "Usage: incidentmap gazetteer"},
		{name: "gazetteer search", args: []string{"gazetteer", "search", "--help"}, want: "Usage: incidentmap gazetteer search"},
		{name: "gazetteer add", args: []string{"gazetteer", "add", "--help"}, want: "Usage: incidentmap gazetteer add"},
		{name: "gazetteer import", args: []string{"gazetteer", "import", "--help"}, want: "Usage: incidentmap gazetteer import"},
		{name: "gazetteer export", args: []string{"gazetteer", "export", "--help"}, want: "Usage: incidentmap gazetteer export"},
		{name: "help after arguments", args: []string{"ingest", "a.txt", "--help"}, want: "Usage: incidentmap ingest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t)
			if code := ta.runArgs(tt.args...); code != 0 {
				t.Fatalf("exit %d, want 0; stderr: %s", code, ta.stderr)
			}
			out := ta.stdout.String()
			if !strings.Contains(out, tt.want) || !strings.Contains(out, "Examples:") {
				t.Fatalf("help lacks %q or examples:\n%s", tt.want, out)
			}
			if ta.stderr.Len() != 0 {
				t.Errorf("help wrote to stderr: %q", ta.stderr)
			}
			if len(ta.openedPaths) != 0 {
				t.Errorf("help opened the store")
			}
		})
	}
}

func TestConfigPrecedence(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want Config
	}{
		{
			name: "defaults",
			args: []string{"serve"},
			want: Config{Addr: "127.0.0.1:8080", DB: "./incidentmap.db", BodyLimit: 2 << 20},
		},
		{
			name: "environment overrides defaults",
			env: map[string]string{
				"INCIDENTMAP_ADDR": "0.0.0.0:9000", "INCIDENTMAP_DB": "/tmp/env.db", "INCIDENTMAP_TOKEN": "t0k",
				"INCIDENTMAP_NO_DEMO": "true", "INCIDENTMAP_NO_MERGE": "1", "INCIDENTMAP_TILES": "https://t/{z}/{x}/{y}.png",
				"INCIDENTMAP_TILES_ATTRIBUTION": "© someone", "INCIDENTMAP_BODY_LIMIT": "512K",
			},
			args: []string{"serve"},
			want: Config{Addr: "0.0.0.0:9000", DB: "/tmp/env.db", Token: "t0k", NoDemo: true, NoMerge: true,
				Tiles: "https://t/{z}/{x}/{y}.png", TilesAttribution: "© someone", BodyLimit: 512 << 10},
		},
		{
			name: "flags override environment",
			env:  map[string]string{"INCIDENTMAP_ADDR": "0.0.0.0:9000", "INCIDENTMAP_DB": "/tmp/env.db", "INCIDENTMAP_NO_DEMO": "true"},
			args: []string{"serve", "--addr", "127.0.0.1:7000", "--db=/tmp/flag.db", "--no-demo=false", "--body-limit", "1M"},
			want: Config{Addr: "127.0.0.1:7000", DB: "/tmp/flag.db", BodyLimit: 1 << 20},
		},
		{
			name: "global flag before the command",
			env:  map[string]string{"INCIDENTMAP_DB": "/tmp/env.db"},
			args: []string{"--db", "/tmp/global.db", "--token", "abc", "serve"},
			want: Config{Addr: "127.0.0.1:8080", DB: "/tmp/global.db", Token: "abc", BodyLimit: 2 << 20},
		},
		{
			name: "command flag wins over global flag",
			args: []string{"--db", "/tmp/global.db", "serve", "--db", "/tmp/cmd.db"},
			want: Config{Addr: "127.0.0.1:8080", DB: "/tmp/cmd.db", BodyLimit: 2 << 20},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t).cancelled()
			for k, v := range tt.env {
				ta.env[k] = v
			}
			if code := ta.runArgs(tt.args...); code != 0 {
				t.Fatalf("exit %d; stderr: %s", code, ta.stderr)
			}
			if ta.server == nil {
				t.Fatal("server was not built")
			}
			if got := ta.server.opts.Config; got != tt.want {
				t.Fatalf("config\n got %+v\nwant %+v", got, tt.want)
			}
			if ta.store.path != tt.want.DB {
				t.Errorf("store opened at %q, want %q", ta.store.path, tt.want.DB)
			}
		})
	}
}

func TestEnvDBUsedByIngest(t *testing.T) {
	ta := newTestApp(t)
	ta.env["INCIDENTMAP_DB"] = "/tmp/from-env.db"
	ta.app.stdin = strings.NewReader("Quiet day\nnothing happened")
	if code := ta.runArgs("ingest"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	if ta.store.path != "/tmp/from-env.db" {
		t.Fatalf("store path %q", ta.store.path)
	}
}

func TestVersion(t *testing.T) {
	ta := newTestApp(t)
	if code := ta.runArgs("version"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	out := ta.stdout.String()
	if !strings.HasPrefix(out, "incidentmap v9.9.9-test ") || !strings.Contains(out, "gazetteer: GeoNames cities500 2024-01-01") {
		t.Fatalf("version output:\n%s", out)
	}
}

func TestVersionWithoutGazetteerStillSucceeds(t *testing.T) {
	// The real binary's wiring: version must work even before the
	// gazetteer is connected.
	var out, errb bytes.Buffer
	if code := run([]string{"version"}, func(string) string { return "" }, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), "incidentmap "+version) || !strings.Contains(out.String(), "gazetteer: ") {
		t.Fatalf("version output: %q", out.String())
	}
}

func TestServeStartsAndStopsOnSignal(t *testing.T) {
	ta := newTestApp(t).cancelled()
	if code := ta.runArgs("serve", "--addr", "127.0.0.1:0"); code != 0 {
		t.Fatalf("exit %d: %s", code, ta.stderr)
	}
	if !ta.server.opened || !ta.server.closed || !ta.store.closed {
		t.Fatalf("server opened %v closed %v, store closed %v", ta.server.opened, ta.server.closed, ta.store.closed)
	}
	if !strings.Contains(ta.stdout.String(), "http://127.0.0.1:0/") {
		t.Fatalf("the URL is not printed: %q", ta.stdout)
	}
}

func TestServeRefusesPublicAddressWithoutToken(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantRefuse bool
	}{
		{name: "loopback", args: []string{"serve", "--addr", "127.0.0.1:8080"}},
		{name: "localhost", args: []string{"serve", "--addr", "localhost:8080"}},
		{name: "all interfaces without token", args: []string{"serve", "--addr", ":8080"}, wantRefuse: true},
		{name: "all interfaces with token", args: []string{"serve", "--addr", "0.0.0.0:8080", "--token", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ta := newTestApp(t).cancelled()
			code := ta.runArgs(append(tt.args, "--no-demo")...)
			if tt.wantRefuse {
				if code != 1 || !strings.Contains(ta.stderr.String(), "without a token") || len(ta.openedPaths) > 0 {
					t.Fatalf("exit %d, store opened: want 1 before the store is opened: %q", code, ta.stderr)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d: %s", code, ta.stderr)
			}
		})
	}
}
