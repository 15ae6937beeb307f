package daemon

import (
	"context"
	"fmt"
	"time"

	"dossier"
	"dossier/ledger"
	"dossier/notify"
	"dossier/render"
	"dossier/rules"
)

// Status is every team of the registry, in registry order, as the rules
// see it at now from the ledger's documents.
func (d *Daemon) Status(ctx context.Context, now time.Time) ([]dossier.TeamView, error) {
	byTeam, err := d.led.DocumentsByTeam(ctx)
	if err != nil {
		return nil, fmt.Errorf("read documents for status: %w", err)
	}
	views := make([]dossier.TeamView, 0, len(d.reg.Teams))
	for _, t := range d.reg.Teams {
		views = append(views, rules.Team(t, byTeam[t.ID], d.prog, now))
	}
	return views, nil
}

// atRest is Status over the documents whose file is at rest in the
// archive: a file still being moved is left for the next package rather
// than appended as a placeholder that "no change" would then keep.
func (d *Daemon) atRest(ctx context.Context, now time.Time) ([]dossier.TeamView, error) {
	byTeam, err := d.led.DocumentsByTeam(ctx)
	if err != nil {
		return nil, fmt.Errorf("read documents for the package: %w", err)
	}
	views := make([]dossier.TeamView, 0, len(d.reg.Teams))
	for _, t := range d.reg.Teams {
		var docs []dossier.Document
		for _, doc := range byTeam[t.ID] {
			if doc.Verdict == dossier.VerdictRejected || present(doc.StoredPath) {
				docs = append(docs, doc)
			} else {
				d.log.Warn().Str("file", doc.Path).Str("stored", doc.StoredPath).Msg("not yet at rest: left out of this package")
			}
		}
		views = append(views, rules.Team(t, docs, d.prog, now))
	}
	return views, nil
}

func composeReminder(d *Daemon, v dossier.TeamView, now time.Time) (string, string, error) {
	return notify.Compose(d.cfg.Templates, dossier.NoticeReminder, nil, &v, d.prog, now)
}

// Consolidate renders the package from what the ledger holds into outDir
// (default <data>/outbox) and records the run.
func (d *Daemon) Consolidate(ctx context.Context, now time.Time, outDir string) (render.Result, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if outDir == "" {
		outDir = d.OutboxDir()
	}
	views, err := d.atRest(ctx, now)
	if err != nil {
		return render.Result{}, err
	}
	id, err := d.led.BeginConsolidation(ctx, now)
	if err != nil {
		return render.Result{}, err
	}
	res, rerr := render.Consolidate(ctx, render.Input{Programme: d.prog, Teams: views, Generated: now}, outDir, d.cfg.CopyTo)
	rec := ledger.Consolidation{ID: id, Dir: res.Dir, InputsHash: res.InputsHash, Finished: d.cfg.Clock(),
		Pages: res.Pages, Changed: res.Changed}
	if rerr != nil {
		rec.Error = rerr.Error()
	}
	if err := d.led.FinishConsolidation(context.WithoutCancel(ctx), rec); err != nil {
		return res, err
	}
	if rerr != nil {
		return res, fmt.Errorf("consolidate: %w", rerr)
	}
	d.log.Info().Str("dir", res.Dir).Int("pages", res.Pages).Bool("changed", res.Changed).Msg("consolidated")
	return res, nil
}
