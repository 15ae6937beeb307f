package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// maxAttempts is how many reads of one file may end in a time-out or a
// crash (the process killed while reading it) before the file is set aside
// as a poison file (F005): recovery never re-reads one file for ever.
const maxAttempts = 2

// attempts counts, per content, the reads that did not end: a marker file
// under dir is bumped before a read and removed when the read ends with a
// verdict (good or bad). A read cut by a time-out, or by the process dying,
// leaves it. The zero value (dir "") counts nothing.
type attempts struct{ dir string }

func (a attempts) path(sum string) string { return filepath.Join(a.dir, sum+".attempts") }

// begin records one more read of data and returns its key; poisoned is true
// when maxAttempts reads of it already failed to end.
func (a attempts) begin(data []byte) (key string, n int, poisoned bool) {
	if a.dir == "" {
		return "", 0, false
	}
	s := sha256.Sum256(data)
	key = hex.EncodeToString(s[:])
	raw, _ := os.ReadFile(a.path(key))
	n, _ = strconv.Atoi(strings.TrimSpace(string(raw)))
	if n >= maxAttempts {
		return key, n, true
	}
	if err := os.MkdirAll(a.dir, 0o755); err == nil {
		_ = os.WriteFile(a.path(key), []byte(strconv.Itoa(n+1)), 0o644) // best effort: a full disk only loses the count
	}
	return key, n, false
}

// count is how many reads of key did not end.
func (a attempts) count(key string) int {
	raw, _ := os.ReadFile(a.path(key))
	n, _ := strconv.Atoi(strings.TrimSpace(string(raw)))
	return n
}

// set records n reads of key that did not end (best effort).
func (a attempts) set(key string, n int) {
	if err := os.MkdirAll(a.dir, 0o755); err == nil {
		_ = os.WriteFile(a.path(key), []byte(strconv.Itoa(n)), 0o644)
	}
}

// fileKey is the attempts key of the file at path: its content's SHA-256,
// read without following a link.
func fileKey(path string) (string, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
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

// AttemptsDirOf is the folder where readers with these options count
// the reads that did not end (for Child.AttemptsDir).
func AttemptsDirOf(opt Options) string {
	tmp := opt.TmpDir
	if tmp == "" && opt.CacheDir != "" {
		tmp = filepath.Join(filepath.Dir(filepath.Clean(opt.CacheDir)), "tmp")
	}
	return attemptsDir(tmp)
}

// end forgets key's failed reads: the file was read to a verdict.
func (a attempts) end(key string) {
	if a.dir != "" && key != "" {
		_ = os.Remove(a.path(key))
	}
}

func poisonError(n int) error {
	return fmt.Errorf("%w: reading this file timed out or crashed the reader %d times (poison file)", ErrTooLarge, n)
}

// SweepTemps removes the temporary files a killed reader left in dir
// (excelize-* spill files of large worksheets). Call it at start, when no
// reader is running.
func SweepTemps(dir string) int { return sweepOld(dir, 0) }

// sweepOld removes reader temporary files in dir not modified for age: a
// process starting beside a running one (dossier check beside serve)
// leaves the other's fresh files alone.
func sweepOld(dir string, age time.Duration) int {
	if dir == "" {
		return 0
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range ents {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), "excelize-") {
			continue
		}
		if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < age {
			continue
		}
		if os.Remove(filepath.Join(dir, e.Name())) == nil {
			n++
		}
	}
	return n
}

func attemptsDir(tmp string) string {
	if tmp == "" {
		return ""
	}
	return filepath.Join(tmp, "attempts")
}
