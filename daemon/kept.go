package daemon

import (
	"context"
	"errors"
	"os"
	"time"

	"dossier/intake"
	"dossier/ledger"
	"dossier/watcher"
)

// A claim that had to copy its file (across file systems, a hard link, a
// file open for writing) keeps the inbox original, recorded in the
// ledger, until the copy's decision is final: a writer that only paused
// may go on writing, and removing the name would lose what it writes.
// When the original changes after it was copied, the copy is stale: it
// is dropped (its row closed as gone) and the file is taken again once it
// settles. A read-only folder's original is kept for good, and the ledger
// remembers that it was answered, so that no restart answers it twice.

// writerHold: a kept original still open for writing and changed within
// it is not decided yet (its writer may only have paused).
const writerHold = 3 * time.Minute

func keptOf(k ledger.KeptSource) intake.Source {
	return intake.Source{Kept: true, Size: k.Size, ModTime: k.ModTime, Dev: k.Dev, Ino: k.Ino}
}

// keep records the original a claim copied and left in the inbox. When it
// cannot be recorded the original is removed at once, as a move would
// (it was verified equal to the copy): an unrecorded original would be
// taken again at the next rescan.
func (d *Daemon) keep(ctx context.Context, e ledger.Entry, r watcher.Ready, src intake.Source, readOnly bool, now time.Time) {
	err := d.led.KeepSource(ctx, ledger.KeptSource{Rel: r.Rel, DocumentID: e.ID, Size: src.Size, ModTime: src.ModTime,
		Dev: src.Dev, Ino: src.Ino, ReadOnly: readOnly}, now)
	if err == nil {
		return
	}
	d.log.Error().Err(err).Str("file", r.Rel).Msg("record the original kept in the inbox")
	if !readOnly {
		if rerr := intake.Release(r.Path, src, ""); rerr != nil {
			d.log.Error().Err(rerr).Str("file", r.Rel).Msg("remove the copied original")
		}
	}
}

// alreadyTaken reports whether the inbox file r is an original dossier
// keeps on purpose and that needs nothing now: its copy is being decided,
// or it sits in a read-only folder and was answered. An original that
// changed after its copy was taken makes that copy stale: it is dropped
// here and r is taken afresh.
func (d *Daemon) alreadyTaken(ctx context.Context, r watcher.Ready, clock func() time.Time) bool {
	k, ok, err := d.led.KeptSourceAt(ctx, r.Rel)
	if err != nil {
		d.log.Error().Err(err).Str("file", r.Rel).Msg("look up a kept original; left for the next rescan")
		return true // cannot tell: never risk answering a file twice
	}
	if !ok {
		return false
	}
	unchanged, _ := intake.Unchanged(r.Path, keptOf(k))
	switch {
	case k.State == ledger.StateClaimed && !unchanged:
		if !d.flights.tryStart(k.DocumentID) {
			return true // in a worker's hands: it sees the change, or the next rescan does
		}
		defer d.flights.end(k.DocumentID)
		e, err := d.led.Get(ctx, k.DocumentID)
		if err != nil || e.State != ledger.StateClaimed {
			return err != nil
		}
		return !d.dropStale(ctx, e, clock())
	case k.State == ledger.StateClaimed || k.State == ledger.StateDecided:
		return true // the copy is being decided; the original goes once it is
	case k.ReadOnly && unchanged:
		d.refused.add(r)
		return true // answered; it cannot be moved and must not be answered again
	}
	// A record outlived by its file (a new file at that path, or one
	// removed by hand): forget it.
	if err := d.led.ForgetSource(ctx, k.DocumentID); err != nil {
		d.log.Error().Err(err).Str("file", r.Rel).Msg("forget a kept original")
		return true
	}
	return false
}

// sourceStale reports whether e keeps an original that changed since it
// was copied; such a row is dropped (dropStale) and true returned.
func (d *Daemon) sourceStale(ctx context.Context, e ledger.Entry, now time.Time) bool {
	k, ok, err := d.led.KeptSourceOf(ctx, e.ID)
	if err != nil || !ok || k.ReadOnly {
		return false
	}
	p := d.folders.InboxPath(k.Rel)
	if unchanged, err := intake.Unchanged(p, keptOf(k)); unchanged || errors.Is(err, os.ErrNotExist) || !present(p) {
		return false
	}
	return d.dropStale(ctx, e, now)
}

// releaseSource removes e's kept original now that its decision is final,
// if it is still exactly what was copied (inode, size, time, SHA-256). It
// reports false when e must not be decided now: the original changed (the
// copy is stale and dropped, the file will be taken again) or could not
// be looked at (left claimed, retried).
func (d *Daemon) releaseSource(ctx context.Context, e ledger.Entry, sha string, now time.Time) bool {
	k, ok, err := d.led.KeptSourceOf(ctx, e.ID)
	if err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("look up the kept original; left claimed, retried later")
		return false
	}
	if !ok || k.ReadOnly {
		return true
	}
	if src := d.folders.InboxPath(k.Rel); time.Since(k.ModTime) < writerHold && intake.OpenForWriting(src) {
		// Its writer still holds it open and wrote lately: it may only
		// have paused. Not decided yet; the original stays.
		d.noteTrouble(ctx, e, now, "the original is still open for writing")
		return false
	}
	err = intake.Release(d.folders.InboxPath(k.Rel), keptOf(k), sha)
	switch {
	case err == nil:
		if ferr := d.led.ForgetSource(ctx, e.ID); ferr != nil {
			d.log.Warn().Err(ferr).Str("file", e.Rel).Msg("forget the removed original")
		}
		return true
	case errors.Is(err, intake.ErrSourceChanged):
		d.dropStale(ctx, e, now)
		return false
	case permanent(err): // a read-only folder after all: decided from the copy, the original stays
		d.log.Warn().Str("file", e.Rel).Msg("read-only folder: decided from a verified copy, the original left in place")
		if merr := d.led.MarkSourceReadOnly(ctx, e.ID); merr != nil {
			d.log.Error().Err(merr).Str("file", e.Rel).Msg("record the original as read-only; left claimed, retried later")
			return false
		}
		return true
	}
	d.log.Error().Err(err).Str("file", e.Rel).Msg("remove the copied original; left claimed, retried later")
	return false
}

// dropStale gives up claimed row e whose copy is older than the original
// kept in the inbox: the copy is removed first (so no restart adopts it),
// then the row is closed as gone; the original is left for the watcher,
// which takes it again once it settles.
func (d *Daemon) dropStale(ctx context.Context, e ledger.Entry, now time.Time) bool {
	if err := os.Remove(e.WorkPath); err != nil && !errors.Is(err, os.ErrNotExist) {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("remove a stale copy")
		return false
	}
	if err := d.led.Gone(ctx, e.ID, now); err != nil {
		d.log.Error().Err(err).Int64("id", e.ID).Msg("close the claim of a stale copy")
		return false
	}
	if err := d.led.ForgetSource(ctx, e.ID); err != nil {
		d.log.Warn().Err(err).Str("file", e.Rel).Msg("forget a kept original")
	}
	if err := d.led.ClearRetry(ctx, e.ID); err != nil {
		d.log.Warn().Err(err).Str("file", e.Rel).Msg("clear back-off")
	}
	d.log.Info().Str("file", e.Rel).Msg("the original changed after it was copied (its writer went on): copy dropped, file taken again once it settles")
	return true
}
