package daemon

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dossier/intake"
	"dossier/ledger"
	"dossier/notify"
	"dossier/watcher"
)

// Recover finishes what a killed process left, before any new file is
// taken: a claimed row is re-evaluated from the work area, or re-claimed
// from the inbox if its rename never happened (gone if the file is in
// neither); a decided row's file is moved to rest (done if it already
// is). Files in the work area that no row knows (a claim lost with the
// disk's cache) are claimed afresh.
func (d *Daemon) Recover(ctx context.Context, clock func() time.Time) error {
	pending, err := d.led.Pending(ctx)
	if err != nil {
		return fmt.Errorf("recover: %w", err)
	}
	if len(pending) > 0 {
		d.log.Info().Int("pending", len(pending)).Msg("recovering files left by the last run")
	}
	if n := notify.SweepTemps(d.folders.RejectRoot()); n > 0 {
		d.log.Info().Int("files", n).Msg("removed temporary notice files left by the last run")
	}
	n := 0
	for _, root := range []string{d.folders.WorkDir(), d.folders.ArchiveRoot(), d.folders.RejectRoot()} {
		n += intake.SweepTemps(root)
	}
	if n > 0 {
		d.log.Info().Int("files", n).Msg("removed incomplete copies left by the last run")
	}
	if err := d.svc.Recover(ctx); err != nil { // clerk's decisions whose file was not yet moved
		return err
	}
	for _, e := range pending {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		switch e.State {
		case ledger.StateClaimed:
			d.recoverClaimed(ctx, e, clock)
		case ledger.StateDecided:
			d.recoverDecided(ctx, e, clock)
		}
	}
	return d.adoptOrphans(ctx, clock)
}

func (d *Daemon) recoverClaimed(ctx context.Context, e ledger.Entry, clock func() time.Time) {
	_, kept, err := d.led.KeptSourceOf(ctx, e.ID)
	if err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("look up the kept original; left claimed, retried later")
		return
	}
	if src := d.folders.InboxPath(e.Rel); !kept && present(e.WorkPath) && present(src) {
		d.settleCopy(e, src) // an original kept on purpose stays until the decision (kept.go)
	}
	if !present(e.WorkPath) {
		src := d.folders.InboxPath(e.Rel)
		if !present(src) {
			d.log.Warn().Str("file", e.Rel).Msg("claimed file is neither in the inbox nor in the work area")
			if err := d.led.Gone(ctx, e.ID, clock()); err != nil {
				d.log.Error().Err(err).Int64("id", e.ID).Msg("close claim")
			}
			return
		}
		if kept { // its copy was dropped: the original is taken again as a new file
			if err := d.led.ForgetSource(ctx, e.ID); err == nil {
				d.led.Gone(ctx, e.ID, clock())
			}
			return
		}
		taken, err := intake.Take(src, e.WorkPath)
		if err != nil {
			d.log.Error().Err(err).Str("file", e.Rel).Msg("re-claim from the inbox")
			if err := d.led.Gone(ctx, e.ID, clock()); err != nil {
				d.log.Error().Err(err).Int64("id", e.ID).Msg("close claim")
			}
			return
		}
		if taken.Kept {
			d.keep(ctx, e, watcher.Ready{Path: src, Rel: e.Rel}, taken, false, clock())
		}
	}
	d.finish(ctx, d.recheck(e), clock)
}

func (d *Daemon) recoverDecided(ctx context.Context, e ledger.Entry, clock func() time.Time) {
	if present(e.WorkPath) {
		d.place(ctx, e, clock)
		return
	}
	if !present(e.StoredPath) {
		d.log.Error().Str("file", e.Rel).Str("stored", e.StoredPath).Msg("decided file is missing from the work area and its destination")
	}
	if err := d.led.Done(ctx, e.ID, e.StoredPath, clock()); err != nil {
		d.log.Error().Err(err).Str("file", e.Rel).Msg("record file at rest")
	}
}

// adoptOrphans claims work-area files whose row is missing or finished.
func (d *Daemon) adoptOrphans(ctx context.Context, clock func() time.Time) error {
	ents, err := os.ReadDir(d.folders.WorkDir())
	if err != nil {
		return fmt.Errorf("recover: list work area: %w", err)
	}
	for _, de := range ents {
		id, ok := intake.WorkID(de.Name())
		if !ok {
			continue
		}
		e, err := d.led.Get(ctx, id)
		if err == nil && (e.State == ledger.StateClaimed || e.State == ledger.StateDecided) {
			continue
		}
		if err != nil && !errors.Is(err, ledger.ErrNotFound) {
			return fmt.Errorf("recover: %w", err)
		}
		if err == nil && e.State == ledger.StateDone && same(filepath.Join(d.folders.WorkDir(), de.Name()), e.StoredPath) {
			os.Remove(filepath.Join(d.folders.WorkDir(), de.Name())) // the second name of a file at rest
			continue
		}
		d.adopt(ctx, filepath.Join(d.folders.WorkDir(), de.Name()), de.Name()[strings.IndexByte(de.Name(), '-')+1:], clock)
	}
	return nil
}

func (d *Daemon) adopt(ctx context.Context, path, name string, clock func() time.Time) {
	fi, err := os.Lstat(path)
	if err != nil {
		return
	}
	now := clock()
	e, err := d.led.Claim(ctx, ledger.Claim{Rel: name, Name: name, Size: fi.Size(), ModTime: fi.ModTime(),
		Received: minTime(fi.ModTime(), now), Symlink: fi.Mode()&os.ModeSymlink != 0, Now: now},
		func(id int64) string { return d.folders.WorkPath(id, name) })
	if err != nil {
		d.log.Error().Err(err).Str("file", name).Msg("adopt orphan from the work area")
		return
	}
	if err := intake.Move(path, e.WorkPath); err != nil {
		d.log.Error().Err(err).Str("file", name).Msg("adopt orphan from the work area")
		d.led.Gone(ctx, e.ID, now)
		return
	}
	d.log.Warn().Str("file", name).Msg("adopted a work-area file the ledger did not know")
	d.finish(ctx, d.recheck(e), clock)
}

func present(p string) bool {
	if p == "" {
		return false
	}
	_, err := os.Lstat(p)
	return err == nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// OutboxDir is where packages are written.
func (d *Daemon) OutboxDir() string { return filepath.Join(d.cfg.Data, "outbox") }

// settleCopy handles a claim cut short while copying across file systems,
// when both the inbox file and a work copy exist: a complete, identical
// copy finishes the move (the source goes); an incomplete one is our own
// partial copy and is dropped so the move is done again; otherwise the
// inbox file is a new one with the same name, left for the watcher.
func (d *Daemon) settleCopy(e ledger.Entry, src string) {
	wi, err1 := os.Lstat(e.WorkPath)
	si, err2 := os.Lstat(src)
	if err1 == nil && err2 == nil && wi.Mode()&os.ModeSymlink != 0 && si.Mode()&os.ModeSymlink != 0 {
		// A link moved across file systems, cut short: the same target
		// twice is one move.
		if tw, _ := os.Readlink(e.WorkPath); tw != "" {
			if ts, _ := os.Readlink(src); ts == tw {
				os.Remove(src)
			}
		}
		return
	}
	if err1 != nil || err2 != nil || !wi.Mode().IsRegular() || !si.Mode().IsRegular() {
		return
	}
	if os.SameFile(wi, si) { // a link-and-unlink claim cut short: drop the inbox name
		os.Remove(src)
		return
	}
	if wi.Size() == si.Size() {
		hw, _ := intake.Hash(e.WorkPath)
		hs, _ := intake.Hash(src)
		if hw != "" && hw == hs {
			os.Remove(src)
		}
		return
	}
}
