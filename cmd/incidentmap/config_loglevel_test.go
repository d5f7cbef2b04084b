package main

import (
	"flag"
	"log/slog"
	"testing"
)

func TestLogLevelFromFlagAndEnv(t *testing.T) {
	cfg := defaultConfig()
	if cfg.LogLevel != slog.LevelInfo {
		t.Fatalf("default level %v", cfg.LogLevel)
	}
	env := map[string]string{"INCIDENTMAP_LOG_LEVEL": "error"}
	if err := applyEnv(&cfg, func(k string) string { return env[k] }); err != nil || cfg.LogLevel != slog.LevelError {
		t.Fatalf("env: level %v, err %v", cfg.LogLevel, err)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	registerConfigFlags(fs, &cfg, flagsServer)
	if err := fs.Parse([]string{"--log-level", "warn"}); err != nil || cfg.LogLevel != slog.LevelWarn {
		t.Fatalf("flag: level %v, err %v", cfg.LogLevel, err)
	}
	bad := defaultConfig()
	env["INCIDENTMAP_LOG_LEVEL"] = "loud"
	if err := applyEnv(&bad, func(k string) string { return env[k] }); err == nil {
		t.Fatal("a level that does not exist was accepted")
	}
}
