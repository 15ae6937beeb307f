package intake

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// ErrExists is returned by Move when the destination already exists:
// nothing is ever replaced.
var ErrExists = errors.New("intake: destination exists")

// tempPrefix names a copy still being written into a destination folder;
// Skip ignores it (a dot-file ending in .part) and SweepTemps removes
// leftovers of a killed process.
const tempPrefix = ".dossier-"

// Move moves src to dst without ever replacing dst. A symbolic link is
// moved as a link (its target is not read). On one file system it is a
// rename that refuses to replace; across file systems the file is copied
// under a hidden temporary name in dst's folder, synced, put in place,
// and only then is src removed. If src cannot be removed after the copy,
// the copy is removed again and the error returned: the file was not taken.
func Move(src, dst string) error {
	if err := renameNoReplace(src, dst); !errors.Is(err, unix.EXDEV) {
		return err
	}
	fi, err := os.Lstat(src)
	if err != nil {
		return fmt.Errorf("move %s: %w", filepath.Base(src), err)
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		return moveLinkAcross(src, dst)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("move %s: not a regular file", filepath.Base(src))
	}
	if err := copyInPlace(src, dst, fi); err != nil {
		return err
	}
	if err := os.Remove(src); err != nil {
		os.Remove(dst) // our own complete copy: the original stays where it was
		return fmt.Errorf("move %s: the original cannot be removed after copying: %w", filepath.Base(src), err)
	}
	syncDir(filepath.Dir(src))
	return nil
}

// renameNoReplace renames without replacing: renameat2(RENAME_NOREPLACE)
// where the file system has it, else a hard link and unlink, else a
// checked rename.
func renameNoReplace(src, dst string) error {
	err := unix.Renameat2(unix.AT_FDCWD, src, unix.AT_FDCWD, dst, unix.RENAME_NOREPLACE)
	switch {
	case err == nil:
		syncDir(filepath.Dir(dst))
		return nil
	case errors.Is(err, unix.EEXIST):
		return fmt.Errorf("move %s: %w", filepath.Base(dst), ErrExists)
	case errors.Is(err, unix.EXDEV):
		return err
	case !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.ENOSYS) && !errors.Is(err, unix.ENOTSUP):
		return fmt.Errorf("move %s: %w", filepath.Base(src), err)
	}
	// The file system cannot rename without replacing: link, then unlink.
	if err := os.Link(src, dst); err == nil {
		syncDir(filepath.Dir(dst))
		if err := os.Remove(src); err != nil {
			os.Remove(dst) // not moved: no second name left behind
			return fmt.Errorf("move %s: remove the old name: %w", filepath.Base(src), err)
		}
		return nil
	} else if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("move %s: %w", filepath.Base(dst), ErrExists)
	} else if errors.Is(err, unix.EXDEV) {
		return unix.EXDEV
	}
	if exists(dst) {
		return fmt.Errorf("move %s: %w", filepath.Base(dst), ErrExists)
	}
	if err := os.Rename(src, dst); err != nil {
		if errors.Is(err, unix.EXDEV) {
			return unix.EXDEV
		}
		return fmt.Errorf("move %s: %w", filepath.Base(src), err)
	}
	return nil
}

// copyInPlace copies src to a hidden temporary file beside dst, syncs it
// and gives it its final name without replacing anything: a half-copied
// file is never visible under dst.
func copyInPlace(src, dst string, fi os.FileInfo) error {
	in, err := os.OpenFile(src, os.O_RDONLY|unix.O_NOFOLLOW|unix.O_NONBLOCK, 0)
	if err != nil {
		return fmt.Errorf("copy %s: %w", filepath.Base(src), err)
	}
	defer in.Close()
	tmp := filepath.Join(filepath.Dir(dst), tempPrefix+randHex()+".part")
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fi.Mode().Perm()|0o600)
	if err != nil {
		return fmt.Errorf("copy %s: %w", filepath.Base(src), err)
	}
	defer os.Remove(tmp) // after a successful rename there is nothing left to remove
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", filepath.Base(src), err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: sync: %w", filepath.Base(src), err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("copy %s: %w", filepath.Base(src), err)
	}
	os.Chtimes(tmp, fi.ModTime(), fi.ModTime())
	return renameNoReplace(tmp, dst)
}

func moveLinkAcross(src, dst string) error {
	target, err := os.Readlink(src)
	if err != nil {
		return fmt.Errorf("move link %s: %w", filepath.Base(src), err)
	}
	if err := os.Symlink(target, dst); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("move %s: %w", filepath.Base(dst), ErrExists)
		}
		return fmt.Errorf("move link %s: %w", filepath.Base(src), err)
	}
	if err := os.Remove(src); err != nil {
		os.Remove(dst)
		return fmt.Errorf("move link %s: %w", filepath.Base(src), err)
	}
	return nil
}

// SweepTemps removes the temporary copies a killed process left under
// root (files named .dossier-*.part). Call it at start, before any move.
func SweepTemps(root string) int {
	n := 0
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && filepath.Ext(p) == ".part" && len(d.Name()) > len(tempPrefix) && d.Name()[:len(tempPrefix)] == tempPrefix {
			if os.Remove(p) == nil {
				n++
			}
		}
		return nil
	})
	return n
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func randHex() string {
	var b [8]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
