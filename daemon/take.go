package daemon

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"dossier"
	"dossier/intake"
	"dossier/ledger"
	"dossier/process"
	"dossier/watcher"
)

// take claims one stable file and carries it to rest. Errors are logged
// here; a file whose claim fails is left in the inbox for the next rescan.
func (d *Daemon) take(ctx context.Context, r watcher.Ready, clock func() time.Time) {
	now := clock()
	name := path.Base(r.Rel)
	folder := ""
	if i := strings.IndexByte(r.Rel, '/'); i > 0 {
		folder = r.Rel[:i]
	}
	received := now
	if !r.FirstSeen.IsZero() && r.FirstSeen.Before(now) {
		received = r.FirstSeen // D001: it arrived when first seen, not when its turn came
	}
	if r.Backlog && !r.ModTime.IsZero() && r.ModTime.Before(now) {
		received = r.ModTime // D001: a file found waiting counts from its mtime
	}
	if d.refused.seen(r) {
		return // could not be taken before and unchanged since: not again at every rescan
	}
	if d.alreadyTaken(ctx, r, clock) {
		return // an original kept on purpose: its copy is being decided, or it was answered (kept.go)
	}
	hold := d.tooLarge(r) // F005 decided from a hidden name in 退回: a rename, nothing copied to the data disk
	e, err := d.led.Claim(ctx, ledger.Claim{Rel: r.Rel, Name: name, Folder: folder, Size: r.Size,
		ModTime: r.ModTime, Received: received, Symlink: r.Symlink, Now: now},
		func(id int64) string {
			if hold {
				return d.folders.HoldPath(id, name)
			}
			return d.folders.WorkPath(id, name)
		})
	if err != nil {
		d.log.Error().Err(err).Str("file", r.Rel).Msg("claim failed; left in the inbox")
		return
	}
	d.flights.start(e.ID)
	defer d.flights.end(e.ID)
	var src intake.Source // the original, when it was copied and kept
	readOnly := false
	if hold {
		err = intake.Move(r.Path, e.WorkPath)
	} else {
		src, err = intake.Take(r.Path, e.WorkPath)
	}
	if err != nil && permanent(err) {
		if was, serr := intake.Copied(r.Path); serr == nil && intake.Copy(r.Path, e.WorkPath) == nil {
			// A read-only folder: decided from a verified copy, the original left.
			d.log.Warn().Str("file", r.Rel).Msg("read-only folder: file copied into the work area, the original left in place")
			d.refused.add(r)
			src, readOnly, err = was, true, nil
		}
	}
	if err != nil {
		// Nothing was taken: the row is closed and the file stays where
		// staff put it, for the next rescan.
		d.log.Error().Err(err).Str("file", r.Rel).Msg("cannot move file into the work area; left in the inbox")
		if permanent(err) {
			d.refused.add(r) // e.g. a read-only share: retried only once the file changes
		}
		if gerr := d.led.Gone(ctx, e.ID, now); gerr != nil {
			d.log.Error().Err(gerr).Int64("id", e.ID).Msg("close claim")
		}
		return
	}
	if src.Kept && d.changedSinceStable(r, e.WorkPath) {
		// A stale copy of an original still in place: drop the copy only.
		d.log.Info().Str("file", r.Rel).Msg("changed while queued; left in the inbox to settle again")
		d.dropStale(ctx, e, now)
		return
	}
	if src.Kept {
		d.keep(ctx, e, r, src, readOnly, now)
	}
	if d.changedSinceStable(r, e.WorkPath) {
		// Not the file the watcher judged complete (rewritten or replaced
		// while it waited in the queue): put it back for the watcher.
		if err := intake.Move(e.WorkPath, r.Path); err == nil {
			d.log.Info().Str("file", r.Rel).Msg("changed while queued; left in the inbox to settle again")
			if gerr := d.led.Gone(ctx, e.ID, now); gerr != nil {
				d.log.Error().Err(gerr).Int64("id", e.ID).Msg("close claim")
			}
			return
		}
	}
	e = d.recheck(e)
	d.finish(ctx, e, clock)
}

// finish evaluates a claimed file in the work area, records the decision
// and moves the file to rest. A cancelled ctx leaves it claimed.
func (d *Daemon) finish(ctx context.Context, e ledger.Entry, clock func() time.Time) {
	var dupID int64
	var held string
	defer func() {
		if held != "" {
			d.shas.Unlock(held)
		}
	}()
	// Known holds the SHA-256's lock until the decision is committed, so
	// two copies of one file evaluated at once cannot both be accepted.
	known := func(sha string) (dossier.Document, bool) {
		if held == "" {
			d.shas.Lock(sha)
			held = sha
		}
		prev, ok, err := d.led.AcceptedBySHA(ctx, sha)
		if err != nil {
			d.log.Error().Err(err).Str("sha256", sha).Msg("look up duplicate")
		}
		if ok {
			dupID = prev.ID
		}
		return prev, ok
	}
	if d.sourceStale(ctx, e, clock()) {
		return // the original changed since it was copied: taken again once it settles
	}
	if d.backingOff(ctx, e, clock()) {
		return // own trouble on an earlier try: not yet (retry.go)
	}
	f := process.File{Path: e.WorkPath, Rel: e.Rel, Name: e.Name, Folder: e.Folder, Size: e.Size,
		ModTime: e.ModTime, Received: e.Received, Symlink: e.Symlink}
	evalAt := clock()
	doc := d.ev.Evaluate(ctx, f, evalAt, known)
	if ctx.Err() != nil {
		d.log.Warn().Str("file", e.Rel).Msg("stopped while evaluating; left claimable")
		return
	}
	if process.Transient(doc) { // dossier's own trouble: no decision, no notice; retried with back-off
		d.noteTrouble(ctx, e, evalAt, doc.Problem)
		return
	}
	if doc.Verdict == "" { // the evaluator's contract is VerdictOf(findings); hold it here too
		doc.Verdict = dossier.VerdictOf(doc.Findings)
	}
	if !d.releaseSource(ctx, e, doc.SHA256, clock()) {
		return // a kept original that changed (taken again) or cannot be looked at (retried)
	}
	dup := dupID != 0 && hasRule(doc.Findings, "F008")
	if !dup {
		dupID = 0
	}
	dir, err := d.folders.SafeDir(d.folders.DestDir(doc, dup))
	if err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("no safe destination folder; left claimable")
		return
	}
	stored, err := d.folders.Reserve(dir, e.Name, doc.Verdict == dossier.VerdictRejected)
	if err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("no free name at the destination; left claimable")
		return
	}
	defer d.folders.Release(stored)
	now := clock()
	doc, notices, err := d.led.Decide(ctx, ledger.Decision{ID: e.ID, Doc: doc, StoredPath: stored, Now: now,
		Duplicate: dupID, Compose: d.composer(stored, now), Channels: d.channels()})
	if held != "" {
		d.shas.Unlock(held)
		held = ""
	}
	if err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("record decision; left claimable")
		return
	}
	d.log.Info().Str("file", e.Rel).Str("sha256", doc.SHA256).Str("team", doc.TeamID).
		Str("kind", string(doc.Kind)).Str("verdict", string(doc.Verdict)).Int("findings", len(doc.Findings)).
		Int("notices", len(notices)).Str("stored", stored).Str("problem", doc.Problem).Msg("decision")
	if err := d.led.ClearRetry(ctx, e.ID); err != nil {
		d.log.Warn().Err(err).Str("file", e.Rel).Msg("clear back-off")
	}
	if err := d.led.SaveReadings(ctx, e.ID, doc.Confidence, doc.Sources); err != nil {
		d.log.Warn().Err(err).Str("file", e.Rel).Msg("record field readings")
	}
	e.Doc, e.StoredPath, e.State = doc, stored, ledger.StateDecided
	d.place(ctx, e, clock)
}

// changedSinceStable reports whether what was moved into the work area is
// not the file the watcher handed on: a folder, or a regular file whose
// size or modification time differ from the stable look.
func (d *Daemon) changedSinceStable(r watcher.Ready, work string) bool {
	fi, err := os.Lstat(work)
	if err != nil {
		return false
	}
	if fi.IsDir() {
		return true
	}
	return !r.Symlink && fi.Mode().IsRegular() && (fi.Size() != r.Size || !fi.ModTime().Equal(r.ModTime))
}

// recheck looks at what was actually moved into the work area: whatever
// sat at the inbox path at rename time is what gets evaluated, so a link
// swapped in after the watcher looked is still treated as a link (never
// read), and its size is the one now on disk.
func (d *Daemon) recheck(e ledger.Entry) ledger.Entry {
	fi, err := os.Lstat(e.WorkPath)
	if err != nil {
		return e
	}
	e.Symlink = fi.Mode()&os.ModeSymlink != 0
	if fi.Mode().IsRegular() {
		e.Size = fi.Size()
	}
	return e
}

// place moves a decided file from the work area to rest and records it.
// The destination folder must be a real folder, not a link someone put in
// the shared folder; a copy left complete by a killed process counts as
// placed.
func (d *Daemon) place(ctx context.Context, e ledger.Entry, clock func() time.Time) {
	final := e.StoredPath
	if err := d.folders.EnsureDir(filepath.Dir(final)); err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Str("stored", final).Msg("destination folder unsafe; file kept in the work area, retried at next start")
		return
	}
	err := intake.Move(e.WorkPath, final)
	for i := 0; errors.Is(err, intake.ErrExists) && i < 3; i++ {
		if same(e.WorkPath, final) || sameContent(e.WorkPath, final, e.Doc.SHA256) {
			// A move cut short: a link-and-unlink, or a complete copy
			// whose original was not yet removed.
			err = os.Remove(e.WorkPath)
			break
		}
		next, rerr := d.folders.Reserve(filepath.Dir(final), e.Name, e.Doc.Verdict == dossier.VerdictRejected)
		if rerr != nil {
			err = rerr
			break
		}
		final = next
		defer d.folders.Release(final)
		err = intake.Move(e.WorkPath, final)
	}
	if err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Str("stored", final).Msg("move to rest failed; retried at next start")
		return
	}
	if err := d.led.Done(ctx, e.ID, final, clock()); err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("record file at rest")
	}
}

// sameContent reports whether b holds exactly a's bytes (same size, and
// the known SHA-256 when given).
func sameContent(a, b, sha string) bool {
	fa, err1 := os.Lstat(a)
	fb, err2 := os.Lstat(b)
	if err1 != nil || err2 != nil || !fa.Mode().IsRegular() || !fb.Mode().IsRegular() || fa.Size() != fb.Size() {
		return false
	}
	hb, err := intake.Hash(b)
	if err != nil {
		return false
	}
	if sha == "" {
		ha, err := intake.Hash(a)
		return err == nil && ha == hb
	}
	return hb == sha
}

func same(a, b string) bool {
	fa, err1 := os.Lstat(a)
	fb, err2 := os.Lstat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

func hasRule(fs []dossier.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// refusals remembers files that could not be taken for a reason that will
// not pass by itself (no permission to move them out of a read-only
// share), by path, size and modification time, so that a rescan does not
// copy and refuse them again every few minutes.
type refusals struct {
	mu sync.Mutex
	m  map[string]watcher.Ready
}

func (rf *refusals) seen(r watcher.Ready) bool {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	old, ok := rf.m[r.Path]
	if ok && (old.Size != r.Size || !old.ModTime.Equal(r.ModTime)) {
		delete(rf.m, r.Path)
		return false
	}
	return ok
}

func (rf *refusals) add(r watcher.Ready) {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if rf.m == nil {
		rf.m = map[string]watcher.Ready{}
	}
	rf.m[r.Path] = r
}

// tooLarge reports a file over F005's size limit, which is decided without
// being copied toward the data disk.
func (d *Daemon) tooLarge(r watcher.Ready) bool {
	ms, ok := d.ev.(interface{ MaxSize() int64 })
	return ok && !r.Symlink && ms.MaxSize() > 0 && r.Size > ms.MaxSize()
}

// permanent reports a move error that retrying will not cure.
func permanent(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}
