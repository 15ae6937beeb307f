package daemon

import (
	"context"
	"fmt"
	"sort"
	"time"

	"dossier"
	"dossier/ledger"
	"dossier/render"
	"dossier/report"
	"dossier/rules"
)

// Status is every team of the registry, in registry order, as the rules
// see it at now from the ledger's documents, the clerk's corrections
// included (service.Status).
func (d *Daemon) Status(ctx context.Context, now time.Time) ([]dossier.TeamView, error) {
	return d.svc.Status(ctx, now)
}

// atRest is the package's input over the documents whose file is at rest
// in the archive: a file still being moved is left for the next package
// (counted as pending) rather than appended as a placeholder that "no
// change" would then keep. Files of no team and duplicates are passed on
// so that the package accounts for every file.
func (d *Daemon) atRest(ctx context.Context, now time.Time, logPending bool) (render.Input, error) {
	in := render.Input{Programme: d.prog, Generated: now, Convert: d.cfg.Convert}
	all, err := d.led.Documents(ctx)
	if err != nil {
		return in, fmt.Errorf("read documents for the package: %w", err)
	}
	pending, err := d.led.Pending(ctx)
	if err != nil {
		return in, fmt.Errorf("read pending documents for the package: %w", err)
	}
	in.Pending = len(pending)
	// Through the service: the clerk's decisions (人工核定) and the readings
	// (OCR识读) come with the documents.
	byTeam, err := d.svc.Documents(ctx)
	if err != nil {
		return in, fmt.Errorf("read documents for the package: %w", err)
	}
	inTeams := map[int64]bool{}
	for _, docs := range byTeam {
		for _, doc := range docs {
			inTeams[doc.ID] = true
		}
	}
	for _, e := range all {
		if !inTeams[e.Doc.ID] {
			in.Dups = append(in.Dups, e.Doc)
		}
	}
	rest := func(doc dossier.Document) bool {
		if doc.Verdict == dossier.VerdictRejected || present(doc.StoredPath) {
			return true
		}
		if logPending {
			d.log.Warn().Str("file", doc.Path).Str("stored", doc.StoredPath).Msg("not yet at rest: left out of this package")
		}
		in.Pending++
		return false
	}
	known := map[string]bool{}
	for _, t := range d.reg.Teams {
		known[t.ID] = true
		var docs []dossier.Document
		for _, doc := range byTeam[t.ID] {
			if rest(doc) {
				docs = append(docs, doc)
			}
		}
		in.Teams = append(in.Teams, rules.Team(t, docs, d.prog, now))
	}
	for team, docs := range byTeam {
		if known[team] {
			continue
		}
		for _, doc := range docs { // no team, or a team no longer in the registry
			if rest(doc) {
				in.NoTeam = append(in.NoTeam, doc)
			}
		}
	}
	sortByID(in.NoTeam)
	return in, nil
}

// Report is the computed view of the ledger at now: every figure of the
// package — files received and decided, teams, funds that count — for the
// status page and the desk, so that they show what the package shows.
func (d *Daemon) Report(ctx context.Context, now time.Time) (report.View, error) {
	in, err := d.atRest(ctx, now, false)
	if err != nil {
		return report.View{}, err
	}
	return in.View(), nil
}

func sortByID(docs []dossier.Document) {
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
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
