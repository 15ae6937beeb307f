package process

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"sync"
	"syscall"
	"time"

	"dossier"
	"dossier/extract"
)

// transientPrefix starts Document.Problem when the file could not be
// decided because of dossier's own trouble (extract.ErrOwnTrouble, an I/O
// error of our own disk): see Transient.
const transientPrefix = "own trouble, retried: "

// Transient reports whether d is not a decision at all: dossier's own
// trouble (the disk, the PDFium start-up, memory, a busy reader, a time-out
// it cannot blame on the file) kept it from reading the file. The caller
// keeps the file claimed, retries it later and tells the operator; no
// finding is recorded and no unit hears anything.
func Transient(d dossier.Document) bool { return strings.HasPrefix(d.Problem, transientPrefix) }

// ownIOTrouble reports an I/O error that is our machine's, not the file's.
func ownIOTrouble(err error) bool {
	for _, e := range []error{syscall.EIO, syscall.ENOSPC, syscall.ENOMEM, syscall.EMFILE, syscall.ENFILE, syscall.EDQUOT, syscall.EAGAIN} {
		if errors.Is(err, e) {
			return true
		}
	}
	return errors.Is(err, extract.ErrOwnTrouble)
}

// readProblem is the unit-facing detail of a file that cannot be opened:
// never a path on the server.
func readProblem(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "文件没有读取权限，无法打开"
	case errors.Is(err, errNotRegular):
		return "不是普通文件"
	}
	return "文件无法读取"
}

var errNotRegular = errors.New("not a regular file")

// MaxSize is F005's limit in bytes (0: none). The daemon asks it before
// taking a file, so that one far too large is never copied to its disk.
func (e *Evaluator) MaxSize() int64 { return e.maxSize }

// RetryYoung makes a file that cannot be read (F002) within window of its
// last change Transient instead of rejected: a writer that paused longer
// than the watcher's settle time is given a longer one, and the file is
// decided on a later try (0, the default, rejects at once). Call it before
// use.
func (e *Evaluator) RetryYoung(window time.Duration) { e.young = window }

// stillWritten reports an F002 on a file changed within the young window.
func (e *Evaluator) stillWritten(p string, err error) bool {
	if e.young <= 0 || ruleOf(err) != "F002" {
		return false
	}
	fi, serr := os.Lstat(p)
	return serr == nil && time.Since(fi.ModTime()) < e.young
}

// retries backs off, per file, after dossier's own trouble: the next try
// of a file is not before 1, 2, 4 … 30 minutes after its last, so a full
// disk or a PDFium that cannot start is not hammered once a minute by
// every claimed file. A try that decides the file forgets it.
type retries struct {
	mu sync.Mutex
	m  map[string]retryState
}

type retryState struct {
	n    int
	next time.Time
}

const (
	retryFirst = time.Minute
	retryMax   = 30 * time.Minute
)

// wait reports whether path is backing off at now.
func (r *retries) wait(path string, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	st, ok := r.m[path]
	return ok && now.Before(st.next)
}

// note records the outcome of a try at now.
func (r *retries) note(path string, now time.Time, trouble bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !trouble {
		delete(r.m, path)
		return
	}
	if r.m == nil {
		r.m = map[string]retryState{}
	}
	st := r.m[path]
	d := retryFirst << min(st.n, 5)
	st.n++
	st.next = now.Add(min(d, retryMax))
	r.m[path] = st
}
