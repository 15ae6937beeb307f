package intake

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// A link swapped in for 退回/<team> between the check and the move, in a
// loop: nothing ever lands outside the folders (it sent 11 files in a
// minute to wherever the link pointed).
func TestSymlinkSwappedForRejectFolder(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(root, "outside")
	os.MkdirAll(outside, 0o755)
	f, err := New(filepath.Join(root, "inbox"), filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	team := filepath.Join(f.RejectRoot(), "M11")
	link := team + ".link"
	if err := f.EnsureDir(team); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	var stop atomic.Bool
	var swaps atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the attacker: swaps 退回/M11 atomically with a link out, again and again
		defer wg.Done()
		for !stop.Load() {
			if unix.Renameat2(unix.AT_FDCWD, link, unix.AT_FDCWD, team, unix.RENAME_EXCHANGE) == nil {
				swaps.Add(1)
			}
		}
	}()
	moved, refused := 0, 0
	deadline := time.Now().Add(3 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		src := filepath.Join(f.WorkDir(), fmt.Sprintf("%d-x.pdf", i+1))
		if err := os.WriteFile(src, []byte("pdf"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := Move(src, filepath.Join(team, fmt.Sprintf("x%d.pdf", i))); err != nil {
			refused++
		} else {
			moved++
		}
	}
	stop.Store(true)
	wg.Wait()
	ents, _ := os.ReadDir(outside)
	if len(ents) > 0 {
		t.Fatalf("%d files landed outside the folders (moved %d, refused %d)", len(ents), moved, refused)
	}
	if moved == 0 {
		t.Fatalf("no move succeeded (refused %d): the test did not race", refused)
	}
	t.Logf("moved %d, refused %d, outside 0, %d swaps", moved, refused, swaps.Load())
}

func sum(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func ino(t *testing.T, p string) os.FileInfo {
	t.Helper()
	fi, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// A file dropped as a hard link is copied (a new inode): rewriting the
// other name afterwards does not rewrite what was taken.
func TestHardLinkedFileIsCopied(t *testing.T) {
	root := t.TempDir()
	f, err := New(filepath.Join(root, "inbox"), filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "writer.pdf")
	os.WriteFile(other, []byte("%PDF-1.4 original"), 0o644)
	src := filepath.Join(f.Inbox, "M11", "a.pdf")
	os.MkdirAll(filepath.Dir(src), 0o755)
	if err := os.Link(other, src); err != nil {
		t.Fatal(err)
	}
	want := sum(t, src)
	dst := f.WorkPath(1, "a.pdf")
	if err := Move(src, dst); err != nil {
		t.Fatal(err)
	}
	if os.SameFile(ino(t, dst), ino(t, other)) {
		t.Fatal("the taken file shares its inode with the writer's name")
	}
	if _, err := os.Lstat(src); !os.IsNotExist(err) {
		t.Errorf("inbox name still there after a verified copy: %v", err)
	}
	os.WriteFile(other, []byte("%PDF-1.4 rewritten after acceptance"), 0o644)
	if got := sum(t, dst); got != want {
		t.Fatalf("taken file changed with the other link: %s, want %s", got, want)
	}
}

// A file still open for writing by another process is copied too (where a
// lease probe can see the writer).
func TestOpenForWritingIsCopied(t *testing.T) {
	root := t.TempDir()
	f, err := New(filepath.Join(root, "inbox"), filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(f.Inbox, "b.pdf")
	w, err := os.OpenFile(src, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.Write([]byte("%PDF-1.4 part one"))
	dst := f.WorkPath(2, "b.pdf")
	if err := Move(src, dst); err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(" and the writer goes on"))
	if b, _ := os.ReadFile(dst); !bytes.Equal(b, []byte("%PDF-1.4 part one")) {
		t.Fatalf("taken file = %q: the writer still writes into it", b)
	}
}

// Across file systems the source stays until the copy is verified; the
// copy keeps the bytes and the modification time.
func TestCrossDeviceMoveVerifies(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "data")
	os.MkdirAll(data, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", data).CombinedOutput(); err != nil {
		if os.Getenv("DOSSIER_REQUIRE_TOOLS") == "1" {
			t.Fatalf("mount tmpfs: %v %s", err, out)
		}
		t.Skipf("mounts not allowed here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", data).Run() })
	f, err := New(filepath.Join(root, "inbox"), data)
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(f.Inbox, "c.pdf")
	body := bytes.Repeat([]byte("x"), 1<<20)
	os.WriteFile(src, body, 0o644)
	mt := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	os.Chtimes(src, mt, mt)
	dst := f.WorkPath(3, "c.pdf")
	if err := Move(src, dst); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dst); !bytes.Equal(b, body) {
		t.Fatal("copy differs")
	}
	if !ino(t, dst).ModTime().Equal(mt) {
		t.Errorf("mtime %v, want %v", ino(t, dst).ModTime(), mt)
	}
	// A file too big for the destination: the copy fails, the source stays.
	big := filepath.Join(f.Inbox, "d.pdf")
	os.WriteFile(big, bytes.Repeat([]byte("y"), 8<<20), 0o644)
	if err := Move(big, f.WorkPath(4, "d.pdf")); err == nil {
		t.Fatal("moved 8 MiB onto a 4 MiB disk")
	}
	if fi, err := os.Stat(big); err != nil || fi.Size() != 8<<20 {
		t.Fatalf("source lost after a failed copy: %v", err)
	}
	if n := SweepTemps(data); n != 0 {
		t.Errorf("%d temporary copies left behind", n)
	}
}

// A 退回 folder holding 1,000 colliding names still gets the file a name
// (it stayed in data/work without a decision or a notice).
func TestThousandCollidingNames(t *testing.T) {
	root := t.TempDir()
	f, err := New(filepath.Join(root, "inbox"), filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(f.RejectRoot(), "M11")
	if err := f.EnsureDir(dir); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= maxSuffix; n++ {
		name := "x.pdf"
		if n > 1 {
			name = fmt.Sprintf("x (%d).pdf", n)
		}
		os.WriteFile(filepath.Join(dir, name), nil, 0o644)
	}
	got, err := f.Reserve(dir, "x.pdf", true)
	if err != nil {
		t.Fatalf("Reserve with %d names taken: %v", maxSuffix, err)
	}
	if filepath.Dir(got) != dir || filepath.Ext(got) != ".pdf" {
		t.Fatalf("Reserve = %s", got)
	}
	if _, err := os.Lstat(got); !os.IsNotExist(err) {
		t.Fatalf("reserved a taken name %s", got)
	}
}

// The operator's own folders may be reached through links of theirs (an
// inbox that is a link to a share, given relative or absolute); only links
// below them are refused.
func TestFoldersThroughOperatorLinks(t *testing.T) {
	root := t.TempDir()
	real := filepath.Join(root, "nas", "share")
	os.MkdirAll(real, 0o755)
	link := filepath.Join(root, "inbox")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	f, err := New(link, filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(link, "M1", "a.pdf")
	os.MkdirAll(filepath.Dir(src), 0o755)
	os.WriteFile(src, []byte("%PDF"), 0o644)
	if err := Move(src, f.WorkPath(1, "a.pdf")); err != nil {
		t.Fatalf("move from an inbox reached through the operator's link: %v", err)
	}
	// Relative to the working directory, as a configuration may give it.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(root)
	os.WriteFile(filepath.Join(real, "M1", "b.pdf"), []byte("%PDF"), 0o644)
	if err := Move(filepath.Join("inbox", "M1", "b.pdf"), f.WorkPath(2, "b.pdf")); err != nil {
		t.Fatalf("relative path through the operator's link: %v", err)
	}
	// A link someone put below the inbox is refused.
	os.Symlink(filepath.Join(root, "nas"), filepath.Join(real, "M2"))
	os.WriteFile(filepath.Join(root, "nas", "c.pdf"), []byte("%PDF"), 0o644)
	if err := Move(filepath.Join(link, "M2", "c.pdf"), f.WorkPath(3, "c.pdf")); err == nil {
		t.Fatal("moved through a link below the inbox")
	}
}
