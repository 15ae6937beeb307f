package daemon

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"dossier"
	"dossier/config"
	"dossier/extract"
	"dossier/process"
)

// A full data disk is dossier's own trouble: the PDFium compile cache
// cannot be written, PDFium compiles in memory, and no genuine PDF is
// rejected as corrupt (it was F002 and a rejection notice for 68 of 68).
// Runs in a fresh process: the PDFium pool is process-wide.
func TestFullDataDiskRejectsNoGenuinePDF(t *testing.T) {
	samples := "/work/shared/samples/inbox"
	if _, err := os.Stat(samples); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("samples: %v", err)
		}
		t.Skipf("samples not here: %v", err)
	}
	if os.Getenv("DOSSIER_FRESH_POOL") != t.Name() {
		cmd := exec.Command(os.Args[0], "-test.run", "^"+t.Name()+"$", "-test.v")
		cmd.Env = append(os.Environ(), "DOSSIER_FRESH_POOL="+t.Name())
		out, err := cmd.CombinedOutput()
		if strings.Contains(string(out), "--- SKIP") {
			t.Skipf("child skipped:\n%s", out)
		}
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		t.Logf("child:\n%s", lastLines(string(out), 4))
		return
	}
	root := t.TempDir()
	data := filepath.Join(root, "data")
	os.MkdirAll(data, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", data).CombinedOutput(); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("mount tmpfs: %v %s", err, out)
		}
		t.Skipf("mounts are not allowed here (%v %s): full-disk test skipped", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", data).Run() })
	inbox := filepath.Join(root, "inbox")
	pdfs := copyPDFs(t, samples, inbox)
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ext, err := extract.New(extract.Options{CacheDir: filepath.Join(data, "cache", "pdfium"), Timeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ev := process.New(ext, cfg.Registry, cfg.Programme, int64(cfg.Limits.MaxFileSize))
	dc := testConfig(inbox, data, 0)
	d, err := New(dc, ev, cfg.Registry, cfg.Programme, zerolog.New(io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	now := time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)
	if err := d.Once(context.Background(), now); err != nil {
		t.Fatalf("run --once: %v", err)
	}
	es, err := d.Ledger().Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var f002 []string
	decided := 0
	for _, e := range es {
		if e.Doc.Verdict != "" {
			decided++
		}
		for _, f := range e.Doc.Findings {
			if f.Rule == "F002" {
				f002 = append(f002, e.Rel)
			}
		}
	}
	// The samples hold one damaged PDF, M6/审计报告-损坏.pdf: F002 is right there.
	if len(f002) > 1 || (len(f002) == 1 && f002[0] != "M6/审计报告-损坏.pdf") {
		t.Errorf("F002 for our own trouble: %v", f002)
	}
	if decided != pdfs {
		t.Errorf("%d of %d PDFs decided", decided, pdfs)
	}
	if _, err := os.Stat(filepath.Join(data, "cache", "pdfium")); err == nil {
		ents, _ := os.ReadDir(filepath.Join(data, "cache", "pdfium"))
		t.Logf("cache entries on the full disk: %d", len(ents))
	}
	t.Logf("%d PDFs, %d decided, F002 %v", pdfs, decided, f002)
	_ = dossier.VerdictRejected
}

func copyPDFs(t testing.TB, from, to string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(from, func(p string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(p, ".pdf") {
			return nil
		}
		rel, _ := filepath.Rel(from, p)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(to, rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
		return nil
	})
	return n
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	if len(l) > n {
		l = l[len(l)-n:]
	}
	return strings.Join(l, "\n")
}
