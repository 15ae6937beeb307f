package service

import (
	"context"
	"fmt"
	"os"
	"sort"
	"time"

	"dossier"
	"dossier/report"
	"dossier/rules"
)

// ReportInput is what the package and every count the bureau or a clerk
// reads are computed from: the documents whose file is at rest in the
// archive (a file still being moved is counted as pending and left for
// the next package, never appended as a placeholder), with the clerk's
// decisions and the readings; files of no team and duplicates are passed
// on so that every file is accounted for. logPending logs each file left
// out (the package does; a page view does not).
func (s *Service) ReportInput(ctx context.Context, now time.Time, logPending bool) (report.Input, error) {
	in := report.Input{Programme: s.cfg.Programme, Generated: now}
	all, err := s.cfg.Ledger.Documents(ctx)
	if err != nil {
		return in, fmt.Errorf("read documents for the report: %w", err)
	}
	pending, err := s.cfg.Ledger.Pending(ctx)
	if err != nil {
		return in, fmt.Errorf("read pending documents for the report: %w", err)
	}
	in.Pending = len(pending)
	byTeam, err := s.Documents(ctx)
	if err != nil {
		return in, fmt.Errorf("read documents for the report: %w", err)
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
		if doc.Verdict == dossier.VerdictRejected || atRest(doc.StoredPath) {
			return true
		}
		if logPending {
			s.cfg.Log.Warn().Str("file", doc.Path).Str("stored", doc.StoredPath).Msg("not yet at rest: left out of this package")
		}
		in.Pending++
		return false
	}
	known := map[string]bool{}
	for _, t := range s.cfg.Registry.Teams {
		known[t.ID] = true
		var docs []dossier.Document
		for _, doc := range byTeam[t.ID] {
			if rest(doc) {
				docs = append(docs, doc)
			}
		}
		in.Teams = append(in.Teams, rules.Team(t, docs, s.cfg.Programme, now))
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
	sort.Slice(in.NoTeam, func(i, j int) bool { return in.NoTeam[i].ID < in.NoTeam[j].ID })
	return in, nil
}

// Report is the computed view at now: the figures the package, 汇总表
// and the desk's 总览 all show. A view whose counts do not add up is an
// error (a bug), never shown.
func (s *Service) Report(ctx context.Context, now time.Time) (report.View, error) {
	in, err := s.ReportInput(ctx, now, false)
	if err != nil {
		return report.View{}, err
	}
	v := report.Build(in)
	if err := v.Check(); err != nil {
		return report.View{}, fmt.Errorf("compute the report: %w", err)
	}
	return v, nil
}

func atRest(p string) bool {
	if p == "" {
		return false
	}
	_, err := os.Lstat(p)
	return err == nil
}
