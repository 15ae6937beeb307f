package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
