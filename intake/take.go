package intake

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"golang.org/x/sys/unix"
)

// Source is the inbox original a claim copied and kept: who it was when it
// was copied, so that it is removed only while it is still that file,
// unchanged.
type Source struct {
	Kept     bool // the file was copied and the original left in the inbox
	Size     int64
	ModTime  time.Time
	Dev, Ino uint64
}

// ErrSourceChanged is returned by Release when the kept original is no
// longer what was copied: its writer went on (or it was replaced), so the
// copy is stale and the file must be taken again.
var ErrSourceChanged = errors.New("intake: the original changed after it was copied")

// Take moves src to dst as Move does, except when the file has to be
// copied — across file systems, a file with another name (hard link), a
// file open for writing — then the verified copy is put at dst and the
// original is kept where it is (Source.Kept): its writer may only have
// paused, and removing the name now would lose whatever it writes next.
// Release removes it once the copy's decision is final.
func Take(src, dst string) (Source, error) {
	s, err := openAt(src)
	if err != nil {
		return Source{}, fmt.Errorf("take %s: %w", filepath.Base(src), err)
	}
	defer s.Close()
	d, err := openAt(dst)
	if err != nil {
		return Source{}, fmt.Errorf("take %s: %w", filepath.Base(src), err)
	}
	defer d.Close()
	st, err := s.lstat()
	if err != nil {
		return Source{}, fmt.Errorf("take %s: %w", filepath.Base(src), err)
	}
	regular := st.Mode&unix.S_IFMT == unix.S_IFREG
	if !regular || (st.Nlink <= 1 && !openForWriting(s)) {
		if err := renameNoReplace(s, d); !errors.Is(err, unix.EXDEV) {
			return Source{}, err
		}
	}
	if st.Mode&unix.S_IFMT == unix.S_IFLNK {
		return Source{}, moveLinkAcross(s, d)
	}
	if !regular {
		return Source{}, fmt.Errorf("take %s: not a regular file", filepath.Base(src))
	}
	if err := copyInPlace(s, d, st); err != nil {
		return Source{}, err
	}
	return sourceOf(st), nil
}

// Copied returns the identity of the regular file at p, as Take would
// record it after copying it (Copy leaves its source too).
func Copied(p string) (Source, error) {
	s, err := openAt(p)
	if err != nil {
		return Source{}, err
	}
	defer s.Close()
	st, err := s.lstat()
	if err != nil {
		return Source{}, fmt.Errorf("stat %s: %w", filepath.Base(p), err)
	}
	return sourceOf(st), nil
}

func sourceOf(st unix.Stat_t) Source {
	return Source{Kept: true, Size: st.Size, ModTime: time.Unix(0, st.Mtim.Nano()),
		Dev: uint64(st.Dev), Ino: uint64(st.Ino)}
}

// Unchanged reports whether the file at p is still the kept original k:
// the same inode, size and modification time. A file gone reports false
// with a nil error only when it cannot be looked at for another reason.
func Unchanged(p string, k Source) (bool, error) {
	s, err := openAt(p)
	if err != nil {
		return false, err
	}
	defer s.Close()
	st, err := s.lstat()
	if err != nil {
		return false, err
	}
	return same(st, k), nil
}

func same(st unix.Stat_t, k Source) bool {
	return st.Mode&unix.S_IFMT == unix.S_IFREG && uint64(st.Dev) == k.Dev && uint64(st.Ino) == k.Ino &&
		st.Size == k.Size && time.Unix(0, st.Mtim.Nano()).Equal(k.ModTime)
}

// Release removes the kept original src once its copy's decision is
// final: only if it is still the file copied (inode, size, modification
// time) and its bytes still hash to sha (the copy's SHA-256; "" skips
// that check), looked at again after reading it. A file no longer there
// is no error. Otherwise ErrSourceChanged: the copy is stale.
func Release(src string, k Source, sha string) error {
	s, err := openAt(src)
	if err != nil {
		return fmt.Errorf("release %s: %w", filepath.Base(src), err)
	}
	defer s.Close()
	st, err := s.lstat()
	if errors.Is(err, unix.ENOENT) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("release %s: %w", filepath.Base(src), err)
	}
	if !same(st, k) {
		return fmt.Errorf("release %s: %w", filepath.Base(src), ErrSourceChanged)
	}
	if sha != "" {
		got, err := hashAt(s)
		if err != nil {
			return fmt.Errorf("release %s: %w", filepath.Base(src), err)
		}
		if got != sha {
			return fmt.Errorf("release %s: %w (its bytes differ)", filepath.Base(src), ErrSourceChanged)
		}
		if st, err = s.lstat(); err != nil || !same(st, k) {
			return fmt.Errorf("release %s: %w", filepath.Base(src), ErrSourceChanged)
		}
	}
	if err := s.remove(); err != nil {
		return fmt.Errorf("release %s: %w", filepath.Base(src), err)
	}
	syncFd(s.dir)
	return nil
}

func hashAt(s at) (string, error) {
	f, err := s.open(unix.O_RDONLY|unix.O_NONBLOCK, 0)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// OpenForWriting reports whether another process has the regular file at
// p open for writing, where the kernel can tell (a read lease is refused
// while a writer holds the file; without leases it reports false).
func OpenForWriting(p string) bool {
	s, err := openAt(p)
	if err != nil {
		return false
	}
	defer s.Close()
	return openForWriting(s)
}
