package daemon

import (
	"context"
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
		d.log.Info().Str("file", e.Rel).Str("state", string(e.State)).Msg("retrying a file left unfinished")
		d.flights.start(e.ID)
		switch e.State {
		case ledger.StateClaimed:
			d.recoverClaimed(ctx, e, clock)
		case ledger.StateDecided:
			d.recoverDecided(ctx, e, clock)
		}
		d.flights.end(e.ID)
	}
}
