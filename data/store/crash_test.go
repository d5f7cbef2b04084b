package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// crashChildEnv makes the test binary an ingesting child (see
// TestCrashChild) instead of running the tests.
const crashChildEnv = "INCIDENTMAP_CRASH_CHILD"

// crashArticle is article i of the crash test, with two incidents so that
// each article writes several tables.
func crashArticle(i int) IngestItem {
	text := fmt.Sprintf("Report %d. Shelling hit Kharkiv overnight. Drones struck Odesa. %s", i, strings.Repeat("More detail. ", 50))
	return IngestItem{
		Article: geo.Article{Title: fmt.Sprintf("Report %d", i), URL: fmt.Sprintf("https://example.org/crash/%d", i),
			Published: time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC), Text: text},
		Incidents: []geo.Incident{
			incidentAt(kharkiv, "2024-04-05", geo.SubShelling, "Shelling hit Kharkiv overnight.", text),
			incidentAt(odesa, "2024-04-04", geo.SubAirDroneStrike, "Drones struck Odesa.", text),
		},
	}
}

// TestCrashChild is the child process: it ingests articles from START on,
// in batches of random size (and now and then one at a time, or a batch
// that repeats acknowledged articles), printing "ack N" once article N is
// committed. It runs until killed.
func TestCrashChild(t *testing.T) {
	spec := os.Getenv(crashChildEnv)
	if spec == "" {
		t.Skip("only runs as the crash test's child process")
	}
	path, startText, _ := strings.Cut(spec, "|")
	start, _ := strconv.Atoi(startText)
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	out := bufio.NewWriter(os.Stdout)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), uint64(start)))
	ctx := context.Background()
	for next := start; ; {
		n := 1 + rng.IntN(40)
		var items []IngestItem
		for i := range n {
			items = append(items, crashArticle(next+i))
		}
		if rng.IntN(5) == 0 && next > 0 {
			items = append(items, crashArticle(rng.IntN(next))) // a repeat: must stay one article
		}
		if n == 1 {
			if _, err := s.Ingest(ctx, items[0].Article, nil, items[0].Incidents, IngestOptions{Merge: true}); err != nil {
				fmt.Fprintln(out, "error", err)
				out.Flush()
				os.Exit(3)
			}
		} else {
			_, errs, err := s.IngestBatch(ctx, items, IngestOptions{Merge: true})
			if err == nil {
				for _, e := range errs {
					err = cmpOr(err, e)
				}
			}
			if err != nil {
				fmt.Fprintln(out, "error", err)
				out.Flush()
				os.Exit(3)
			}
		}
		for i := range n {
			fmt.Fprintln(out, "ack", next+i)
		}
		out.Flush()
		next += n
	}
}

func cmpOr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// TestCrashDuringIngest kills an ingesting child process with SIGKILL at
// random moments, restarts it on the same file, and checks that the store
// passes integrity_check and holds every acknowledged article exactly
// once (and no article twice).
func TestCrashDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills child processes")
	}
	path := t.TempDir() + "/crash.db"
	acked := map[int]bool{}
	next := 0
	rng := rand.New(rand.NewPCG(13, 13))
	for round := range 6 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path+"|"+strconv.Itoa(next))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		killAt := time.Duration(30+rng.IntN(400)) * time.Millisecond
		timer := time.AfterFunc(killAt, func() { cmd.Process.Signal(syscall.SIGKILL) })
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			word, num, _ := strings.Cut(sc.Text(), " ")
			switch word {
			case "ack":
				n, _ := strconv.Atoi(num)
				acked[n] = true
				next = max(next, n+1)
			case "error":
				t.Fatalf("round %d: child failed: %s", round, num)
			}
		}
		timer.Stop()
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: child ended without being killed: %v", round, err)
		}
		// Articles after the last acknowledged one may or may not have
		// been committed before the kill; the next round starts after
		// them so each number is sent at most once besides repeats.
		next += 50
	}
	if len(acked) == 0 {
		t.Fatal("no article was acknowledged; the child did not get going")
	}
	s := MustOpenPath(t, path)
	var check string
	if err := s.read.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	rows, err := s.read.Query(`SELECT url, COUNT(*) FROM articles GROUP BY url`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	stored := map[int]int{}
	for rows.Next() {
		var url string
		var n int
		if err := rows.Scan(&url, &n); err != nil {
			t.Fatal(err)
		}
		i, err := strconv.Atoi(strings.TrimPrefix(url, "https://example.org/crash/"))
		if err != nil {
			t.Fatalf("unexpected article URL %q", url)
		}
		stored[i] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for i := range acked {
		if stored[i] != 1 {
			t.Fatalf("acknowledged article %d is stored %d times", i, stored[i])
		}
	}
	for i, n := range stored {
		if n != 1 {
			t.Fatalf("article %d is stored %d times", i, n)
		}
	}
	var orphans int
	if err := s.read.QueryRow(`SELECT COUNT(*) FROM incident_sources WHERE article_id NOT IN (SELECT id FROM articles)`).Scan(&orphans); err != nil {
		t.Logf("orphan check skipped: %v", err)
	} else if orphans != 0 {
		t.Fatalf("%d incident sources point at no article", orphans)
	}
	t.Logf("%d articles acknowledged, %d stored, after 6 kills", len(acked), len(stored))
}
