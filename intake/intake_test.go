package intake

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier"
)

type entry struct {
	name string
	dir  bool
}

func (e entry) Name() string               { return e.name }
func (e entry) IsDir() bool                { return e.dir }
func (e entry) Type() fs.FileMode          { return map[bool]fs.FileMode{true: fs.ModeDir}[e.dir] }
func (e entry) Info() (fs.FileInfo, error) { return nil, errors.New("no info") }

func TestSkip(t *testing.T) {
	tests := []struct {
		rel  string
		dir  bool
		skip bool
	}{
		{"M11/调查表.xlsx", false, false},
		{"M11/审计报告 (终稿).pdf", false, false},
		{"说明.pdf", false, false},
		{"M11/~$调查表.xlsx", false, true},
		{"M11/~x.pdf", false, false},
		{"M11/~审计报告.pdf", false, false},
		{"M11/~WRL0001.tmp", false, true},
		{"M5/.~lock.审计报告.pdf#", false, true},
		{"Thumbs.db", false, true},
		{"M1/desktop.ini", false, true},
		{".DS_Store", false, true},
		{"M2/报告.pdf.part", false, true},
		{"M2/报告.tmp", false, true},
		{"M2/报告.pdf.crdownload", false, true},
		{"M2/.hidden.pdf", false, true},
		{"退回", true, true},
		{"退回/M11/调查表.xlsx", false, true},
		{"M11/调查表.xlsx.退回说明.txt", false, true},
		{"@eaDir", true, true},
		{"M11/__MACOSX", true, true},
		{"M11/.git", true, true},
		{"M11", true, false},
		{"草莓设施高效生产专家服务团", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.rel, func(t *testing.T) {
			if got := Skip(tt.rel, entry{filepath.Base(tt.rel), tt.dir}); got != tt.skip {
				t.Fatalf("Skip(%q) = %v, want %v", tt.rel, got, tt.skip)
			}
		})
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestMoveNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	write(t, src, "new")
	write(t, dst, "old")
	if err := Move(src, dst); !errors.Is(err, ErrExists) {
		t.Fatalf("Move onto an existing file: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "old" {
		t.Fatal("destination replaced")
	}
	if b, _ := os.ReadFile(src); string(b) != "new" {
		t.Fatal("source lost")
	}
	other := filepath.Join(dir, "sub", "c.pdf")
	os.MkdirAll(filepath.Dir(other), 0o755)
	if err := Move(src, other); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(src); !os.IsNotExist(err) {
		t.Fatal("source still there after the move")
	}
}

func TestMoveLinkAsLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "passwd.pdf")
	if err := os.Symlink("/etc/passwd", link); err != nil {
		t.Skip(err)
	}
	dst := filepath.Join(dir, "moved.pdf")
	if err := Move(link, dst); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(dst)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("moved link is not a link: %v %v", fi, err)
	}
}

// Across file systems (here /dev/shm, a tmpfs, to the test's temporary
// folder) a move is a copy that is complete before it is visible, then the
// original is removed.
func TestMoveAcrossFileSystems(t *testing.T) {
	shm, err := os.MkdirTemp("/dev/shm", "dossier-intake-")
	if err != nil {
		t.Skip("no /dev/shm:", err)
	}
	defer os.RemoveAll(shm)
	src := filepath.Join(shm, "审计报告.pdf")
	dst := filepath.Join(t.TempDir(), "审计报告.pdf")
	var st1, st2 syscall.Statfs_t
	syscall.Statfs(shm, &st1)
	syscall.Statfs(filepath.Dir(dst), &st2)
	if st1.Type == st2.Type && st1.Fsid == st2.Fsid {
		t.Skip("/dev/shm is on the same file system here")
	}
	content := strings.Repeat("PDF 内容 ", 10000)
	write(t, src, content)
	mtime := time.Date(2026, 11, 12, 10, 0, 0, 0, time.UTC)
	os.Chtimes(src, mtime, mtime)
	if err := Move(src, dst); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(dst)
	if err != nil || string(b) != content {
		t.Fatalf("copy differs (%v)", err)
	}
	if fi, _ := os.Stat(dst); !fi.ModTime().Equal(mtime) {
		t.Errorf("mtime not kept: %v", fi.ModTime())
	}
	if _, err := os.Stat(src); !os.IsNotExist(err) {
		t.Fatal("original still there")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(dst), ".dossier-*"))
	if len(left) != 0 {
		t.Fatalf("temporary copies left: %v", left)
	}
	// Never replaces across file systems either.
	write(t, src, "another")
	if err := Move(src, dst); !errors.Is(err, ErrExists) {
		t.Fatalf("cross-device move onto an existing file: %v", err)
	}
}

func TestSweepTemps(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "M11", ".dossier-0123.part"), "half")
	write(t, filepath.Join(dir, "M11", "调查表.pdf"), "keep")
	write(t, filepath.Join(dir, "M11", "报告.part"), "staff's own")
	if n := SweepTemps(dir); n != 1 {
		t.Fatalf("swept %d, want 1", n)
	}
	for _, keep := range []string{"调查表.pdf", "报告.part"} {
		if _, err := os.Stat(filepath.Join(dir, "M11", keep)); err != nil {
			t.Errorf("%s removed", keep)
		}
	}
}

func newFolders(t *testing.T) *Folders {
	t.Helper()
	root := t.TempDir()
	f, err := New(filepath.Join(root, "inbox"), filepath.Join(root, "data"))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestNewRefusesNestedFolders(t *testing.T) {
	root := t.TempDir()
	if _, err := New(root, filepath.Join(root, "data")); err == nil {
		t.Fatal("data inside the inbox accepted")
	}
	if _, err := New(filepath.Join(root, "data", "inbox"), filepath.Join(root, "data")); err == nil {
		t.Fatal("inbox inside data accepted")
	}
}

func TestDestDirAndReserve(t *testing.T) {
	f := newFolders(t)
	acc := dossier.Document{TeamID: "M11", Kind: dossier.KindSurvey, Verdict: dossier.VerdictAccepted}
	rej := dossier.Document{Verdict: dossier.VerdictRejected}
	evil := dossier.Document{TeamID: "../../etc", Kind: "../x", Verdict: dossier.VerdictAccepted}
	if got := f.DestDir(acc, false); got != filepath.Join(f.Data, "archive", "M11", "survey") {
		t.Errorf("accepted: %s", got)
	}
	if got := f.DestDir(acc, true); got != filepath.Join(f.Data, "archive", "M11", "重复") {
		t.Errorf("duplicate: %s", got)
	}
	if got := f.DestDir(rej, false); got != filepath.Join(f.Inbox, "退回", "未识别") {
		t.Errorf("rejected: %s", got)
	}
	if got := f.DestDir(evil, false); filepath.Clean(got) != got || filepath.Dir(filepath.Dir(got)) != f.ArchiveRoot() {
		t.Errorf("unsafe team or kind escaped: %s", got)
	}
	if got := f.InboxPath("../../etc/passwd"); got != filepath.Join(f.Inbox, "etc", "passwd") {
		t.Errorf("InboxPath climbed out: %s", got)
	}
	dir := f.DestDir(rej, false)
	os.MkdirAll(dir, 0o755)
	write(t, filepath.Join(dir, "调查表.xlsx"), "x")
	write(t, filepath.Join(dir, "调查表 (2).xlsx"+NoticeSuffix), "notice of another")
	a, _ := f.Reserve(dir, "调查表.xlsx", true)
	b, _ := f.Reserve(dir, "调查表.xlsx", true)
	if filepath.Base(a) != "调查表 (3).xlsx" || filepath.Base(b) != "调查表 (4).xlsx" {
		t.Fatalf("reserved %s, %s", filepath.Base(a), filepath.Base(b))
	}
	f.Release(a)
	if c, _ := f.Reserve(dir, "调查表.xlsx", true); c != a {
		t.Fatalf("released name not reused: %s", c)
	}
	long := strings.Repeat("很长的文件名", 30) + ".pdf"
	lp, _ := f.Reserve(dir, long, true)
	if n := filepath.Base(lp); len(n)+len(NoticeSuffix) > 255 || !strings.HasSuffix(n, ".pdf") {
		t.Fatalf("long name not fitted: %d bytes", len(n))
	}
}

// A link a person puts in the 退回 folder is never written through.
func TestEnsureDirRefusesLinks(t *testing.T) {
	f := newFolders(t)
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(f.RejectRoot(), "M11")); err != nil {
		t.Skip(err)
	}
	if err := f.EnsureDir(filepath.Join(f.RejectRoot(), "M11")); !errors.Is(err, ErrUnsafeDir) {
		t.Fatalf("EnsureDir through a link: %v", err)
	}
	if err := f.EnsureDir(filepath.Join(f.RejectRoot(), "M12")); err != nil {
		t.Fatalf("EnsureDir of a new folder: %v", err)
	}
	if err := f.EnsureDir("/etc"); !errors.Is(err, ErrUnsafeDir) {
		t.Fatalf("EnsureDir outside the roots: %v", err)
	}
}

func TestHashRefusesLinksAndFIFOs(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	write(t, p, "abc")
	h, err := Hash(p)
	if err != nil || h != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Fatalf("Hash = %s, %v", h, err)
	}
	link := filepath.Join(dir, "l.pdf")
	os.Symlink(p, link)
	if _, err := Hash(link); err == nil {
		t.Fatal("Hash followed a link")
	}
	fifo := filepath.Join(dir, "f.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		done := make(chan error, 1)
		go func() { _, err := Hash(fifo); done <- err }()
		select {
		case err := <-done:
			if err == nil {
				t.Fatal("Hash read a FIFO")
			}
		case <-time.After(3 * time.Second):
			t.Fatal("Hash blocked on a FIFO")
		}
	}
}

func TestWorkPathAndID(t *testing.T) {
	f := newFolders(t)
	p := f.WorkPath(42, "调查表 (终稿).xlsx")
	if filepath.Dir(p) != f.WorkDir() || filepath.Base(p) != "42-调查表 (终稿).xlsx" {
		t.Fatalf("WorkPath = %s", p)
	}
	if id, ok := WorkID(filepath.Base(p)); !ok || id != 42 {
		t.Fatalf("WorkID = %d %v", id, ok)
	}
	for _, bad := range []string{"x-1", "-1-a", "abc", ""} {
		if _, ok := WorkID(bad); ok {
			t.Errorf("WorkID(%q) ok", bad)
		}
	}
}

// A file or an unreadable entry where a team folder should be never makes
// Reserve spin: SafeDir picks "M11 (2)", and Reserve reports errors.
func TestSafeDirAndReserveNeverSpin(t *testing.T) {
	f := newFolders(t)
	write(t, filepath.Join(f.RejectRoot(), "M11"), "a file named like the team folder")
	dir, err := f.SafeDir(filepath.Join(f.RejectRoot(), "M11"))
	if err != nil || filepath.Base(dir) != "M11 (2)" {
		t.Fatalf("SafeDir = %q, %v", dir, err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := f.Reserve(filepath.Join(f.RejectRoot(), "M11"), "x.pdf", true) // a path under a file: ENOTDIR
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("Reserve under a file succeeded")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Reserve spins when the folder is a file")
	}
	if p, err := f.Reserve(dir, "x.pdf", true); err != nil || filepath.Dir(p) != dir {
		t.Fatalf("Reserve in the safe folder: %q %v", p, err)
	}
}
