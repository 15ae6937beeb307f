package daemon

import (
	"context"
	"fmt"
	"time"

	"dossier"
	"dossier/ledger"
	"dossier/render"
)

// Status is every team of the registry, in registry order, as the rules
// see it at now from the ledger's documents, the clerk's corrections
// included (service.Status).
func (d *Daemon) Status(ctx context.Context, now time.Time) ([]dossier.TeamView, error) {
	return d.svc.Status(ctx, now)
}

// atRest is the package's input: the service's report input (the same
// one the desk's 总览 counts from) with the daemon's converter.
func (d *Daemon) atRest(ctx context.Context, now time.Time, logPending bool) (render.Input, error) {
	ri, err := d.svc.ReportInput(ctx, now, logPending)
	if err != nil {
		return render.Input{}, err
	}
	return render.Input{Programme: ri.Programme, Teams: ri.Teams, NoTeam: ri.NoTeam, Dups: ri.Dups,
		Pending: ri.Pending, Generated: ri.Generated, Convert: d.cfg.Convert}, nil
}

func composeReminder(d *Daemon, v dossier.TeamView, now time.Time) (string, string, error) {
	return d.request(dossier.NoticeReminder, nil, &v, now).Compose()
}

// Consolidate renders the package from what the ledger holds into outDir
// (default <data>/outbox) and records the run.
func (d *Daemon) Consolidate(ctx context.Context, now time.Time, outDir string) (render.Result, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if outDir == "" {
		outDir = d.OutboxDir()
	}
	in, err := d.atRest(ctx, now, true)
	if err != nil {
		return render.Result{}, err
	}
	id, err := d.led.BeginConsolidation(ctx, now)
	if err != nil {
		return render.Result{}, err
	}
	res, rerr := render.Consolidate(ctx, in, outDir, d.cfg.CopyTo)
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
