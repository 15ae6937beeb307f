package intake

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sys/unix"

	"dossier"
)

// Folders are the places a file passes through. Safe for concurrent use.
type Folders struct {
	Inbox string // the shared folder, absolute
	Data  string // dossier's own folder, absolute

	mu       sync.Mutex
	reserved map[string]bool
}

// ErrUnsafeDir is returned when a destination folder is reached through a
// symbolic link or is not a folder: dossier never writes through a link a
// person put in the shared folder.
var ErrUnsafeDir = errors.New("intake: destination folder is a link or not a folder")

// New makes the folders (inbox, its 退回, the work area and the archive)
// and returns them with absolute paths.
func New(inbox, data string) (*Folders, error) {
	in, err := filepath.Abs(inbox)
	if err != nil {
		return nil, fmt.Errorf("inbox path: %w", err)
	}
	da, err := filepath.Abs(data)
	if err != nil {
		return nil, fmt.Errorf("data path: %w", err)
	}
	if in == da || strings.HasPrefix(da+string(filepath.Separator), in+string(filepath.Separator)) ||
		strings.HasPrefix(in+string(filepath.Separator), da+string(filepath.Separator)) {
		return nil, fmt.Errorf("inbox %s and data %s must not contain each other: put them side by side", in, da)
	}
	f := &Folders{Inbox: in, Data: da, reserved: map[string]bool{}}
	trustRoot(in)
	trustRoot(da)
	for _, dir := range []string{in, f.WorkDir(), f.ArchiveRoot()} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create %s: %w", dir, err)
		}
	}
	if err := f.EnsureDir(f.RejectRoot()); err != nil {
		return nil, fmt.Errorf("create %s: %w (remove the link or file named %s in the inbox)", f.RejectRoot(), err, RejectDir)
	}
	return f, nil
}

// WorkDir holds files being processed.
func (f *Folders) WorkDir() string { return filepath.Join(f.Data, "work") }

// ArchiveRoot holds accepted documents by team and kind.
func (f *Folders) ArchiveRoot() string { return filepath.Join(f.Data, "archive") }

// RejectRoot is the 退回 folder in the inbox.
func (f *Folders) RejectRoot() string { return filepath.Join(f.Inbox, RejectDir) }

// InboxPath is the absolute path of a slash-separated inbox-relative path;
// ".." cannot climb out of the inbox.
func (f *Folders) InboxPath(rel string) string {
	return filepath.Join(f.Inbox, filepath.FromSlash(filepath.Clean("/"+rel)))
}

// WorkPath is where file id sits while it is processed: work/<id>-<name>.
func (f *Folders) WorkPath(id int64, name string) string {
	return filepath.Join(f.WorkDir(), strconv.FormatInt(id, 10)+"-"+FitName(name, 24))
}

// HoldPath is where a file too large to be copied to the data folder waits
// while it is decided: a hidden name in 退回, on the inbox's own file
// system, so that taking it is a rename and nothing is copied toward the
// data disk. The watcher never looks in 退回.
func (f *Folders) HoldPath(id int64, name string) string {
	return filepath.Join(f.RejectRoot(), holdPrefix+strconv.FormatInt(id, 10)+"-"+FitName(name, 40))
}

const holdPrefix = ".dossier-hold-"

// WorkID reads the id back from a work-area file name.
func WorkID(name string) (int64, bool) {
	i := strings.IndexByte(name, '-')
	if i <= 0 {
		return 0, false
	}
	id, err := strconv.ParseInt(name[:i], 10, 64)
	return id, err == nil && id > 0
}

// DestDir is where a decided document rests: archive/<team>/<kind> when
// accepted (or waiting for review), archive/<team>/重复 for an exact
// duplicate, 退回/<team or 未识别> in the inbox when rejected.
func (f *Folders) DestDir(doc dossier.Document, duplicate bool) string {
	team := segment(doc.TeamID, "未识别")
	switch {
	case duplicate:
		return filepath.Join(f.ArchiveRoot(), team, "重复")
	case doc.Verdict == dossier.VerdictRejected:
		return filepath.Join(f.RejectRoot(), team)
	}
	return filepath.Join(f.ArchiveRoot(), team, segment(string(doc.Kind), "unknown"))
}

// segment makes s safe as one path component.
func segment(s, empty string) string {
	s = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 || r < ' ' {
			return '_'
		}
		return r
	}, s)
	if strings.TrimSpace(s) == "" || s == "." || s == ".." {
		return empty
	}
	return s
}

// fileName keeps a unit's file name as it was (spaces included) but makes
// it one safe path component.
func fileName(name string) string {
	if strings.TrimSpace(name) == "" {
		return "未命名"
	}
	return segment(name, "未命名")
}

// ErrNoName is returned by Reserve when no free name can be found.
var ErrNoName = errors.New("intake: no free name in the destination folder")

// Reserve picks a name in dir for a file called name that neither exists
// nor is reserved, nor has a notice file beside it when withNotice: name,
// then "name (2).ext", "name (3).ext"… It returns the full path, reserved
// until Release. A name that cannot be looked at (the folder unreadable,
// or not a folder) is an error, not a reason to try the next one for ever.
func (f *Folders) Reserve(dir, name string, withNotice bool) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	extra := 0
	if withNotice {
		extra = len(NoticeSuffix)
	}
	name = fileName(name)
	ext := filepath.Ext(name)
	if len(ext) > 16 || ext == name {
		ext = ""
	}
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n <= maxSuffix; n++ {
		suffix := ""
		if n > 1 {
			suffix = fmt.Sprintf(" (%d)", n)
		}
		cand := filepath.Join(dir, fitStem(stem, suffix+ext, extra))
		free, err := absent(cand)
		if err == nil && withNotice {
			free2, err2 := absent(cand + NoticeSuffix)
			free, err = free && free2, err2
		}
		if err != nil {
			return "", fmt.Errorf("reserve a name in %s: %w", dir, err)
		}
		if !free || f.reserved[cand] {
			continue
		}
		f.reserved[cand] = true
		return cand, nil
	}
	// A folder full of colliding names (a unit sending one file a
	// thousand times, or someone filling it on purpose) still gets a
	// decision: a name no one can have guessed.
	for range 8 {
		cand := filepath.Join(dir, fitStem(stem, " ("+randHex()+")"+ext, extra))
		free, err := absent(cand)
		if err == nil && withNotice {
			free2, err2 := absent(cand + NoticeSuffix)
			free, err = free && free2, err2
		}
		if err != nil {
			return "", fmt.Errorf("reserve a name in %s: %w", dir, err)
		}
		if free && !f.reserved[cand] {
			f.reserved[cand] = true
			return cand, nil
		}
	}
	return "", fmt.Errorf("%w: %s (%d names tried)", ErrNoName, dir, maxSuffix+8)
}

// maxSuffix bounds the " (n)" names tried in one folder.
const maxSuffix = 1000

// absent reports whether nothing is at p; an error other than "does not
// exist" is returned as such.
func absent(p string) (bool, error) {
	_, err := os.Lstat(p)
	switch {
	case err == nil:
		return false, nil
	case errors.Is(err, os.ErrNotExist):
		return true, nil
	}
	return false, err
}

// SafeDir makes dir and returns it, or, when dir is a link or a file (a
// person put one there), the first of "dir (2)", "dir (3)"… that is a
// real folder. Nothing is ever written through a link.
func (f *Folders) SafeDir(dir string) (string, error) {
	err := f.EnsureDir(dir)
	if err == nil || !errors.Is(err, ErrUnsafeDir) {
		return dir, err
	}
	for n := 2; n <= 9; n++ {
		alt := fmt.Sprintf("%s (%d)", dir, n)
		if aerr := f.EnsureDir(alt); aerr == nil {
			return alt, nil
		}
	}
	return "", err
}

// Release forgets a reservation once the file is at rest (or abandoned).
func (f *Folders) Release(path string) {
	f.mu.Lock()
	delete(f.reserved, path)
	f.mu.Unlock()
}

// EnsureDir makes dir (under the inbox or the data folder) and checks that
// no part of it below that root is a symbolic link or a file.
func (f *Folders) EnsureDir(dir string) error {
	root := ""
	for _, r := range []string{f.Inbox, f.Data} {
		if dir == r || strings.HasPrefix(dir, r+string(filepath.Separator)) {
			root = r
		}
	}
	if root == "" {
		return fmt.Errorf("%w: %s is outside the inbox and the data folder", ErrUnsafeDir, dir)
	}
	rel, _ := filepath.Rel(root, dir)
	fd, err := openDir(root)
	if err != nil {
		return fmt.Errorf("check %s: %w", root, err)
	}
	defer func() { unix.Close(fd) }()
	cur := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if part == "." || part == "" {
			continue
		}
		cur = filepath.Join(cur, part)
		// mkdirat and openat(O_NOFOLLOW) relative to the folder above: a
		// link swapped in between the two is refused, never followed.
		if err := unix.Mkdirat(fd, part, 0o755); err != nil && !errors.Is(err, unix.EEXIST) {
			return fmt.Errorf("create %s: %w", cur, err)
		}
		next, err := unix.Openat(fd, part, unix.O_PATH|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		if errors.Is(err, unix.ENOTDIR) || errors.Is(err, unix.ELOOP) {
			return fmt.Errorf("%w: %s", ErrUnsafeDir, cur)
		}
		if err != nil {
			return fmt.Errorf("check %s: %w", cur, err)
		}
		unix.Close(fd)
		fd = next
	}
	return nil
}

// FitName shortens a name so that, with extra bytes added, it stays within
// the 255-byte limit of most file systems, cutting at a rune boundary and
// keeping the extension.
func FitName(name string, extra int) string {
	ext := filepath.Ext(name)
	if len(ext) > 16 {
		ext = ""
	}
	return fitStem(strings.TrimSuffix(name, ext), ext, extra)
}

func fitStem(stem, tail string, extra int) string {
	limit := 255 - len(tail) - extra
	for len(stem) > limit && len(stem) > 0 {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	return stem + tail
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil || !errors.Is(err, os.ErrNotExist)
}
