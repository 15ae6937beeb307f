package notify

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dossier"
)

// maxSuffix bounds the search for a free file name.
const maxSuffix = 100

// fileText is what the notice file holds: the subject, a blank line and the
// body, with CRLF line ends so that Notepad on the bureau's PCs shows it
// right. UTF-8 without BOM.
func fileText(n dossier.Notice) []byte {
	s := n.Subject + "\n\n" + strings.TrimRight(n.Body, "\n") + "\n"
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
	return []byte(s)
}

// writeNoticeFile writes the notice beside the document, atomically (a
// temporary file in the same folder, then linked or renamed into place).
// It is idempotent: a file already holding this text is the notice
// delivered before a crash. It never replaces a different file: it picks
// "<name> (2).txt", "(3)"… instead. It returns the path written.
func writeNoticeFile(n dossier.Notice) (string, error) {
	want := fileText(n)
	dir := filepath.Dir(n.NoticeFile)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create folder for notice file: %w", err)
	}
	// The folder and its parent (退回/<team>, 退回) are in the shared
	// folder: a link a person put there is never written through.
	for _, p := range []string{dir, filepath.Dir(dir)} {
		if fi, err := os.Lstat(p); err != nil || fi.Mode()&os.ModeSymlink != 0 || !fi.IsDir() {
			return "", fmt.Errorf("write notice file: %s is a link or not a folder", p)
		}
	}
	sweepTemps(dir, time.Now().Add(-staleTemp))
	for i := 1; i <= maxSuffix; i++ {
		path := suffixed(n.NoticeFile, i)
		have, err := os.ReadFile(path)
		switch {
		case err == nil && bytes.Equal(have, want):
			return path, nil
		case err == nil:
			continue // someone else's file: never overwrite it
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("read existing notice file: %w", err)
		}
		ok, err := place(path, want)
		if err != nil {
			return "", err
		}
		if ok {
			return path, nil
		}
	}
	return "", fmt.Errorf("write notice file %s: no free name after %d tries", n.NoticeFile, maxSuffix)
}

// staleTemp is the age past which a temporary notice file is a leftover of
// a process killed while writing it (one daemon writes a folder, and a
// write takes milliseconds).
const staleTemp = time.Minute

// sweepTemps removes temporary notice files older than before from dir, so
// a crash never leaves litter in the folder the units look at.
func sweepTemps(dir string, before time.Time) {
	matches, _ := filepath.Glob(filepath.Join(dir, ".notice-*.tmp"))
	for _, m := range matches {
		if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() && st.ModTime().Before(before) {
			os.Remove(m)
		}
	}
}

// SweepTemps removes every temporary notice file under root (the 退回
// folder). Call it at start, before the notifier runs: one daemon writes
// there, so any temporary file found then was left by a killed process.
func SweepTemps(root string) int {
	n := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && strings.HasPrefix(d.Name(), ".notice-") && strings.HasSuffix(d.Name(), ".tmp") {
			if os.Remove(p) == nil {
				n++
			}
		}
		return nil
	})
	return n
}

// suffixed is path for i = 1, else "name (i).ext".
func suffixed(path string, i int) string {
	if i == 1 {
		return path
	}
	ext := filepath.Ext(path)
	return fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(path, ext), i, ext)
}

// place puts data at path unless a file appeared there meanwhile (then
// ok is false). A hard link refuses to replace; where the file system
// cannot link (some network shares), a rename after the check does.
func place(path string, data []byte) (ok bool, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".notice-*.tmp")
	if err != nil {
		return false, fmt.Errorf("create temporary notice file: %w", err)
	}
	// CreateTemp makes it 0600; staff read the shared folder as other users.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return false, fmt.Errorf("make notice file readable: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return false, fmt.Errorf("write temporary notice file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return false, fmt.Errorf("sync temporary notice file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return false, fmt.Errorf("close temporary notice file: %w", err)
	}
	err = os.Link(tmp.Name(), path)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrExist):
		return false, nil
	}
	if _, serr := os.Lstat(path); serr == nil {
		return false, nil
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return false, fmt.Errorf("move notice file into place: %w", err)
	}
	return true, nil
}
