package intake

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/sys/unix"
)

// ErrLinkInPath is returned when a folder on the way to a file is a
// symbolic link: dossier never reads, writes or moves through one, also
// when a link is swapped in between a check and the move.
var ErrLinkInPath = errors.New("intake: a folder on the path is a symbolic link")

// openDir opens dir (absolute) as an O_PATH descriptor without following
// any symbolic link on the way (openat2 RESOLVE_NO_SYMLINKS; a walk with
// O_NOFOLLOW on kernels without openat2). Operations then name files
// relative to it, so the folder cannot be swapped for a link between a
// check and their use. The folders' own paths are resolved at start
// (New), so only a link someone put under them is refused.
func openDir(dir string) (int, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // a relative path is matched against the folders' absolute roots
	}
	dir = filepath.Clean(dir)
	base, rel := unix.AT_FDCWD, dir
	if root, ok := rootOf(dir); ok {
		// The operator's own folder may be reached through a link of
		// theirs (/srv/share → /mnt/nas); below it, none is followed.
		fd, err := unix.Open(root, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != nil {
			return -1, fmt.Errorf("open folder %s: %w", root, err)
		}
		if dir == root {
			return fd, nil
		}
		defer unix.Close(fd)
		base, rel = fd, strings.TrimPrefix(dir, root+"/")
	}
	how := unix.OpenHow{Flags: unix.O_PATH | unix.O_DIRECTORY | unix.O_CLOEXEC,
		Resolve: unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS}
	if base != unix.AT_FDCWD {
		how.Resolve |= unix.RESOLVE_BENEATH
	}
	fd, err := unix.Openat2(base, rel, &how)
	switch {
	case err == nil:
		return fd, nil
	case errors.Is(err, unix.ELOOP), errors.Is(err, unix.ENOTDIR):
		return -1, fmt.Errorf("open folder %s: %w", dir, ErrLinkInPath)
	case !errors.Is(err, unix.ENOSYS) && !errors.Is(err, unix.EPERM):
		return -1, fmt.Errorf("open folder %s: %w", dir, err)
	}
	return walkDir(dir) // a kernel without openat2: the whole path without links
}

// roots are the folders New was given (inbox and data, absolute): the
// paths up to them are the operator's, and may go through links.
var roots sync.Map // string → struct{}

func trustRoot(dir string) { roots.Store(filepath.Clean(dir), struct{}{}) }

// rootOf returns the longest registered root that dir is in.
func rootOf(dir string) (string, bool) {
	best := ""
	roots.Range(func(k, _ any) bool {
		r := k.(string)
		if (dir == r || strings.HasPrefix(dir, r+"/")) && len(r) > len(best) {
			best = r
		}
		return true
	})
	return best, best != ""
}

// walkDir opens dir component by component with O_NOFOLLOW.
func walkDir(dir string) (int, error) {
	fd, err := unix.Open("/", unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, fmt.Errorf("open /: %w", err)
	}
	for _, part := range strings.Split(filepath.Clean(dir), "/") {
		if part == "" || part == "." {
			continue
		}
		next, err := unix.Openat(fd, part, unix.O_PATH|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		unix.Close(fd)
		if errors.Is(err, unix.ENOTDIR) || errors.Is(err, unix.ELOOP) {
			return -1, fmt.Errorf("open folder %s: %w", dir, ErrLinkInPath)
		}
		if err != nil {
			return -1, fmt.Errorf("open folder %s: %w", dir, err)
		}
		fd = next
	}
	return fd, nil
}

// at is a file named by a folder descriptor and a base name.
type at struct {
	dir  int
	name string
	path string // for messages and the fallbacks
}

// openAt opens p's folder without following links and returns it with p's
// base name; Close it.
func openAt(p string) (at, error) {
	fd, err := openDir(filepath.Dir(p))
	if err != nil {
		return at{dir: -1}, err
	}
	return at{dir: fd, name: filepath.Base(p), path: p}, nil
}

func (a at) Close() {
	if a.dir >= 0 {
		unix.Close(a.dir)
	}
}

// open opens the file itself, never following a link there either.
func (a at) open(flags int, perm uint32) (*os.File, error) {
	fd, err := unix.Openat(a.dir, a.name, flags|unix.O_NOFOLLOW|unix.O_CLOEXEC, perm)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: a.path, Err: err}
	}
	return os.NewFile(uintptr(fd), a.path), nil
}

func (a at) lstat() (unix.Stat_t, error) {
	var st unix.Stat_t
	err := unix.Fstatat(a.dir, a.name, &st, unix.AT_SYMLINK_NOFOLLOW)
	return st, err
}

func (a at) remove() error {
	if err := unix.Unlinkat(a.dir, a.name, 0); err != nil {
		return &os.PathError{Op: "remove", Path: a.path, Err: err}
	}
	return nil
}

func syncFd(fd int) {
	if f, err := unix.Openat(fd, ".", unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0); err == nil {
		unix.Fsync(f)
		unix.Close(f)
	}
}
