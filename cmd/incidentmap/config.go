package main

import (
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
)

// Config is the configuration shared by the commands, filled in one place:
// defaults, then INCIDENTMAP_* environment variables, then flags given
// before the command, then flags given after it.
type Config struct {
	Addr             string // listen address of serve
	DB               string // path of the SQLite store, or a postgres:// URL
	Token            string // bearer token required for writes; empty = none
	NoDemo           bool   // do not load the demo set into an empty store
	NoMerge          bool   // keep every incident separate (no cross-source merging)
	Tiles            string // optional online tile URL template for the map
	TilesAttribution string // attribution shown for Tiles
	BodyLimit        int64  // largest accepted request body, bytes
	BaseURL          string // public root of links and the public host name served

	// LogLevel is the threshold of serve's log; each request is logged at
	// INFO, so --log-level warn quiets them.
	LogLevel slog.Level
	// Basemap is a local PMTiles archive of raster tiles the map draws
	// under the incidents; empty keeps the bundled countries only.
	Basemap string
}

// defaultConfig is the configuration with no flags and no environment.
func defaultConfig() Config {
	return Config{
		Addr:      "127.0.0.1:8080",
		DB:        "./incidentmap.db",
		BodyLimit: 2 << 20,
	}
}

// envVars lists the environment variables and the flag each stands for.
func envVars() [][2]string {
	return [][2]string{
		{"INCIDENTMAP_ADDR", "addr"},
		{"INCIDENTMAP_DB", "db"},
		{"INCIDENTMAP_TOKEN", "token"},
		{"INCIDENTMAP_NO_DEMO", "no-demo"},
		{"INCIDENTMAP_NO_MERGE", "no-merge"},
		{"INCIDENTMAP_TILES", "tiles"},
		{"INCIDENTMAP_TILES_ATTRIBUTION", "tiles-attribution"},
		{"INCIDENTMAP_BODY_LIMIT", "body-limit"},
		{"INCIDENTMAP_BASE_URL", "base-url"},
		{"INCIDENTMAP_LOG_LEVEL", "log-level"},
		{"INCIDENTMAP_BASEMAP", "basemap"},
	}
}

// flagGroup selects which configuration flags a command accepts.
type flagGroup int

const (
	flagsDB     flagGroup = 1 << iota // --db
	flagsMerge                        // --no-merge
	flagsServer                       // --addr, --token, --no-demo, --tiles, ...
	flagsAll    = flagsDB | flagsMerge | flagsServer
)

// registerConfigFlags binds cfg's fields to fs; each flag's default is the
// field's current value, so help shows what environment variables set.
func registerConfigFlags(fs *flag.FlagSet, cfg *Config, groups flagGroup) {
	if groups&flagsDB != 0 {
		fs.StringVar(&cfg.DB, "db", cfg.DB, "SQLite store `path`, or a postgres:// URL (env INCIDENTMAP_DB)")
	}
	if groups&flagsMerge != 0 {
		fs.BoolVar(&cfg.NoMerge, "no-merge", cfg.NoMerge, "store every incident separately instead of merging reports of the same event (env INCIDENTMAP_NO_MERGE)")
	}
	if groups&flagsServer != 0 {
		fs.StringVar(&cfg.Addr, "addr", cfg.Addr, "listen `address` host:port (env INCIDENTMAP_ADDR)")
		fs.StringVar(&cfg.Token, "token", cfg.Token, "bearer `token` required for POST requests; prefer the env INCIDENTMAP_TOKEN, which other users cannot see in the process list")
		fs.BoolVar(&cfg.NoDemo, "no-demo", cfg.NoDemo, "do not load the demo articles into an empty store (env INCIDENTMAP_NO_DEMO)")
		fs.StringVar(&cfg.Tiles, "tiles", cfg.Tiles, "online tile `URL` template such as https://tile.example.org/{z}/{x}/{y}.png; default is the offline basemap (env INCIDENTMAP_TILES)")
		fs.StringVar(&cfg.TilesAttribution, "tiles-attribution", cfg.TilesAttribution, "attribution `text` shown for --tiles (env INCIDENTMAP_TILES_ATTRIBUTION)")
		fs.StringVar(&cfg.BaseURL, "base-url", cfg.BaseURL, "public root `URL` such as https://map.example.org: used in links, and its host is the one public name the server answers to besides loopback names and IP addresses (env INCIDENTMAP_BASE_URL)")
		fs.Var((*byteSize)(&cfg.BodyLimit), "body-limit", "largest request body, e.g. 512K, 2M (env INCIDENTMAP_BODY_LIMIT)")
		fs.StringVar(&cfg.Basemap, "basemap", cfg.Basemap, "local PMTiles `file` of raster tiles drawn as the basemap, read with range requests; nothing is fetched from the internet (env INCIDENTMAP_BASEMAP)")
		fs.TextVar(&cfg.LogLevel, "log-level", cfg.LogLevel, "log `level`: debug, info, warn or error; warn hides the line logged per request (env INCIDENTMAP_LOG_LEVEL)")
	}
}

// applyEnv sets cfg from INCIDENTMAP_* variables through the same parsers
// as the flags, so a bad value reads the same either way.
func applyEnv(cfg *Config, getenv func(string) string) error {
	fs := flag.NewFlagSet("env", flag.ContinueOnError)
	registerConfigFlags(fs, cfg, flagsAll)
	for _, ev := range envVars() {
		v := getenv(ev[0])
		if v == "" {
			continue
		}
		if err := fs.Set(ev[1], v); err != nil {
			if bf, ok := fs.Lookup(ev[1]).Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
				return usageErrorf("%s=%q: want true or false (1 or 0)", ev[0], v)
			}
			return usageErrorf("%s=%q: %v", ev[0], v, err)
		}
	}
	return nil
}

// globalConfig builds the configuration from defaults, environment and the
// flags before the command name; it returns the remaining arguments.
func (a *app) globalConfig(args []string) (Config, []string, error) {
	cfg := defaultConfig()
	if err := applyEnv(&cfg, a.getenv); err != nil {
		return cfg, nil, err
	}
	fs := newFlagSet("incidentmap")
	registerConfigFlags(fs, &cfg, flagsAll)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return cfg, []string{"help"}, nil
		}
		return cfg, nil, usageErrorf("%v", err)
	}
	return cfg, fs.Args(), nil
}

// byteSize is a flag value for sizes such as 1048576, 512K, 2M or 1G
// (binary multiples).
type byteSize int64

func (b *byteSize) String() string {
	if b == nil {
		return "0"
	}
	n := int64(*b)
	for _, u := range []struct {
		suffix string
		size   int64
	}{{"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}} {
		if n != 0 && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + u.suffix
		}
	}
	return strconv.FormatInt(n, 10)
}

func (b *byteSize) Set(s string) error {
	s = strings.ToUpper(strings.TrimSpace(s))
	s = strings.TrimSuffix(strings.TrimSuffix(s, "B"), "I")
	mult := int64(1)
	if s != "" {
		switch s[len(s)-1] {
		case 'K':
			mult = 1 << 10
		case 'M':
			mult = 1 << 20
		case 'G':
			mult = 1 << 30
		}
		if mult != 1 {
			s = s[:len(s)-1]
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return fmt.Errorf("want a positive size such as 1048576, 512K or 2M")
	}
	*b = byteSize(n * mult)
	return nil
}
