package extract

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/internal/hostile"
)

// TestWorkerProcess is the worker the Child tests start: this test binary
// re-executed with DOSSIER_EXTRACT_WORKER set, as dossier re-executes
// itself with __worker.
func TestWorkerProcess(t *testing.T) {
	if os.Getenv("DOSSIER_EXTRACT_WORKER") == "" {
		t.Skip("helper process for the Child tests")
	}
	mem, _ := strconv.ParseInt(os.Getenv("DOSSIER_WORKER_MEMORY"), 10, 64)
	if mem > 0 {
		mem += vmSize() // on top of what the test binary already maps
	}
	if err := (WorkerLimits{Memory: mem, CPU: time.Minute}).SetLimits(); err != nil {
		os.Exit(3)
	}
	ex, err := New(Options{TmpDir: os.Getenv("DOSSIER_WORKER_TMP"), Timeout: 20 * time.Second})
	if err != nil {
		os.Exit(3)
	}
	if err := ServeWorker(context.Background(), os.Stdin, os.Stdout, ex); err != nil {
		os.Exit(3)
	}
	os.Exit(0)
}

// vmSize is the process's mapped address space (VmSize), in bytes.
func vmSize() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmSize:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func testChild(t *testing.T, memory int64, tmp string) *Child {
	t.Helper()
	ch := NewChild(func(ctx context.Context) *exec.Cmd {
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run", "^TestWorkerProcess$")
		cmd.Env = append(os.Environ(), "DOSSIER_EXTRACT_WORKER=1", "DOSSIER_WORKER_MEMORY="+strconv.FormatInt(memory, 10),
			"DOSSIER_WORKER_TMP="+tmp, "GOMAXPROCS=1")
		return cmd
	}, 2, 20*time.Second)
	ch.AttemptsDir = attemptsDir(tmp)
	t.Cleanup(func() { ch.Close() })
	return ch
}

// A file read in a worker gives the same result, field types included, as
// one read in-process.
func TestChildSameResult(t *testing.T) {
	ex, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	ch := testChild(t, 0, t.TempDir())
	for _, name := range []string{"survey.xlsx", "photo.jpg", "garbage.pdf", "encrypted.xlsx"} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join("testdata", name)
			want, werr := ex.Extract(context.Background(), p)
			got, gerr := ch.ExtractAs(context.Background(), p, name)
			if (werr == nil) != (gerr == nil) {
				t.Fatalf("in-process err %v, worker err %v", werr, gerr)
			}
			if werr != nil {
				for _, s := range []error{ErrCorrupt, ErrPassword, ErrTooLarge, ErrUnsupported} {
					if errors.Is(werr, s) != errors.Is(gerr, s) {
						t.Errorf("errors.Is(%v): in-process %v, worker %v", s, errors.Is(werr, s), errors.Is(gerr, s))
					}
				}
				return
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("worker result differs:\n in-process %#v\n worker     %#v", want, got)
			}
		})
	}
}

// A file that needs more memory than the worker may take kills the worker,
// not the daemon: it is our own trouble (retried) the first times, and
// once it has killed its worker twice it is set aside as F005, a poison
// file; a genuine file read next is not affected.
func TestChildMemoryLimitAndPoison(t *testing.T) {
	dir := t.TempDir()
	hog := filepath.Join(dir, "照片.png")
	os.WriteFile(hog, hostile.RGBAPNG(6000, 6000), 0o644) // 36 MP, under max_pixels; 144 MB decoded
	ch := testChild(t, 64<<20, filepath.Join(dir, "tmp"))
	for i := 1; i <= 2; i++ {
		_, err := ch.ExtractAs(context.Background(), hog, "照片.png")
		if !errors.Is(err, ErrOwnTrouble) || errors.Is(err, ErrCorrupt) {
			t.Fatalf("read %d: err = %v, want our own trouble (the worker died)", i, err)
		}
	}
	_, err := ch.ExtractAs(context.Background(), hog, "照片.png")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "poison") {
		t.Fatalf("third read: err = %v, want F005 poison file", err)
	}
	if _, err := ch.ExtractAs(context.Background(), filepath.Join("testdata", "photo.jpg"), "photo.jpg"); err != nil {
		t.Fatalf("a genuine file after the poison one: %v", err)
	}
}

// A worker that does not answer is killed at its time-out, with its
// process group, and the file is our own trouble (retried).
func TestChildKilledAtTimeout(t *testing.T) {
	ch := NewChild(func(ctx context.Context) *exec.Cmd {
		cmd := exec.CommandContext(ctx, "/bin/sh", "-c", "sleep 613 & sleep 613")
		return cmd
	}, 1, 200*time.Millisecond)
	ch.Grace = 300 * time.Millisecond
	start := time.Now()
	_, err := ch.ExtractAs(context.Background(), filepath.Join("testdata", "photo.jpg"), "photo.jpg")
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("returned after %s", took)
	}
	if !errors.Is(err, ErrOwnTrouble) {
		t.Fatalf("err = %v, want our own trouble", err)
	}
	out, _ := exec.Command("pgrep", "-f", "sleep 613").Output()
	if len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("worker processes left running: %s", out)
	}
}

// A worker that dies before it could count the read (here: at once) still
// counts: after two such deaths the file is a poison file (F005), and the
// third read does not start a worker at all.
func TestChildCountsEarlyDeaths(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "调查表.xlsx")
	os.WriteFile(p, []byte("any bytes"), 0o644)
	starts := 0
	ch := NewChild(func(ctx context.Context) *exec.Cmd {
		starts++
		return exec.CommandContext(ctx, "sh", "-c", "exit 2")
	}, 1, 5*time.Second)
	ch.AttemptsDir = filepath.Join(dir, "attempts")
	t.Cleanup(func() { ch.Close() })
	for i := 1; i <= 2; i++ {
		if _, err := ch.ExtractAs(context.Background(), p, "调查表.xlsx"); !errors.Is(err, ErrOwnTrouble) {
			t.Fatalf("read %d: err = %v, want our own trouble (the worker died)", i, err)
		}
	}
	_, err := ch.ExtractAs(context.Background(), p, "调查表.xlsx")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "poison") {
		t.Fatalf("third read: err = %v, want F005 poison file", err)
	}
	if starts != 2 {
		t.Errorf("%d workers started, want 2 (none for a poison file)", starts)
	}
}
