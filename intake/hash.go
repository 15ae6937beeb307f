package intake

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// Hash is the streaming SHA-256 of a regular file. It refuses links and
// anything else that is not a regular file (a FIFO never blocks it).
func Hash(p string) (string, error) {
	f, err := OpenRegular(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hash %s: %w", filepath.Base(p), err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// OpenRegular opens p for reading only if it is a regular file: without
// following a symbolic link and without blocking on a FIFO or device.
func OpenRegular(p string) (*os.File, error) {
	a, err := openAt(p) // no link followed on the way either
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", filepath.Base(p), err)
	}
	f, err := a.open(unix.O_RDONLY|unix.O_NONBLOCK, 0)
	a.Close()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", filepath.Base(p), err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat %s: %w", filepath.Base(p), err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("open %s: not a regular file", filepath.Base(p))
	}
	return f, nil
}
