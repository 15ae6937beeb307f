package extract

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrOwnTrouble marks a failure of dossier's own resources while reading a
// file — the disk (compile cache, temporary files), PDFium's start-up,
// memory, a reader slot busy with another file, a time-out that cannot be
// blamed on the document. It is never a finding about the unit's file:
// the caller keeps the file claimed and tries again later.
var ErrOwnTrouble = errors.New("extract: dossier's own trouble, not the document's")

// errReadTimeout marks a read that started and outlived the time-out: it
// counts toward setting the file aside as a poison file (attempts), unlike
// a wait for a busy reader.
var errReadTimeout = errors.New("read timed out")

// ownTrouble wraps err as ErrOwnTrouble with an action phrase and records
// it for Health.
func ownTrouble(action string, err error) error {
	e := fmt.Errorf("%s: %w: %w", action, ErrOwnTrouble, err)
	health.set(e)
	return e
}

// troubleState is the last own trouble seen, cleared by the next file read
// without one. It is process-wide, like the PDFium pool it mostly reports on.
type troubleState struct {
	mu    sync.Mutex
	err   error
	since time.Time
}

var health troubleState

func (t *troubleState) set(err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err == nil {
		t.since = time.Now()
	}
	t.err = err
}

func (t *troubleState) clear() {
	t.mu.Lock()
	t.err = nil
	t.mu.Unlock()
}

// Health reports dossier's own trouble in reading files: nil while the
// last file was read without any (or none was read yet), else the last
// trouble and since when it lasts. /healthz and the status page call it.
func Health() (since time.Time, err error) {
	health.mu.Lock()
	defer health.mu.Unlock()
	return health.since, health.err
}
