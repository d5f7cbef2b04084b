package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// cliResult is what one run of the binary printed and its exit status.
type cliResult struct {
	stdout, stderr string
	code           int
}

// childEnv is the test's environment without INCIDENTMAP_* variables, so
// a developer's own configuration cannot change what the tests see.
func childEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "INCIDENTMAP_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// runCLI runs the binary with args and stdin and returns its output and
// exit status; it fails the test only if the binary cannot be run at all.
func runCLI(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binaryPath(), args...)
	cmd.Env = childEnv()
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := cliResult{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		res.code = exit.ExitCode()
	default:
		t.Fatalf("incidentmap %s: %v\nstderr: %s", strings.Join(args, " "), err, res.stderr)
	}
	return res
}

// mustCLI runs the binary and fails the test unless it exits 0.
func mustCLI(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	res := runCLI(t, stdin, args...)
	if res.code != 0 {
		t.Fatalf("incidentmap %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), res.code, res.stdout, res.stderr)
	}
	return res
}

// lockedBuffer collects a child's output while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serverOptions configures one "incidentmap serve" process.
type serverOptions struct {
	db     string // store path or URL; a fresh store when empty (see storeFor)
	noDemo bool
	token  string // passed through INCIDENTMAP_TOKEN, as the help advises

	args []string // more serve flags
}

// liveServer is a running "incidentmap serve" process.
type liveServer struct {
	url            string
	db             string
	cmd            *exec.Cmd
	stdout, stderr *lockedBuffer
	exited         chan struct{} // closed when the process has exited
	exitCode       int           // valid after exited is closed
}

// startServer runs "incidentmap serve" on a free loopback port and waits
// until /healthz answers. The process is stopped when the test ends.
func startServer(t *testing.T, opts serverOptions) *liveServer {
	t.Helper()
	if opts.db == "" {
		opts.db = storeFor(t)
	}
	var lastErr string
	// A free port can be taken by someone else before the server binds
	// it; try a few.
	for range 3 {
		s := launchServer(t, opts, freePort(t))
		err := s.waitHealthy(60 * time.Second)
		if err == nil {
			t.Cleanup(func() { s.kill() })
			return s
		}
		s.kill()
		lastErr = fmt.Sprintf("%v\nstdout: %s\nstderr: %s", err, s.stdout, s.stderr)
		if !strings.Contains(s.stderr.String(), "address already in use") {
			break
		}
	}
	t.Fatalf("server did not come up: %s", lastErr)
	return nil
}

func launchServer(t *testing.T, opts serverOptions, port int) *liveServer {
	t.Helper()
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	args := []string{"serve", "--addr", addr, "--db", opts.db}
	if opts.noDemo {
		args = append(args, "--no-demo")
	}
	args = append(args, opts.args...)
	cmd := exec.Command(binaryPath(), args...)
	cmd.Env = childEnv()
	if opts.token != "" {
		cmd.Env = append(cmd.Env, "INCIDENTMAP_TOKEN="+opts.token)
	}
	s := &liveServer{url: "http://" + addr, db: opts.db, cmd: cmd,
		stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, exited: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = s.stdout, s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start server: %v", err)
	}
	go func() {
		err := cmd.Wait()
		s.exitCode = 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			s.exitCode = exit.ExitCode()
		} else if err != nil {
			s.exitCode = -1
		}
		close(s.exited)
	}()
	return s
}

// freePort asks the kernel for an unused loopback port.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitHealthy polls /healthz until it answers 200 with the gazetteer
// loaded, the process exits, or the time is up.
func (s *liveServer) waitHealthy(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	client := &http.Client{Timeout: 2 * time.Second}
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			return fmt.Errorf("server exited with status %d", s.exitCode)
		default:
		}
		resp, err := client.Get(s.url + "/healthz")
		if err == nil {
			var body struct{ Status string }
			json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			// The server listens before the gazetteer (and the demo)
			// have loaded; the tests want both.
			if resp.StatusCode == http.StatusOK && body.Status != "loading" {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("no answer from %s/healthz within %v", s.url, limit)
}

// terminate sends SIGTERM and waits for the exit status; it fails the
// test when the server does not stop within the time limit.
func (s *liveServer) terminate(t *testing.T, limit time.Duration) int {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	select {
	case <-s.exited:
		return s.exitCode
	case <-time.After(limit):
		s.kill()
		t.Fatalf("server still running %v after SIGTERM", limit)
		return -1
	}
}

// kill ends the process if it is still running (SIGTERM, then SIGKILL).
func (s *liveServer) kill() {
	select {
	case <-s.exited:
		return
	default:
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}
