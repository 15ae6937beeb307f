package convert

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func requireSoffice(t *testing.T) *Converter {
	t.Helper()
	c, err := New(Options{ProfileDir: filepath.Join(t.TempDir(), "profile"), Timeout: 2 * time.Minute})
	if errors.Is(err, ErrUnavailable) {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestToPDF converts a real Word document (one of the fourth unseen
// corpus's, saved by LibreOffice Writer) with the real soffice.
func TestToPDF(t *testing.T) {
	c := requireSoffice(t)
	doc, err := os.ReadFile("../extract/parse/testdata/unseen4/inbox/M6/工作成效总结.docx")
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := c.ToPDF(context.Background(), doc, "工作成效总结.docx")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
}

func TestConvertFails(t *testing.T) {
	c := requireSoffice(t)
	// LibreOffice reads almost anything as text; an output format it has
	// no filter for writes nothing
	_, err := c.Convert(context.Background(), []byte("text"), "x.txt", "nosuchformat")
	if !errors.Is(err, ErrFailed) {
		t.Errorf("error %v, want ErrFailed", err)
	}
}

// TestTimeoutKillsGroup: a converter that outlives the limit is killed
// with its process group (a stand-in soffice that starts a child and
// sleeps), and the call returns ErrTimeout promptly.
func TestTimeoutKillsGroup(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "child.pid")
	script := "#!/bin/sh\nsleep 30 &\necho $! > " + pidFile + "\nwait\n"
	bin := filepath.Join(dir, "soffice")
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := New(Options{Soffice: bin, Timeout: 300 * time.Millisecond, ProfileDir: filepath.Join(dir, "p")})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = c.ToPDF(context.Background(), []byte("x"), "a.docx")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("error %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("returned after %s", d)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	var pid int
	for _, ch := range bytes.TrimSpace(b) {
		pid = pid*10 + int(ch-'0')
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		if _, err := os.Stat(filepath.Join("/proc", string(bytes.TrimSpace(b)))); err != nil {
			break // the grandchild is gone
		}
		if st, err := os.ReadFile(filepath.Join("/proc", string(bytes.TrimSpace(b)), "stat")); err == nil && bytes.Contains(st, []byte(") Z ")) {
			break // killed, waiting to be reaped by init
		}
		if time.Now().After(deadline) {
			t.Fatalf("child %d of the converter still runs", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestUnavailable(t *testing.T) {
	if _, err := New(Options{Soffice: "off"}); !errors.Is(err, ErrUnavailable) {
		t.Errorf("off: %v, want ErrUnavailable", err)
	}
	if _, err := New(Options{Soffice: "/nonexistent/soffice"}); !errors.Is(err, ErrUnavailable) {
		t.Errorf("missing: %v, want ErrUnavailable", err)
	}
	var c *Converter
	if _, err := c.ToPDF(context.Background(), nil, "a.docx"); !errors.Is(err, ErrUnavailable) || c.Available() {
		t.Errorf("nil converter: %v", err)
	}
}

func TestTempFilesRemoved(t *testing.T) {
	c := requireSoffice(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	_, _ = c.Convert(context.Background(), []byte("x"), "x.docx", "pdf")
	left, _ := os.ReadDir(tmp)
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
