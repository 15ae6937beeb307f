package daemon

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier/intake"
	"dossier/ledger"
)

// TestHelperDaemon is the daemon as a child process of TestCrashSafety.
func TestHelperDaemon(t *testing.T) {
	in, data := os.Getenv("DOSSIER_HELPER_INBOX"), os.Getenv("DOSSIER_HELPER_DATA")
	if in == "" {
		t.Skip("runs only as TestCrashSafety's child")
	}
	logf, err := os.OpenFile(filepath.Join(filepath.Dir(data), "daemon.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer logf.Close()
	d := newDaemon(t, testConfig(in, data, 200*time.Millisecond), logf)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := d.Serve(ctx); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and restarts a daemon for ~30 s")
	}
	seed := uint64(20261120)
	if s := os.Getenv("DOSSIER_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	root := t.TempDir()
	inboxDir, dataDir := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	os.MkdirAll(inboxDir, 0o755)
	subs := fileSet(200, rng)
	start, kills := killWhileDropping(t, inboxDir, dataDir, subs, 12, rng)
	t.Logf("seed %d: %d kills with -9", seed, kills)

	child := start()
	waitFor(t, 40*time.Second, "the inbox and work area to empty", func() bool {
		return len(submissions(t, inboxDir, true)) == 0 && len(submissions(t, filepath.Join(dataDir, "work"), false)) == 0
	})
	time.Sleep(time.Second) // notices
	child.Process.Signal(syscall.SIGTERM)
	if err := child.Wait(); err != nil {
		t.Errorf("clean stop: %v", err)
	}
	checkExactlyOnce(t, subs, inboxDir, dataDir)
}

// submissions lists the files under dir (skipping 退回 when inInbox),
// keyed by path, valued by their SHA-256; notice files are left out.
func submissions(t *testing.T, dir string, inInbox bool) map[string]string {
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if inInbox && rel == intake.RejectDir {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, intake.NoticeSuffix) || strings.HasSuffix(p, ".part") {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".notice-") { // notify's temp file: the restart must have swept it
			t.Errorf("temporary notice file left after the restart: %s", rel)
			return nil
		}
		b, _ := os.ReadFile(p)
		sum := sha256.Sum256(b)
		out[p] = hex.EncodeToString(sum[:])
		return nil
	})
	return out
}

func checkExactlyOnce(t *testing.T, subs []sub, inboxDir, dataDir string) {
	t.Helper()
	want := map[string]string{} // sha → rel
	for _, s := range subs {
		sum := sha256.Sum256(s.data)
		want[hex.EncodeToString(sum[:])] = s.rel
	}
	// Folders: every file at rest exactly once, in the archive or 退回.
	atRest := submissions(t, filepath.Join(dataDir, "archive"), false)
	for p, h := range submissions(t, filepath.Join(inboxDir, intake.RejectDir), false) {
		atRest[p] = h
	}
	seen := map[string]int{}
	for _, h := range atRest {
		seen[h]++
	}
	for h, rel := range want {
		if seen[h] != 1 {
			t.Errorf("%s is at rest %d times", rel, seen[h])
		}
	}
	if len(atRest) != len(subs) {
		t.Errorf("%d files at rest, want %d", len(atRest), len(subs))
		for p, h := range atRest {
			if want[h] == "" {
				t.Errorf("unexpected file at rest: %s", p)
			}
		}
	}
	// Ledger: one done row per file, one notice per row, every delivery once.
	led, err := ledger.Open(filepath.Join(dataDir, ledger.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer led.Close()
	ctx := context.Background()
	counts, _ := led.CountStates(ctx)
	if counts[ledger.StateDone] != len(subs) || len(counts) != 1 {
		t.Errorf("ledger states %v, want %d done", counts, len(subs))
	}
	es, _ := led.Documents(ctx)
	rows, rejected := map[string]int{}, 0
	for _, e := range es {
		rows[e.Doc.SHA256]++
		if e.Doc.Verdict == "rejected" {
			rejected++
		}
		if atRest[e.StoredPath] != e.Doc.SHA256 {
			t.Errorf("%s: ledger says it rests at %s, which holds something else", e.Rel, e.StoredPath)
		}
	}
	for h, rel := range want {
		if rows[h] != 1 {
			t.Errorf("%s decided %d times", rel, rows[h])
		}
	}
	db := led.DB()
	var notices, perDoc, undelivered, deliveries int
	db.QueryRow(`SELECT count(*) FROM notices`).Scan(&notices)
	db.QueryRow(`SELECT coalesce(max(c), 0) FROM (SELECT count(*) c FROM notices GROUP BY document_id)`).Scan(&perDoc)
	db.QueryRow(`SELECT count(*) FROM notice_deliveries WHERE delivered_at IS NULL`).Scan(&undelivered)
	db.QueryRow(`SELECT count(*) FROM notice_deliveries`).Scan(&deliveries)
	if notices != len(subs) || perDoc != 1 || undelivered != 0 {
		t.Errorf("notices %d (max %d per document), %d of %d deliveries undelivered", notices, perDoc, undelivered, deliveries)
	}
	var noticeFiles int
	filepath.WalkDir(filepath.Join(inboxDir, intake.RejectDir), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, intake.NoticeSuffix) {
			noticeFiles++
		}
		return nil
	})
	if noticeFiles != rejected {
		t.Errorf("%d notice files in 退回 for %d rejected files", noticeFiles, rejected)
	}
	t.Logf("%d files: %d rejected, %d notices, %d deliveries, %d notice files", len(subs), rejected, notices, deliveries, noticeFiles)
}

// killWhileDropping drops subs into the inbox at random intervals while a
// daemon child (TestHelperDaemon) is started and killed with -9 at random
// points, at least minKills times and until every file is dropped. It
// returns how to start another child and how many kills there were.
func killWhileDropping(t *testing.T, inboxDir, dataDir string, subs []sub, minKills int, rng *rand.Rand) (func() *exec.Cmd, int) {
	t.Helper()
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperDaemon$")
		cmd.Env = append(os.Environ(), "DOSSIER_HELPER_INBOX="+inboxDir, "DOSSIER_HELPER_DATA="+dataDir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	pauses := make([]time.Duration, len(subs)) // drawn here: rng is not safe across goroutines
	for i := range pauses {
		pauses[i] = time.Duration(rng.IntN(60)) * time.Millisecond
	}
	dropped := make(chan error, 1)
	go func() {
		for i, s := range subs {
			if err := dropFile(inboxDir, s.rel, s.data); err != nil {
				dropped <- err
				return
			}
			time.Sleep(pauses[i])
		}
		dropped <- nil
	}()
	kills := 0
	for dropping := true; dropping || kills < minKills; kills++ {
		child := start()
		time.Sleep(time.Duration(200+rng.IntN(1300)) * time.Millisecond)
		child.Process.Signal(syscall.SIGKILL)
		child.Wait()
		select {
		case err := <-dropped:
			if err != nil {
				t.Fatalf("drop a file: %v", err)
			}
			dropping = false
		default:
		}
	}
	return start, kills
}
