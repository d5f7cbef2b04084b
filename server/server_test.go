package server

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestNewRefusesUnsafeConfig(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"all interfaces without a token", Config{Addr: ":8080"}, "without a token"},
		{"public address without a token", Config{Addr: "192.0.2.10:8080"}, "without a token"},
		{"host name without a token", Config{Addr: "example.org:80"}, "without a token"},
		{"address without a port", Config{Addr: "127.0.0.1"}, "listen address"},
		{"tile URL that is not http", Config{Addr: "127.0.0.1:0", TileURL: "ftp://tiles/{z}"}, "tile URL"},
		{"loopback without a token", Config{Addr: "127.0.0.1:8080"}, ""},
		{"localhost without a token", Config{Addr: "localhost:8080"}, ""},
		{"IPv6 loopback without a token", Config{Addr: "[::1]:8080"}, ""},
		{"all interfaces with a token", Config{Addr: ":8080", Token: "t"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg, testDeps())
			if tt.wantErr == "" && err != nil {
				t.Fatalf("New: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("New error = %v, want one with %q", err, tt.wantErr)
			}
		})
	}
	if _, err := New(Config{Addr: "127.0.0.1:0"}, Deps{}); err == nil {
		t.Fatal("New accepted deps without a store")
	}
}

func TestOpenServeClose(t *testing.T) {
	s := mustServer(t, Config{}, testDeps())
	if err := s.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	resp, err := http.Get(s.URL() + "/healthz")
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "ok") {
		t.Fatalf("healthz %d %s", resp.StatusCode, body)
	}

	// A second server on the same port fails at Open, not later.
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(s.URL(), "http://"))
	clash := mustServer(t, Config{Addr: "127.0.0.1:" + port}, testDeps())
	if err := clash.Open(); err == nil {
		clash.Close(context.Background())
		t.Fatal("Open succeeded on a taken port")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.Close(ctx); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := http.Get(s.URL() + "/healthz"); err == nil {
		t.Fatal("server still answers after Close")
	}
}
