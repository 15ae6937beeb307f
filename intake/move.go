package intake

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
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
// moved as a link (its target is not read). No folder on either path is
// followed if it is a link (openDir): a link swapped in for a folder
// between a check and the move makes the move fail, it never lands
// outside.
//
// On one file system it is a rename that refuses to replace — unless the
// file has another name (a hard link) or is open for writing by another
// process (where a lease probe can tell): then it is copied, so that what
// dossier keeps is its own inode that nobody else can rewrite. Across file
// systems, and in those cases, the file is copied under a hidden temporary
// name in dst's folder, synced, read back and compared with what was read
// from src (SHA-256), put in place, and only then is src's name removed.
// If src cannot be removed after the copy, the copy is removed again and
// the error returned: the file was not taken.
func Move(src, dst string) error {
	s, err := openAt(src)
	if err != nil {
		return fmt.Errorf("move %s: %w", filepath.Base(src), err)
	}
	defer s.Close()
	d, err := openAt(dst)
	if err != nil {
		return fmt.Errorf("move %s: %w", filepath.Base(src), err)
	}
	defer d.Close()
	st, err := s.lstat()
	if err != nil {
		return fmt.Errorf("move %s: %w", filepath.Base(src), err)
	}
	regular := st.Mode&unix.S_IFMT == unix.S_IFREG
	if !regular || (st.Nlink <= 1 && !openForWriting(s)) {
		if err := renameNoReplace(s, d); !errors.Is(err, unix.EXDEV) {
			return err
		}
	}
	if st.Mode&unix.S_IFMT == unix.S_IFLNK {
		return moveLinkAcross(s, d)
	}
	if !regular {
		return fmt.Errorf("move %s: not a regular file", filepath.Base(src))
	}
	if err := copyInPlace(s, d, st); err != nil {
		return err
	}
	if err := removeSame(s, st); err != nil {
		d.remove() // our own complete copy: the original stays where it was
		return fmt.Errorf("move %s: the original cannot be removed after copying: %w", filepath.Base(src), err)
	}
	syncFd(s.dir)
	return nil
}

// removeSame removes src's name if it still names the file copied (not
// one put there since).
func removeSame(s at, was unix.Stat_t) error {
	now, err := s.lstat()
	if err != nil {
		return err
	}
	if now.Dev != was.Dev || now.Ino != was.Ino {
		return fmt.Errorf("%s was replaced while being copied", s.name)
	}
	return s.remove()
}

// openForWriting reports whether another process has the file open for
// writing, where the kernel can tell: a read lease is refused (EAGAIN)
// while a writer holds it. Where leases are not available (not the owner
// without CAP_LEASE, a network file system) it reports false.
func openForWriting(s at) bool {
	f, err := s.open(unix.O_RDONLY|unix.O_NONBLOCK, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	fd := int(f.Fd())
	_, err = unix.FcntlInt(uintptr(fd), unix.F_SETLEASE, unix.F_RDLCK)
	if err == nil {
		unix.FcntlInt(uintptr(fd), unix.F_SETLEASE, unix.F_UNLCK)
		return false
	}
	return errors.Is(err, unix.EAGAIN)
}

// renameNoReplace renames without replacing: renameat2(RENAME_NOREPLACE)
// where the file system has it, else a hard link and unlink. Both names
// are relative to folder descriptors opened without following links.
func renameNoReplace(s, d at) error {
	err := unix.Renameat2(s.dir, s.name, d.dir, d.name, unix.RENAME_NOREPLACE)
	switch {
	case err == nil:
		syncFd(d.dir)
		return nil
	case errors.Is(err, unix.EEXIST):
		return fmt.Errorf("move %s: %w", d.name, ErrExists)
	case errors.Is(err, unix.EXDEV):
		return err
	case !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.ENOSYS) && !errors.Is(err, unix.ENOTSUP):
		return fmt.Errorf("move %s: %w", s.name, err)
	}
	// The file system cannot rename without replacing: link, then unlink.
	err = unix.Linkat(s.dir, s.name, d.dir, d.name, 0)
	switch {
	case err == nil:
		syncFd(d.dir)
		if err := s.remove(); err != nil {
			d.remove() // not moved: no second name left behind
			return fmt.Errorf("move %s: remove the old name: %w", s.name, err)
		}
		return nil
	case errors.Is(err, unix.EEXIST):
		return fmt.Errorf("move %s: %w", d.name, ErrExists)
	case errors.Is(err, unix.EXDEV):
		return unix.EXDEV
	}
	return fmt.Errorf("move %s: %w", s.name, err)
}

// copyInPlace copies src to a hidden temporary file beside dst, syncs it,
// reads it back and compares it with what was read from src, checks that
// src did not change meanwhile, and gives it its final name without
// replacing anything: a half-copied or differing file is never visible
// under dst.
func copyInPlace(s, d at, st unix.Stat_t) error {
	in, err := s.open(unix.O_RDONLY|unix.O_NONBLOCK, 0)
	if err != nil {
		return fmt.Errorf("copy %s: %w", s.name, err)
	}
	defer in.Close()
	tmp := at{dir: d.dir, name: tempPrefix + randHex() + ".part", path: filepath.Join(filepath.Dir(d.path), "tmp")}
	out, err := tmp.open(unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL, st.Mode&0o777|0o600)
	if err != nil {
		return fmt.Errorf("copy %s: %w", s.name, err)
	}
	defer tmp.remove() // after a successful rename there is nothing left to remove
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(out, h), in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", s.name, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: sync: %w", s.name, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("copy %s: %w", s.name, err)
	}
	if err := verifyCopy(in, tmp, h.Sum(nil), st); err != nil {
		return fmt.Errorf("copy %s: %w", s.name, err)
	}
	mt := unix.NsecToTimespec(st.Mtim.Nano())
	unix.UtimesNanoAt(tmp.dir, tmp.name, []unix.Timespec{mt, mt}, unix.AT_SYMLINK_NOFOLLOW)
	return renameNoReplace(tmp, d)
}

// ErrCopyDiffers is returned when a copy read back differs from its
// source, or the source changed while it was copied.
var ErrCopyDiffers = errors.New("intake: the copy differs from the original")

func verifyCopy(in *os.File, tmp at, sum []byte, was unix.Stat_t) error {
	var now unix.Stat_t
	if err := unix.Fstat(int(in.Fd()), &now); err != nil {
		return err
	}
	if now.Size != was.Size || now.Mtim != was.Mtim {
		return fmt.Errorf("%w: the original changed while being copied", ErrCopyDiffers)
	}
	back, err := tmp.open(unix.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer back.Close()
	h := sha256.New()
	n, err := io.Copy(h, back)
	if err != nil {
		return err
	}
	if n != was.Size || !bytes.Equal(h.Sum(nil), sum) {
		return fmt.Errorf("%w: read back %d bytes", ErrCopyDiffers, n)
	}
	return nil
}

func moveLinkAcross(s, d at) error {
	buf := make([]byte, 4096)
	n, err := unix.Readlinkat(s.dir, s.name, buf)
	if err != nil {
		return fmt.Errorf("move link %s: %w", s.name, err)
	}
	if err := unix.Symlinkat(string(buf[:n]), d.dir, d.name); err != nil {
		if errors.Is(err, unix.EEXIST) {
			return fmt.Errorf("move %s: %w", d.name, ErrExists)
		}
		return fmt.Errorf("move link %s: %w", s.name, err)
	}
	if err := s.remove(); err != nil {
		d.remove()
		return fmt.Errorf("move link %s: %w", s.name, err)
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

// Copy copies src to dst (a new inode, never replacing dst), verified as
// Move's copy is, and leaves src where it is: for a file in a folder
// dossier may read but not change (a read-only share), so that it is
// still decided and its unit hears about it.
func Copy(src, dst string) error {
	s, err := openAt(src)
	if err != nil {
		return fmt.Errorf("copy %s: %w", filepath.Base(src), err)
	}
	defer s.Close()
	d, err := openAt(dst)
	if err != nil {
		return fmt.Errorf("copy %s: %w", filepath.Base(src), err)
	}
	defer d.Close()
	st, err := s.lstat()
	if err != nil {
		return fmt.Errorf("copy %s: %w", filepath.Base(src), err)
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return fmt.Errorf("copy %s: not a regular file", filepath.Base(src))
	}
	return copyInPlace(s, d, st)
}
