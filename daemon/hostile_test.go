package daemon

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier"
	"dossier/intake"
)

func mountTmpfs(t *testing.T, dir, size string) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("mount tmpfs: %v %s", err, out)
		}
		t.Skipf("mounts are not allowed here (%v %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
}

func usedBytes(t *testing.T, dir string) int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	return int64(st.Blocks-st.Bfree) * st.Bsize
}

func onlyDoc(t *testing.T, d *Daemon) (rel string, doc dossier.Document, stored string) {
	t.Helper()
	es, err := d.Ledger().Documents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 {
		t.Fatalf("%d documents, want 1", len(es))
	}
	return es[0].Rel, es[0].Doc, es[0].StoredPath
}

func notices(t *testing.T, d *Daemon) []dossier.Notice {
	t.Helper()
	ns, err := d.Ledger().Notices(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

// A 1 TiB sparse file is decided F005 with a notice, moved to 退回 within
// the inbox's file system, and never copied toward the data disk (it was
// copied at every rescan, never decided, and filled the disk).
func TestSparseTiBNeverCopied(t *testing.T) {
	root := t.TempDir()
	inbox, data := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	mountTmpfs(t, data, "32m")
	p := filepath.Join(inbox, "M11", "审计报告.pdf")
	os.MkdirAll(filepath.Dir(p), 0o755)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("%PDF-1.4\n")
	if err := f.Truncate(1 << 40); err != nil {
		t.Skipf("no 1 TiB sparse file on this file system: %v", err)
	}
	f.Close()
	d := newDaemon(t, testConfig(inbox, data, 0), nil)
	defer d.Close()
	before := usedBytes(t, data)
	start := time.Now()
	if err := d.Once(context.Background(), time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	_, doc, stored := onlyDoc(t, d)
	if doc.Verdict != dossier.VerdictRejected || !hasRule(doc.Findings, "F005") {
		t.Fatalf("verdict %s, findings %v: want F005", doc.Verdict, doc.Findings)
	}
	if !strings.HasPrefix(stored, filepath.Join(inbox, intake.RejectDir)) {
		t.Errorf("stored at %s, want under 退回", stored)
	}
	if fi, err := os.Stat(stored); err != nil || fi.Size() != 1<<40 {
		t.Errorf("file at rest: %v", err)
	}
	if grew := usedBytes(t, data) - before; grew > 8<<20 {
		t.Errorf("data disk grew by %d bytes: the file was copied toward it", grew)
	}
	if len(notices(t, d)) == 0 {
		t.Error("no notice for the F005 rejection")
	}
	t.Logf("decided in %s", time.Since(start).Round(time.Millisecond))
}

// A file in a team folder dossier cannot change (a read-only share) is
// decided from a verified copy and its unit hears about it (it was left
// with no notice at all); the original stays.
func TestReadOnlyTeamFolderGetsNotice(t *testing.T) {
	root := t.TempDir()
	inbox, data := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	team := filepath.Join(inbox, "M11")
	os.MkdirAll(team, 0o755)
	os.MkdirAll(data, 0o755)
	src := filepath.Join(team, "现场照片.png")
	os.WriteFile(src, pngBytes(7), 0o644)
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
	d := newDaemon(t, testConfig(inbox, data, 0), nil)
	defer d.Close()
	if err := d.Once(context.Background(), time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	_, doc, stored := onlyDoc(t, d)
	if doc.Verdict == "" || doc.SHA256 == "" {
		t.Fatalf("not decided: %+v", doc)
	}
	if len(notices(t, d)) == 0 {
		t.Error("no notice")
	}
	if _, err := os.Stat(src); err != nil {
		t.Errorf("original gone from the read-only folder: %v", err)
	}
	if _, err := os.Stat(stored); err != nil {
		t.Errorf("decided copy not at rest (%s): %v", stored, err)
	}
}

// "~x.pdf" is a submission (only "~$x" is an Office lock file): decided,
// not silently ignored.
func TestTildeNameIsProcessed(t *testing.T) {
	root := t.TempDir()
	inbox, data := filepath.Join(root, "inbox"), filepath.Join(root, "data")
	drop(t, inbox, "M11/~x.png", pngBytes(9))
	drop(t, inbox, "M11/~$lock.xlsx", []byte("lock"))
	d := newDaemon(t, testConfig(inbox, data, 0), nil)
	defer d.Close()
	if err := d.Once(context.Background(), time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	rel, doc, _ := onlyDoc(t, d)
	if rel != "M11/~x.png" || doc.Verdict == "" {
		t.Fatalf("decided %s (%s), want M11/~x.png", rel, doc.Verdict)
	}
}
