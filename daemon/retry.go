package daemon

import (
	"context"
	"strings"
	"sync"
	"time"

	"dossier/ledger"
)

// flights tracks the rows a worker is busy with, and the rows seen left
// unfinished (a decision that could not be recorded, a destination that
// was not reachable) so that they are retried while the daemon runs, not
// only at its next start.
type flights struct {
	mu      sync.Mutex
	busy    map[int64]bool
	waiting map[int64]bool // seen pending and idle at the last look
}

func (f *flights) start(id int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.busy == nil {
		f.busy = map[int64]bool{}
	}
	f.busy[id] = true
}

// tryStart marks id busy unless it already is, and reports whether it did.
func (f *flights) tryStart(id int64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.busy[id] {
		return false
	}
	if f.busy == nil {
		f.busy = map[int64]bool{}
	}
	f.busy[id] = true
	return true
}

func (f *flights) end(id int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.busy, id)
}

// due returns the pending rows that were already idle at the previous
// look and still are: left behind, not in the middle of a worker's hands.
func (f *flights) due(pending []ledger.Entry) []ledger.Entry {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := map[int64]bool{}
	var out []ledger.Entry
	for _, e := range pending {
		if f.busy[e.ID] {
			continue
		}
		if f.waiting[e.ID] {
			out = append(out, e)
		}
		now[e.ID] = true
	}
	f.waiting = now
	return out
}

// retryLeftBehind finishes rows a worker left unfinished at least one
// calendar tick ago, the way a restart would.
func (d *Daemon) retryLeftBehind(ctx context.Context, clock func() time.Time) {
	d.svc.RetryMoves(ctx) // clerk's decisions whose file move was left undone
	pending, err := d.led.Pending(ctx)
	if err != nil {
		if ctx.Err() == nil {
			d.log.Error().Err(err).Msg("read files left unfinished")
		}
		return
	}
	for _, e := range d.flights.due(pending) {
		if ctx.Err() != nil {
			return
		}
		if !d.flights.tryStart(e.ID) {
			continue // taken up by a worker meanwhile
		}
		d.log.Info().Str("file", e.Rel).Str("state", string(e.State)).Msg("retrying a file left unfinished")
		switch e.State {
		case ledger.StateClaimed:
			d.recoverClaimed(ctx, e, clock)
		case ledger.StateDecided:
			d.recoverDecided(ctx, e, clock)
		}
		d.flights.end(e.ID)
	}
}

// Own trouble (process.Transient) is retried with back-off per claimed
// file: not before 1, 2, 4 … 30 minutes after its last try. The state is
// kept in the ledger (own_retries), so a restart neither retries every
// such file at once nor forgets how often it was tried.
const (
	retryFirst = time.Minute
	retryMax   = 30 * time.Minute
)

// retryDelay is the wait after the attempts-th try that met own trouble.
func retryDelay(attempts int) time.Duration {
	return min(retryFirst<<min(max(attempts-1, 0), 5), retryMax)
}

// backingOff reports whether claimed file e must wait before its next try
// at now. A back-off that cannot be read does not hold the file back.
func (d *Daemon) backingOff(ctx context.Context, e ledger.Entry, now time.Time) bool {
	r, ok, err := d.led.RetryOf(ctx, e.ID)
	if err != nil {
		d.log.Warn().Err(err).Str("file", e.Rel).Msg("read back-off; trying the file now")
		return false
	}
	if !ok || !now.Before(r.Next) {
		return false
	}
	d.log.Debug().Str("file", e.Rel).Int("attempts", r.Attempts).Time("next_try", r.Next).Msg("backing off after own trouble")
	return true
}

// noteTrouble records one more try of e that met dossier's own trouble at
// now, and tells the operator.
func (d *Daemon) noteTrouble(ctx context.Context, e ledger.Entry, now time.Time, problem string) {
	r, _, err := d.led.RetryOf(ctx, e.ID)
	if err != nil {
		d.log.Warn().Err(err).Str("file", e.Rel).Msg("read back-off")
	}
	if !strings.Contains(problem, "backing off") { // the evaluator's own wait is no try
		r.Attempts++
	}
	r.Next, r.LastError = now.Add(retryDelay(r.Attempts)), problem
	if err := d.led.NoteRetry(ctx, e.ID, r); err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("record back-off")
	}
	d.log.Error().Str("file", e.Rel).Str("problem", problem).Int("attempts", r.Attempts).Time("next_try", r.Next).
		Msg("own trouble reading the file; left claimed, retried later")
}
