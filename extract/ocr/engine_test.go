package ocr

import (
	"context"
	"errors"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fakeTesseract writes a shell script that answers the probe like
// tesseract and, asked to read a page, starts a child that sleeps and
// waits for it (writing the child's pid to pidFile): a tesseract that hangs.
func fakeTesseract(t *testing.T, pidFile string) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "tesseract")
	script := `#!/bin/sh
case "$1" in
--version) echo "tesseract 5.3.0-fake"; exit 0;;
--list-langs) printf 'List of available languages (3):\nchi_sim\neng\nosd\n'; exit 0;;
esac
sleep 30 &
echo $! > ` + pidFile + `
wait
`
	if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPageTimeoutKillsGroup: a tesseract that hangs is stopped at the page
// time limit, its child processes with it, and its page file removed.
func TestPageTimeoutKillsGroup(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	tmp := t.TempDir()
	pidFile := filepath.Join(t.TempDir(), "child.pid")
	e, err := New(context.Background(), Config{Tesseract: fakeTesseract(t, pidFile), PageTimeout: time.Second, TempDir: tmp})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = e.Words(context.Background(), image.NewGray(image.Rect(0, 0, 50, 50)), 300)
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("returned after %v, want about 1 s", d)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatalf("the fake never started its child: %v", err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	deadline := time.Now().Add(3 * time.Second)
	for syscall.Kill(pid, 0) == nil && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if syscall.Kill(pid, 0) == nil {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Errorf("child %d of the timed-out tesseract still runs", pid)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestContextEndKills: the caller's cancellation (a shutdown) stops a page at once.
func TestContextEndKills(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "child.pid")
	e, err := New(context.Background(), Config{Tesseract: fakeTesseract(t, pidFile), PageTimeout: time.Minute, TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = e.Words(ctx, image.NewGray(image.Rect(0, 0, 50, 50)), 300)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's", err)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("returned after %v", d)
	}
}

// TestUnavailable: OCR off, a missing binary or a missing language is
// ErrUnavailable with a reason that says how to fix it.
func TestUnavailable(t *testing.T) {
	noLang := filepath.Join(t.TempDir(), "tesseract")
	os.WriteFile(noLang, []byte("#!/bin/sh\ncase \"$1\" in --version) echo tesseract 5;; --list-langs) echo eng;; esac\n"), 0o755)
	tests := []struct {
		name, path, want string
	}{
		{"off", "off", "off"},
		{"missing binary", filepath.Join(t.TempDir(), "no-tesseract"), "apt-get install tesseract-ocr"},
		{"missing language", noLang, "tesseract-ocr-chi-sim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(context.Background(), Config{Tesseract: tt.path})
			if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want ErrUnavailable mentioning %q", err, tt.want)
			}
		})
	}
}

func TestSweepTemp(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ocr-123.pgm"), []byte("P5"), 0o600)
	os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o600)
	if err := SweepTemp(dir); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 1 || left[0].Name() != "keep.txt" {
		t.Errorf("left %v, want only keep.txt", left)
	}
}
