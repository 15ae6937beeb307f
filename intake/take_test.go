package intake

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// crossDevice returns a folder under /dev/shm on another file system than
// the test's temporary folder, or skips.
func crossDevice(t *testing.T) (shm, tmp string) {
	t.Helper()
	shm, err := os.MkdirTemp("/dev/shm", "dossier-take-")
	if err != nil {
		t.Skip("no /dev/shm:", err)
	}
	t.Cleanup(func() { os.RemoveAll(shm) })
	tmp = t.TempDir()
	var a, b syscall.Statfs_t
	syscall.Statfs(shm, &a)
	syscall.Statfs(tmp, &b)
	if a.Fsid == b.Fsid {
		t.Skip("/dev/shm is on the same file system as the temporary folder here: no cross-device take to test")
	}
	return shm, tmp
}

// A take that has to copy keeps the original until Release; Release
// removes it only while it is still the file copied, and refuses (keeping
// it) once its writer went on — also when only the bytes changed.
func TestTakeKeepsCopiedOriginal(t *testing.T) {
	src0, tmp := crossDevice(t)
	cases := []struct {
		name   string
		change func(t *testing.T, p string)
		want   error
	}{
		{"unchanged", func(*testing.T, string) {}, nil},
		{"writer went on", func(t *testing.T, p string) {
			f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString(" and the rest")
			f.Close()
		}, ErrSourceChanged},
		{"same size and time, other bytes", func(t *testing.T, p string) {
			fi, _ := os.Stat(p)
			f, _ := os.OpenFile(p, os.O_WRONLY, 0)
			f.WriteAt([]byte("X"), 0)
			f.Close()
			os.Chtimes(p, fi.ModTime(), fi.ModTime())
		}, ErrSourceChanged},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := filepath.Join(src0, "报告.pdf")
			dst := filepath.Join(tmp, "taken"+string(rune('a'+i)))
			write(t, src, "%PDF-1.4 first part")
			mt := time.Date(2026, 11, 12, 10, 0, 0, 0, time.UTC)
			os.Chtimes(src, mt, mt)
			k, err := Take(src, dst)
			if err != nil {
				t.Fatal(err)
			}
			if !k.Kept || k.Size != int64(len("%PDF-1.4 first part")) || !k.ModTime.Equal(mt) {
				t.Fatalf("source %+v: want kept, its size and time", k)
			}
			if b, _ := os.ReadFile(dst); string(b) != "%PDF-1.4 first part" {
				t.Fatalf("copy = %q", b)
			}
			if _, err := os.Lstat(src); err != nil {
				t.Fatalf("original removed at take: %v", err)
			}
			c.change(t, src)
			err = Release(src, k, sha256Hex("%PDF-1.4 first part"))
			if !errors.Is(err, c.want) || (c.want == nil && err != nil) {
				t.Fatalf("Release: %v, want %v", err, c.want)
			}
			_, serr := os.Lstat(src)
			if gone := os.IsNotExist(serr); gone != (c.want == nil) {
				t.Fatalf("original gone = %v after Release %v", gone, err)
			}
			os.Remove(src)
		})
	}
}

// On one file system a single-link file is renamed (nothing kept); a hard
// link is copied and its original kept.
func TestTakeRenamesOrKeeps(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.pdf")
	write(t, one, "one")
	k, err := Take(one, filepath.Join(dir, "one-taken"))
	if err != nil || k.Kept {
		t.Fatalf("single link: %+v %v, want a rename", k, err)
	}
	if _, err := os.Lstat(one); !os.IsNotExist(err) {
		t.Fatalf("renamed file still at its old name: %v", err)
	}
	two := filepath.Join(dir, "two.pdf")
	write(t, two, "two")
	os.Link(two, filepath.Join(dir, "other name"))
	k, err = Take(two, filepath.Join(dir, "two-taken"))
	if err != nil || !k.Kept {
		t.Fatalf("hard link: %+v %v, want a kept copy", k, err)
	}
	if same, _ := Unchanged(two, k); !same {
		t.Fatal("kept original not recognised")
	}
	if err := Release(two, k, ""); err != nil {
		t.Fatal(err)
	}
	if err := Release(two, k, ""); err != nil {
		t.Fatalf("releasing an original already gone: %v", err)
	}
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
