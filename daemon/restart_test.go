package daemon

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"dossier"
	"dossier/intake"
	"dossier/ledger"
	"dossier/process"
)

// youngDaemon is a daemon whose evaluator treats a file unreadable within
// young of its last change as dossier's own trouble (serve's setting).
func youngDaemon(t *testing.T, cfg Config, young time.Duration, log io.Writer) *Daemon {
	t.Helper()
	return newDaemonWith(t, cfg, log, func(ev *process.Evaluator) { ev.RetryYoung(young) })
}

// otherFileSystem returns a folder on another file system than dir:
// under /dev/shm (a tmpfs) where that differs, else a tmpfs mounted for
// the test. It skips when neither is possible.
func otherFileSystem(t *testing.T, dir string) string {
	t.Helper()
	if shm, err := os.MkdirTemp("/dev/shm", "dossier-data-"); err == nil {
		t.Cleanup(func() { os.RemoveAll(shm) })
		var a, b syscall.Statfs_t
		if syscall.Statfs(shm, &a) == nil && syscall.Statfs(dir, &b) == nil && a.Fsid != b.Fsid {
			return shm
		}
	}
	data := filepath.Join(t.TempDir(), "data")
	mountTmpfs(t, data, "64m") // skips (or fails under DOSSIER_REQUIRE_TOOLS=1) where mounts are not allowed
	return data
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// A writer that pauses longer than the settle time, with the data folder
// on another file system: dossier copies the first part, and the writer
// then goes on writing. The original is kept until the copy's decision is
// final, the change is seen, the file is taken again, and what is decided
// is the whole file (the rest used to be written into a removed name and
// lost, leaving only the fragment).
func TestPausedWriterAcrossFileSystems(t *testing.T) {
	root := t.TempDir()
	inbox := filepath.Join(root, "inbox")
	data := otherFileSystem(t, root)
	full := pngBytes(41) // a whole, valid image
	cut := len(full) / 3
	parts := filepath.Join(root, "parts")
	os.MkdirAll(parts, 0o755)
	os.WriteFile(filepath.Join(parts, "a"), full[:cut], 0o644)
	os.WriteFile(filepath.Join(parts, "b"), full[cut:], 0o644)
	os.MkdirAll(filepath.Join(inbox, "M11"), 0o755)
	target := filepath.Join(inbox, "M11", "现场照片.png")

	log := &syncWriter{w: &bytes.Buffer{}}
	d := youngDaemon(t, testConfig(inbox, data, 300*time.Millisecond), 3*time.Minute, log)
	defer d.Close()
	stop := serve(t, d)
	defer stop()
	// A real writer process: one open file, a pause of 2 s (well over the
	// 300 ms settle), then the rest.
	w := exec.Command("sh", "-c", `exec >"$0"; cat "$1"; sleep 2; cat "$2"`, target,
		filepath.Join(parts, "a"), filepath.Join(parts, "b"))
	if out, err := w.CombinedOutput(); err != nil {
		t.Fatalf("writer: %v %s", err, out)
	}
	want := sha(full)
	var got ledger.Entry
	waitFor(t, 20*time.Second, "the whole file decided", func() bool {
		es, _ := d.Ledger().Documents(context.Background())
		for _, e := range es {
			if e.State == ledger.StateDone && e.Doc.SHA256 == want {
				got = e
				return true
			}
		}
		return false
	})
	b, err := os.ReadFile(got.StoredPath)
	if err != nil || !bytes.Equal(b, full) {
		t.Fatalf("file at rest (%s) holds %d bytes, want the whole %d (%v)", got.StoredPath, len(b), len(full), err)
	}
	if hasRule(got.Doc.Findings, "F002") {
		t.Errorf("the whole file is F002: %v", got.Doc.Findings)
	}
	es, _ := d.Ledger().Documents(context.Background())
	for _, e := range es {
		if e.ID != got.ID && e.Doc.Verdict != "" {
			t.Errorf("a second decision (%s, sha %s, %v): the fragment was decided too", e.Doc.Verdict, e.Doc.SHA256, e.Doc.Findings)
		}
	}
	if len(notices(t, d)) > 1 {
		t.Errorf("%d notices for one file", len(notices(t, d)))
	}
	if _, err := os.Lstat(target); !os.IsNotExist(err) {
		t.Errorf("inbox name still there after the whole file was decided: %v", err)
	}
	// The attack took place: the fragment was copied during the pause.
	if !strings.Contains(log.String(), "the original changed after it was copied") {
		t.Errorf("the file was not taken during the writer's pause; log:\n%s", log.String())
	}
}

// syncWriter lets the daemon's goroutines log into one buffer.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.(*bytes.Buffer).String()
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// A claimed file that met dossier's own trouble is backed off, and the
// back-off survives a restart: a restart within the wait does not read
// the file again (every such file used to be read at once), and the
// attempt count goes on (the next wait is 2 minutes, not 1 again).
func TestOwnTroubleBackOffSurvivesRestart(t *testing.T) {
	root := t.TempDir()
	inbox, data := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	drop(t, inbox, "M11/现场照片.png", pngBytes(5)[:40]) // unreadable, and just written: own trouble for an hour
	t0 := time.Now().UTC().Truncate(time.Second)
	steps := []struct {
		name  string
		at    time.Duration
		tries int
	}{
		{"first run reads it", 0, 1},
		{"restart within the 1 min wait", 10 * time.Second, 0},
		{"restart after it", 61 * time.Second, 1},
		{"restart within the 2 min wait", 61*time.Second + 90*time.Second, 0},
		{"restart after the 2 min wait", 61*time.Second + 121*time.Second, 1},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			var log bytes.Buffer
			d := youngDaemon(t, testConfig(inbox, data, 0), time.Hour, &log)
			if err := d.Once(context.Background(), t0.Add(st.at)); err != nil {
				t.Fatal(err)
			}
			d.Close()
			if n := strings.Count(log.String(), "own trouble reading the file"); n != st.tries {
				t.Errorf("read %d times, want %d:\n%s", n, st.tries, log.String())
			}
		})
	}
	led, err := ledger.Open(filepath.Join(data, ledger.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer led.Close()
	var attempts int
	var next string
	if err := led.DB().QueryRow(`SELECT attempts, next_at FROM own_retries`).Scan(&attempts, &next); err != nil {
		t.Fatalf("back-off not in the ledger: %v", err)
	}
	if attempts != 3 {
		t.Errorf("attempts %d, want 3", attempts)
	}
	es, _ := led.Pending(context.Background())
	if len(es) != 1 || es[0].State != ledger.StateClaimed {
		t.Errorf("want the file still claimed; pending rows %d", len(es))
	}
	for _, n := range notices2(t, led) {
		if n.DocumentID != 0 {
			t.Errorf("the unit heard of our own trouble: %s", n.Subject)
		}
	}
}

func notices2(t *testing.T, led *ledger.Ledger) []dossier.Notice {
	ns, err := led.Notices(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

// A file in a read-only team folder is answered once: a restart (here a
// second run --once) finds it still there, unchanged, and sends nothing
// again (it was decided and noticed anew at every start).
func TestReadOnlyFolderAnsweredOnceAcrossRestarts(t *testing.T) {
	root := t.TempDir()
	inbox, data := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	team := filepath.Join(inbox, "M11")
	os.MkdirAll(team, 0o755)
	os.MkdirAll(data, 0o755)
	src := filepath.Join(team, "现场照片.png")
	os.WriteFile(src, pngBytes(17)[:60], 0o644) // damaged: rejected, with a notice
	if out, err := exec.Command("mount", "--bind", team, team).CombinedOutput(); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("bind mount: %v %s", err, out)
		}
		t.Skipf("mounts are not allowed here (%v %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", team).Run() })
	if out, err := exec.Command("mount", "-o", "remount,bind,ro", team).CombinedOutput(); err != nil {
		t.Skipf("read-only remount not allowed (%v %s)", err, out)
	}
	at := time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)
	count := func() (docs, notes, files int) {
		led, err := ledger.Open(filepath.Join(data, ledger.FileName))
		if err != nil {
			t.Fatal(err)
		}
		defer led.Close()
		es, _ := led.Documents(context.Background())
		for _, e := range es {
			if e.Doc.Verdict != "" {
				docs++
			}
		}
		filepath.WalkDir(filepath.Join(inbox, intake.RejectDir), func(p string, de os.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, intake.NoticeSuffix) {
				files++
			}
			return nil
		})
		for _, n := range notices2(t, led) {
			if n.DocumentID != 0 { // reminders of the deadline are no answer to the file
				notes++
			}
		}
		return docs, notes, files
	}
	first := 0
	for i := range 3 {
		d := newDaemon(t, testConfig(inbox, data, 0), nil)
		if err := d.Once(context.Background(), at.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
		d.Close()
		docs, notes, files := count()
		if i == 0 {
			first = notes
			if notes == 0 {
				t.Fatal("no notice for the file in the read-only folder")
			}
		}
		if docs != 1 || notes != first || files != 1 {
			t.Fatalf("after run %d: %d decisions, %d notices, %d notice files; want 1, %d, 1", i+1, docs, notes, files, first)
		}
	}
	if _, err := os.Stat(src); err != nil {
		t.Fatalf("original gone from the read-only folder: %v", err)
	}
}

// The same attack on run --once, which decides at once (no longer settle):
// a copy whose original is still open for writing and was written lately
// is not decided; the next run sees the original changed, drops the
// fragment and decides the whole file (the fragment used to be decided
// F002 and the rest lost).
func TestPausedWriterAcrossFileSystemsOnce(t *testing.T) {
	root := t.TempDir()
	inbox := filepath.Join(root, "inbox")
	data := otherFileSystem(t, root)
	full := pngBytes(43)
	cut := len(full) / 3
	parts := filepath.Join(root, "parts")
	os.MkdirAll(parts, 0o755)
	os.WriteFile(filepath.Join(parts, "a"), full[:cut], 0o644)
	os.WriteFile(filepath.Join(parts, "b"), full[cut:], 0o644)
	os.MkdirAll(filepath.Join(inbox, "M11"), 0o755)
	target := filepath.Join(inbox, "M11", "现场照片.png")
	w := exec.Command("sh", "-c", `exec >"$0"; cat "$1"; sleep 4; cat "$2"`, target,
		filepath.Join(parts, "a"), filepath.Join(parts, "b"))
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "the first part written", func() bool {
		fi, err := os.Stat(target)
		return err == nil && fi.Size() == int64(cut)
	})
	at := time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)
	d := newDaemon(t, testConfig(inbox, data, 300*time.Millisecond), nil)
	if err := d.Once(context.Background(), at); err != nil {
		t.Fatal(err)
	}
	es, _ := d.Ledger().Documents(context.Background())
	for _, e := range es {
		if e.Doc.Verdict != "" {
			t.Errorf("decided during the writer's pause: %s %v", e.Doc.Verdict, e.Doc.Findings)
		}
	}
	d.Close()
	if err := w.Wait(); err != nil {
		t.Fatalf("writer: %v", err)
	}
	d = newDaemon(t, testConfig(inbox, data, 300*time.Millisecond), nil)
	defer d.Close()
	if err := d.Once(context.Background(), at.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	es, _ = d.Ledger().Documents(context.Background())
	decided := 0
	for _, e := range es {
		if e.Doc.Verdict == "" {
			continue
		}
		decided++
		if e.Doc.SHA256 != sha(full) {
			t.Errorf("decided %d-byte content %s (%v), want the whole file", e.Doc.Size, e.Doc.Verdict, e.Doc.Findings)
		} else if b, _ := os.ReadFile(e.StoredPath); !bytes.Equal(b, full) {
			t.Errorf("file at rest holds %d bytes, want %d", len(b), len(full))
		}
	}
	if decided != 1 {
		t.Errorf("%d decisions, want 1", decided)
	}
	if _, err := os.Lstat(target); !os.IsNotExist(err) {
		t.Errorf("inbox name still there after the whole file was decided: %v", err)
	}
}
